import type { Page } from 'puppeteer';
import { pressSheetInPage, type PressSheet } from './press-sheet.js';

export type { PressSheet } from './press-sheet.js';

/**
 * Prints the laid-out page a second time, for the press: on a sheet `bleedMm` larger on every
 * side with the page area unchanged (press-sheet.ts). Untagged and without bookmarks: the
 * colour conversion that follows would not keep them, and a printer does not read them.
 */
export async function printPressSheet(
  page: Page,
  bleedMm: number,
  timeout: number,
): Promise<{ pdf: Uint8Array; sheet: PressSheet }> {
  const sheet = await page.evaluate(pressSheetInPage, bleedMm);
  const pdf = await page.pdf({
    preferCSSPageSize: true,
    printBackground: true,
    tagged: false,
    outline: false,
    timeout,
  });
  return { pdf, sheet };
}
