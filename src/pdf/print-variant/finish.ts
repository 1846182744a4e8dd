import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import type { PdfMetadata } from '../metadata.js';
import {
  addRegistration,
  cropMarksContent,
  MM,
  rectArray,
  registrationColourSpace,
  type Rect,
} from './crop-marks.js';
import type { OutputProfile } from './profile.js';
import { readIcc } from './profile.js';
import { restoreToUnicode } from './to-unicode.js';
import type { PressSheet } from './press-sheet.js';
import type { PressGeometry } from './geometry.js';

export { PRESS_GEOMETRY, type PressGeometry } from './geometry.js';

export interface PressBoxes {
  media: Rect;
  bleed: Rect;
  trim: Rect;
}

/** The boxes every page of the press PDF gets, for a trimmed page of `trimW` x `trimH` points. */
export function pressBoxes(trimW: number, trimH: number, g: PressGeometry): PressBoxes {
  const m = g.mediaMarginMm * MM;
  const b = g.bleedMm * MM;
  return {
    media: [0, 0, trimW + 2 * m, trimH + 2 * m],
    bleed: [m - b, m - b, m + trimW + b, m + trimH + b],
    trim: [m, m, m + trimW, m + trimH],
  };
}

const n = (v: number) => (Math.round(v * 1000) / 1000).toString();
const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** XMP for PDF/X-4: the Info entries again, document and instance IDs, version and rendition class. */
function xmpPacket(
  m: PdfMetadata,
  language: string | undefined,
  producer: string,
  uuid: string,
): string {
  const date = `${m.date}T00:00:00Z`;
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(m.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${xml(m.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(m.subject)}</rdf:li></rdf:Alt></dc:description>${
     language
       ? `\n   <dc:language><rdf:Bag><rdf:li>${xml(language)}</rdf:li></rdf:Bag></dc:language>`
       : ''
   }
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
   <xmp:MetadataDate>${date}</xmp:MetadataDate>
   <xmp:CreatorTool>${xml(m.creator)}</xmp:CreatorTool>
   <pdf:Producer>${xml(producer)}</pdf:Producer>
   <pdf:Keywords>${xml(m.keywords.join(' '))}</pdf:Keywords>
   <pdf:Trapped>False</pdf:Trapped>
   <xmpMM:DocumentID>uuid:${uuid}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:${uuid}</xmpMM:InstanceID>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
   <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

export interface FinishPressOptions {
  sheet: PressSheet;
  geometry: PressGeometry;
  metadata: PdfMetadata;
  language?: string;
  profile: OutputProfile;
  /** The PDF Ghostscript converted: its fonts' ToUnicode maps are put back (to-unicode.ts). */
  textFrom?: Uint8Array;
}

/**
 * Turns Ghostscript's CMYK pages (each the size of the sheet Chromium printed) into the press
 * PDF: each page moves onto the full sheet, clipped to its bleed, with crop marks in
 * registration colour around the trim; MediaBox, BleedBox and TrimBox on every page; the
 * PDF/X output intent with the embedded CMYK profile; PDF/X-4 identification (XMP, Trapped);
 * dates and document ID from the edition, so the same input gives the same bytes.
 */
export async function finishPressPdf(cmyk: Uint8Array, o: FinishPressOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.load(cmyk, { updateMetadata: false });
  if (o.textFrom)
    restoreToUnicode(doc, await PDFDocument.load(o.textFrom, { updateMetadata: false }));
  const trimW = o.sheet.trimWidthMm * MM;
  const trimH = o.sheet.trimHeightMm * MM;
  const offset = o.sheet.offsetPx * 0.75; // CSS px -> pt
  const boxes = pressBoxes(trimW, trimH, o.geometry);
  const registration = registrationColourSpace(doc);
  const b = o.geometry.bleedMm * MM;

  for (const page of doc.getPages()) {
    const { Resources } = page.node.normalizedEntries();
    const sheet = page.getMediaBox();
    // The trim's bottom-left corner on Chromium's sheet: `offset` in from its left and top edges.
    const trimLeft = sheet.x + offset;
    const trimBottom = sheet.y + sheet.height - offset - trimH;
    const [mx, my] = [boxes.trim[0] - trimLeft, boxes.trim[1] - trimBottom];
    const clip = `${n(trimLeft - b)} ${n(trimBottom - b)} ${n(trimW + 2 * b)} ${n(trimH + 2 * b)} re W n`;
    const before = doc.context.register(
      doc.context.flateStream(`q 1 0 0 1 ${n(mx)} ${n(my)} cm ${clip}\n`),
    );
    const after = doc.context.register(
      doc.context.flateStream(`Q\n${cropMarksContent(boxes.trim, o.geometry.marks)}`),
    );
    page.node.wrapContentStreams(before, after);
    addRegistration(doc, Resources, registration);
    page.node.set(PDFName.of('MediaBox'), rectArray(doc, boxes.media));
    page.node.set(PDFName.of('CropBox'), rectArray(doc, boxes.media));
    page.node.set(PDFName.of('BleedBox'), rectArray(doc, boxes.bleed));
    page.node.set(PDFName.of('TrimBox'), rectArray(doc, boxes.trim));
    page.node.delete(PDFName.of('ArtBox'));
    page.node.delete(PDFName.of('Annots'));
  }

  const icc = readIcc(o.profile.file);
  const profile = doc.context.register(doc.context.flateStream(icc.bytes, { N: icc.channels }));
  const intent = doc.context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: PDFString.of(o.profile.identifier),
    OutputCondition: PDFString.of(o.profile.condition),
    RegistryName: PDFString.of('http://www.color.org'),
    Info: PDFString.of(icc.description),
    DestOutputProfile: profile,
  });
  doc.catalog.set(PDFName.of('OutputIntents'), doc.context.obj([intent]));

  const m = o.metadata;
  const date = new Date(`${m.date}T00:00:00Z`);
  const producer = `${m.creator} (Chromium, Ghostscript, pdf-lib)`;
  doc.setTitle(m.title, { showInWindowTitleBar: true });
  doc.setAuthor(m.author);
  doc.setSubject(m.subject);
  doc.setKeywords(m.keywords);
  doc.setCreator(m.creator);
  doc.setProducer(producer);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  if (o.language) doc.setLanguage(o.language);
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of('Trapped'), PDFName.of('False'));
  info.set(PDFName.of('GTS_PDFXVersion'), PDFString.of('PDF/X-4'));
  // A different file from the screen PDF, so a different ID, still derived from the inputs.
  const id = createHash('sha256').update(`${m.documentId}:press`).digest('hex').slice(0, 32);
  const uuid = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`;
  const xmp = doc.context.stream(
    new Uint8Array(Buffer.from(xmpPacket(m, o.language, producer, uuid), 'utf8')),
    { Type: 'Metadata', Subtype: 'XML' },
  );
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));
  const ids = PDFArray.withContext(doc.context);
  ids.push(PDFHexString.of(id));
  ids.push(PDFHexString.of(id));
  doc.context.trailerInfo.ID = ids;
  const saved = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  // PDF/X-4 is PDF 1.6, as Ghostscript wrote it; pdf-lib always writes a 1.7 header. Same
  // length, so no offset moves; nothing here needs 1.7.
  saved.set(new TextEncoder().encode('%PDF-1.6'), 0);
  return saved;
}
