import type { Browser } from 'puppeteer';
import { withPage } from './browser.js';

export interface PrintOptions {
  timeoutMs?: number;
}

/** Prints a standalone HTML document to PDF bytes: A4 from the CSS, tagged, with bookmarks. */
export async function printPdf(browser: Browser, html: string, options: PrintOptions = {}): Promise<Uint8Array> {
  const timeout = options.timeoutMs ?? 60_000;
  return withPage(browser, async (page) => {
    await page.setContent(html, { waitUntil: 'load', timeout });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: true,
      timeout,
    });
  });
}
