import { PDFDocument } from 'pdf-lib';
import { finishScreenPdf } from '../pdf/accessibility/tagging.js';
import { headingTexts } from '../pdf/outline.js';
import { metadataFor } from '../pdf/metadata.js';
import type { Printed } from '../pdf/print.js';
import {
  formatPressCheck,
  makePressPdf,
  PRESS_GEOMETRY,
  type PressCheck,
} from '../pdf/print-variant/press-variant.js';
import { displayPath } from '../project.js';
import type { RenderedReport } from '../render/render-report.js';

/**
 * The two PDFs a profile can be printed as:
 * - screen (`<country>.pdf`, the default): the published file. RGB, tagged for screen readers
 *   (reading order, language, headings, tables, chart descriptions, notes), clickable notes,
 *   cross-references and web addresses, bookmarks, compressed.
 * - print (`<country>.print.pdf`): the file for the printer. The same pages on an A4 trim with
 *   3 mm bleed, crop marks, TrimBox/BleedBox, CMYK with a PDF/X output intent; checked after
 *   it is made.
 */
export type Variant = 'screen' | 'print';
export const VARIANTS: readonly Variant[] = ['screen', 'print'];

/** The manifest key of the print variant's PDF (the screen PDF keeps "pdf"). */
export const PRINT_OUTPUT = 'pdf-print';
/** The print variant's file: <country>.print.pdf beside <country>.pdf. */
export const PRINT_EXTENSION = 'print.pdf';

/** The outputs a build makes, as manifest keys: the pdf format once per variant. */
export function outputKeys(formats: readonly string[], variants: readonly Variant[]): string[] {
  return formats.flatMap((f) =>
    f === 'pdf' ? variants.map((v) => (v === 'screen' ? 'pdf' : PRINT_OUTPUT)) : [f],
  );
}

/** What printPdf must do for these variants: the print variant needs the sheet with bleed. */
export const printOptionsFor = (variants: readonly Variant[]) =>
  variants.includes('print') ? { bleedMm: PRESS_GEOMETRY.bleedMm } : {};

export interface FinishedVariants {
  screen?: Uint8Array;
  press?: { pdf: Uint8Array; check: PressCheck; report: string[] };
  pages: number;
}

/** A press PDF that failed its check: nothing is written, and the report says why. */
export class PressCheckError extends Error {
  constructor(readonly report: string[]) {
    super(report.join('\n'));
    this.name = 'PressCheckError';
  }
}

/**
 * Finishes what printPdf printed into each variant asked for. The press check compares the
 * press PDF with the screen PDF as printed (its pages), whether or not the screen PDF is kept.
 */
export async function finishVariants(
  printed: Printed,
  rendered: RenderedReport,
  inputsHash: string,
  variants: readonly Variant[],
  pressFile: string,
): Promise<FinishedVariants> {
  const metadata = metadataFor(rendered, inputsHash);
  let screen: Uint8Array | undefined;
  let pages: number;
  if (variants.includes('screen')) {
    const finished = await finishScreenPdf(printed.pdf, headingTexts(rendered.html), metadata);
    screen = finished.pdf;
    pages = finished.pages;
  } else {
    pages = (await PDFDocument.load(printed.pdf, { updateMetadata: false })).getPageCount();
  }
  if (!variants.includes('print')) return { screen, pages };
  if (!printed.press)
    throw new Error('the print variant was asked for, but nothing was printed on the press sheet');
  const made = await makePressPdf(printed.press, pages, metadata, rendered.meta.language);
  const report = formatPressCheck(displayPath(pressFile), made.check);
  if (!made.check.ok) throw new PressCheckError(report);
  return { screen, press: { pdf: made.pdf, check: made.check, report }, pages };
}
