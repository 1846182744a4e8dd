import { type PDFArray, PDFDict, PDFName, type PDFDocument, type PDFRef } from 'pdf-lib';

export const MM = 72 / 25.4;

/** A rectangle in PDF points: left, bottom, right, top. */
export type Rect = [number, number, number, number];

/** Where the crop marks go: from `offsetMm` outside the trim (clear of the bleed) for `lengthMm`. */
export interface CropMarks {
  offsetMm: number;
  lengthMm: number;
  /** Line width in points (0.25 pt is the usual hairline for marks). */
  widthPt: number;
}

/** The colour space the marks are drawn in: registration, on every plate (Separation /All). */
export const REGISTRATION = 'KdRegistration';

export function registrationColourSpace(doc: PDFDocument): PDFRef {
  const tint = doc.context.obj({
    FunctionType: 2,
    Domain: [0, 1],
    C0: [0, 0, 0, 0],
    C1: [1, 1, 1, 1],
    N: 1,
  });
  return doc.context.register(
    doc.context.obj([PDFName.of('Separation'), PDFName.of('All'), PDFName.of('DeviceCMYK'), tint]),
  );
}

const n = (v: number) => (Math.round(v * 1000) / 1000).toString();

/** Content operators drawing the eight marks around `trim`, two at each corner, pointing at its edges. */
export function cropMarksContent(trim: Rect, marks: CropMarks): string {
  const [x0, y0, x1, y1] = trim;
  const o = marks.offsetMm * MM;
  const l = marks.lengthMm * MM;
  const lines: [number, number, number, number][] = [];
  for (const x of [x0, x1]) {
    for (const y of [y0, y1]) {
      const dx = x === x0 ? -1 : 1;
      const dy = y === y0 ? -1 : 1;
      lines.push([x + dx * o, y, x + dx * (o + l), y]); // along the horizontal trim edge's line
      lines.push([x, y + dy * o, x, y + dy * (o + l)]); // along the vertical trim edge's line
    }
  }
  const path = lines.map(([a, b, c, d]) => `${n(a)} ${n(b)} m ${n(c)} ${n(d)} l`).join('\n');
  return `q\n/${REGISTRATION} CS 1 SCN ${n(marks.widthPt)} w 0 J [] 0 d\n${path}\nS\nQ\n`;
}

/** Adds the registration colour space to a page's resources under REGISTRATION. */
export function addRegistration(doc: PDFDocument, resources: PDFDict, colourSpace: PDFRef): void {
  let spaces = resources.lookupMaybe(PDFName.of('ColorSpace'), PDFDict);
  if (!spaces) {
    spaces = doc.context.obj({});
    resources.set(PDFName.of('ColorSpace'), spaces);
  }
  spaces.set(PDFName.of(REGISTRATION), colourSpace);
}

export const rectArray = (doc: PDFDocument, r: Rect): PDFArray =>
  doc.context.obj(r.map((v) => Math.round(v * 1000) / 1000));
