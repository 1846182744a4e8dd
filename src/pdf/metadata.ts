import { PDFArray, PDFDocument, PDFHexString } from 'pdf-lib';
import type { RenderedReport } from '../render/render-report.js';
import { VERSION } from '../version.js';
import { normaliseStructureIds } from './deterministic.js';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creator: string;
  /** ISO date; also the modification date, so the same data gives the same metadata. */
  date: string;
  /** The document ID (hex), derived from the inputs so a rebuild of the same data matches. */
  documentId: string;
}

/**
 * Sets what Chromium cannot on a loaded document: author, subject, keywords, and dates and
 * document ID from the data. The screen PDF's finishing calls this on the document it has
 * loaded anyway: a second parse and save of every PDF cost ~100 ms of node per profile.
 */
export function applyPdfMetadata(doc: PDFDocument, m: PdfMetadata): void {
  const date = new Date(`${m.date}T00:00:00Z`);
  doc.setTitle(m.title, { showInWindowTitleBar: true });
  doc.setAuthor(m.author);
  doc.setSubject(m.subject);
  doc.setKeywords(m.keywords);
  doc.setCreator(m.creator);
  doc.setProducer(`${m.creator} (Chromium, pdf-lib)`);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const id = PDFHexString.of(m.documentId);
  doc.context.trailerInfo.ID = PDFArray.withContext(doc.context);
  (doc.context.trailerInfo.ID as PDFArray).push(id);
  (doc.context.trailerInfo.ID as PDFArray).push(id);
}

/**
 * The metadata alone (the preview's PDF): sets it, then makes the bytes reproducible. The
 * structure ids are renumbered in Chromium's bytes, before parsing: same width, same offsets.
 */
export async function setPdfMetadata(pdf: Uint8Array, m: PdfMetadata): Promise<Uint8Array> {
  const doc = await PDFDocument.load(normaliseStructureIds(pdf), { updateMetadata: false });
  applyPdfMetadata(doc, m);
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

/** The metadata of a rendered document; `inputsHash` makes its document ID. */
export function metadataFor(rendered: RenderedReport, inputsHash: string): PdfMetadata {
  return {
    title: rendered.meta.title,
    author: rendered.meta.author,
    subject: rendered.meta.subject,
    keywords: rendered.meta.keywords,
    creator: `keydata ${VERSION}`,
    date: rendered.meta.published,
    documentId: inputsHash.slice(0, 32),
  };
}
