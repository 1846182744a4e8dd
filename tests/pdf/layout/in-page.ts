/**
 * Unit tests of the layout pass's parts, in a real page: one page per test file, each
 * fixture a small HTML document (its @page rule sets the page box) with the layout script
 * installed as print.ts installs it. Callbacks given to page.evaluate reach the parts through
 * `globalThis.keydataLayout` only: the test file's imports do not exist in the page.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { afterAll, beforeAll } from 'vitest';
import { LAYOUT_SCRIPT } from '../../../src/pdf/layout/script.js';
import { sharedBrowser } from '../../support/shared-browser.js';

/** A small page (100 x 60 mm, 5 mm margins) and type whose line height is easy to count. */
export const SMALL_PAGE = `<style>
@page { size: 100mm 60mm; margin: 5mm; }
body { margin: 0; font: 12px/15px sans-serif; }
p, ul, ol, table, h2 { margin: 0; }
.kd-page { overflow: hidden; }
.kd-continued > li:first-child { list-style: none; }
</style>`;

/** Opens one browser for the file; `load` gives a page holding the fixture and the layout script. */
export function layoutPages(): { load: (html: string) => Promise<Page> } {
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    // The run's shared browser (tests/setup/shared-browser.ts), a page of this file's own.
    browser = await puppeteer.connect({ browserWSEndpoint: sharedBrowser().browserWsEndpoint });
    page = await browser.newPage();
    // As when printing: the document's own scripts stay off; DevTools evaluation still runs.
    await page.setJavaScriptEnabled(false);
    await page.emulateMediaType('print');
  });
  afterAll(async () => {
    await page?.close();
    await browser?.disconnect();
  });
  return {
    load: async (html) => {
      const p = page as Page;
      await p.setContent(
        `<!DOCTYPE html><html><head>${SMALL_PAGE}</head><body>${html}</body></html>`,
      );
      await p.evaluate(LAYOUT_SCRIPT);
      return p;
    },
  };
}

/** About `n` lines of words on the small page (ten words a line). */
export const words = (n: number, prefix = 'w'): string =>
  Array.from({ length: n * 10 }, (_, i) => `${prefix}${i}`).join(' ');

/** A paragraph of exactly `n` lines (1em wide: one word a line); 15px each, 12 to a page. */
export const lines = (n: number, prefix = 'l'): string =>
  `<p style="width: 1em">${Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ')}</p>`;
