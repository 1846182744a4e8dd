import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFStream,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import { MM, type Rect } from './crop-marks.js';
import { PRESS_FAMILIES, scanPress, type PressScan } from './press-scan.js';

/**
 * The press PDF's preflight, read back from the file: what a printer's prepress checks
 * before accepting it. Each line passes or fails; the build fails the profile on any failure
 * and prints the report either way.
 */
export interface PressExpectation {
  /** The screen PDF's page count: the press PDF must have the same pages. */
  pages: number;
  trimWidthMm: number;
  trimHeightMm: number;
  bleedMm: number;
}

export interface CheckLine {
  name: 'pages' | 'boxes' | 'fonts' | 'colour' | 'intent' | 'pdf/x';
  ok: boolean;
  detail: string;
}

export interface PressCheck {
  ok: boolean;
  lines: CheckLine[];
}

const TOLERANCE_MM = 0.05;
const mm = (pt: number) => (pt / MM).toFixed(1);
const text = (o: PDFObject | undefined) =>
  o instanceof PDFString || o instanceof PDFHexString
    ? o.decodeText()
    : o instanceof PDFName
      ? o.decodeText()
      : undefined;

function ownBox(page: PDFDict, key: string): Rect | undefined {
  const box = page.lookupMaybe(PDFName.of(key), PDFArray);
  if (box?.size() !== 4) return undefined;
  const v = box.asArray().map((o) => (o instanceof PDFNumber ? o.asNumber() : NaN));
  const [a, b, c, d] = v as [number, number, number, number];
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}

function checkBoxes(doc: PDFDocument, e: PressExpectation): CheckLine {
  const problems: string[] = [];
  let sample: { trim: Rect; bleed: Rect; media: Rect } | undefined;
  const near = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE_MM * MM;
  for (const [i, page] of doc.getPages().entries()) {
    const [media, bleed, trim] = [
      ownBox(page.node, 'MediaBox'),
      ownBox(page.node, 'BleedBox'),
      ownBox(page.node, 'TrimBox'),
    ];
    const missing = [!media && 'MediaBox', !bleed && 'BleedBox', !trim && 'TrimBox'].filter(
      Boolean,
    );
    if (!media || !bleed || !trim) {
      problems.push(`page ${i + 1} has no ${missing.join(', ')}`);
      continue;
    }
    sample ??= { trim, bleed, media };
    if (
      !near(trim[2] - trim[0], e.trimWidthMm * MM) ||
      !near(trim[3] - trim[1], e.trimHeightMm * MM)
    ) {
      problems.push(
        `page ${i + 1}: TrimBox ${mm(trim[2] - trim[0])} x ${mm(trim[3] - trim[1])} mm, not ${e.trimWidthMm} x ${e.trimHeightMm} mm`,
      );
    }
    const sides = [trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3]];
    if (!sides.every((s) => near(s, e.bleedMm * MM)))
      problems.push(
        `page ${i + 1}: bleed ${sides.map(mm).join('/')} mm, not ${e.bleedMm} mm on every side`,
      );
    if (bleed[0] < media[0] || bleed[1] < media[1] || bleed[2] > media[2] || bleed[3] > media[3])
      problems.push(`page ${i + 1}: BleedBox outside the MediaBox`);
    if (
      sample &&
      (!sample.trim.every((v, k) => near(v, trim[k] as number)) ||
        !sample.media.every((v, k) => near(v, media[k] as number)))
    ) {
      problems.push(`page ${i + 1}: boxes differ from page 1`);
    }
  }
  if (problems.length || !sample)
    return { name: 'boxes', ok: false, detail: problems.slice(0, 4).join('; ') || 'no pages' };
  const { trim, media } = sample;
  return {
    name: 'boxes',
    ok: true,
    detail: `every page: TrimBox ${mm(trim[2] - trim[0])} x ${mm(trim[3] - trim[1])} mm, BleedBox ${e.bleedMm} mm beyond it on every side, MediaBox ${mm(media[2] - media[0])} x ${mm(media[3] - media[1])} mm with crop marks outside the bleed`,
  };
}

function fontFile(font: PDFDict): boolean {
  const subtype = text(font.get(PDFName.of('Subtype')));
  if (subtype === 'Type3') return true;
  const target =
    subtype === 'Type0'
      ? font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0, PDFDict)
      : font;
  const descriptor = target?.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
  return Boolean(
    descriptor && ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.has(PDFName.of(k))),
  );
}

