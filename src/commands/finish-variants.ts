import { PDFDocument } from 'pdf-lib';
import { finishScreenPdf } from '../pdf/accessibility/tagging.js';
import { headingTexts } from '../pdf/outline.js';
import { metadataFor } from '../pdf/metadata.js';
import type { Printed } from '../pdf/print.js';
import {
  formatPressCheck,
  makePressPdf,
  type PressCheck,
} from '../pdf/print-variant/press-variant.js';
import { displayPath } from '../project.js';
import type { RenderedReport } from '../render/render-report.js';
import type { Variant } from './variants.js';

/*
 * Making the variants, apart from their names (variants.ts): pdf-lib and the press finishing
 * load only when something is printed, never for a no-op rebuild or the CLI's help.
 */

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
