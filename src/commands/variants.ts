import { PRESS_GEOMETRY } from '../pdf/print-variant/geometry.js';

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