function checkFonts(scan: PressScan): CheckLine {
  const names = scan.fonts.map((f) => ({
    name: text(f.get(PDFName.of('BaseFont'))) ?? '(unnamed Type 3)',
    embedded: fontFile(f),
  }));
  const missing = names.filter((f) => !f.embedded).map((f) => f.name);
  if (missing.length)
    return { name: 'fonts', ok: false, detail: `not embedded: ${missing.join(', ')}` };
  const subsets = names.filter((f) => /^[A-Z]{6}\+/.test(f.name)).length;
  const plain = [...new Set(names.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')))].sort();
  return {
    name: 'fonts',
    ok: true,
    detail: `${names.length} font(s), all embedded${subsets === names.length ? ' (subsets)' : ''}: ${plain.join(', ')}`,
  };
}

function checkColour(scan: PressScan): CheckLine {
  const counts = Object.entries(scan.uses).sort(([a], [b]) => a.localeCompare(b));
  const families = [...new Set(counts.map(([k]) => k.split(' ')[0] as string))];
  const bad = families.filter((f) => !PRESS_FAMILIES.has(f as never));
  const what = `${scan.streams} content stream(s), ${scan.images} image(s), ${scan.shadings} shading(s)`;
  if (bad.length)
    return {
      name: 'colour',
      ok: false,
      detail: `${bad.join(', ')} left after conversion (${what}): ${scan.offending.slice(0, 5).join('; ')}`,
    };
  const used = counts.map(([k, n]) => `${k} ${n}`).join(', ');
  return {
    name: 'colour',
    ok: true,
    detail: `CMYK only, no RGB, Lab or untagged colour (${what}; ${used})`,
  };
}

function checkIntent(doc: PDFDocument): CheckLine {
  const intents = doc.catalog.lookupMaybe(PDFName.of('OutputIntents'), PDFArray);
  const intent = intents
    ?.asArray()
    .map((o) => doc.context.lookup(o))
    .find((d): d is PDFDict => d instanceof PDFDict && text(d.get(PDFName.of('S'))) === 'GTS_PDFX');
  if (!intent) return { name: 'intent', ok: false, detail: 'no GTS_PDFX output intent' };
  const profile = intent.lookupMaybe(PDFName.of('DestOutputProfile'), PDFStream);
  const channels = profile?.dict.lookupMaybe(PDFName.of('N'), PDFNumber)?.asNumber();
  const id = text(intent.get(PDFName.of('OutputConditionIdentifier'))) ?? '';
  const info = text(intent.get(PDFName.of('Info'))) ?? '';
  if (!profile || channels !== 4)
    return {
      name: 'intent',
      ok: false,
      detail: `output intent ${id || '(no identifier)'} has ${profile ? `a ${channels}-channel` : 'no'} profile, not CMYK`,
    };
  if (!id)
    return { name: 'intent', ok: false, detail: 'output intent without OutputConditionIdentifier' };
  return {
    name: 'intent',
    ok: true,
    detail: `GTS_PDFX, ${id}, "${info}" (CMYK ICC profile embedded)`,
  };
}

function checkPdfx(doc: PDFDocument, bytes: Uint8Array): CheckLine {
  const problems: string[] = [];
  const header = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  const version = /^%PDF-(\d\.\d)/.exec(header)?.[1];
  if (!version || Number(version) > 1.6)
    problems.push(`header ${header.trim()}, not PDF 1.6 or earlier`);
  const metadata = doc.catalog.lookup(PDFName.of('Metadata'));
  const xmp =
    metadata instanceof PDFRawStream
      ? Buffer.from(decodePDFRawStream(metadata).decode()).toString('utf8')
      : '';
  if (!/<pdfxid:GTS_PDFXVersion>PDF\/X-4<\/pdfxid:GTS_PDFXVersion>/.test(xmp))
    problems.push('no GTS_PDFXVersion PDF/X-4 in the XMP metadata');
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  const trapped = info instanceof PDFDict ? text(info.get(PDFName.of('Trapped'))) : undefined;
  if (trapped !== 'True' && trapped !== 'False') problems.push('Trapped is neither True nor False');
  if (!doc.context.trailerInfo.ID) problems.push('no document ID');
  if (doc.isEncrypted) problems.push('encrypted');
  const annotated = doc.getPages().flatMap((p, i) => {
    const annots = p.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    const kinds = (annots?.asArray() ?? []).map((a) =>
      text(doc.context.lookup(a, PDFDict).get(PDFName.of('Subtype'))),
    );
    return kinds
      .filter((k) => k !== 'PrinterMark' && k !== 'TrapNet')
      .map((k) => `page ${i + 1} ${k}`);
  });
  if (annotated.length) problems.push(`annotations: ${annotated.slice(0, 3).join(', ')}`);
  if (problems.length) return { name: 'pdf/x', ok: false, detail: problems.join('; ') };
  return {
    name: 'pdf/x',
    ok: true,
    detail: `GTS_PDFXVersion PDF/X-4 (XMP and Info), Trapped ${trapped}, PDF ${version}, document ID, no annotations`,
  };
}

/** Reads the press PDF back and checks pages, boxes, fonts, colour, output intent and PDF/X identification. */
export async function checkPressPdf(bytes: Uint8Array, e: PressExpectation): Promise<PressCheck> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  const pages = doc.getPageCount();
  const scan = scanPress(doc);
  const lines: CheckLine[] = [
    {
      name: 'pages',
      ok: pages === e.pages,
      detail:
        pages === e.pages
          ? `${pages}, as the screen PDF`
          : `${pages}, but the screen PDF has ${e.pages}`,
    },
    checkBoxes(doc, e),
    checkFonts(scan),
    checkColour(scan),
    checkIntent(doc),
    checkPdfx(doc, bytes),
  ];
  return { ok: lines.every((l) => l.ok), lines };
}

/** The report as printed by the build: a heading line, then one line per check. */
export function formatPressCheck(file: string, check: PressCheck): string[] {
  return [
    `press check ${file}: ${check.ok ? 'passed' : 'FAILED'}`,
    ...check.lines.map((l) => `  ${l.name.padEnd(7)} ${l.ok ? 'ok  ' : 'FAIL'} ${l.detail}`),
  ];
}
