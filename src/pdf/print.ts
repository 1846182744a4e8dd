import type { Browser, Page } from 'puppeteer';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { hasKeydataFonts, withPage } from './browser.js';
import {
  makeOwnedTempDir,
  PRINT_DIR_PREFIX,
  sweepOrphansOnce,
  TEMP_PREFIXES,
} from './owned-temp.js';
import { fontDirectory, withLinkedFonts } from '../render/fonts.js';
import { type ClippedText, clippingViolations, findClippedTextInPage } from './layout/clipping.js';
import { formatViolation, type LayoutViolation } from './layout/guard.js';
import type { LayoutHints } from '../render/render-report.js';
import type { LayoutSummary, PaginateOptions } from './layout/paginate.js';
import { LAYOUT_SCRIPT } from './layout/script.js';
import {
  finishVolumeInPage,
  NOTE_SCOPE,
  scopeVolumeCountriesInPage,
} from './layout/volume-steps.js';
import { printPressSheet, type PressSheet } from './print-variant/press-print.js';

export interface PrintOptions {
  /** How long loading, layout and each print step may take (the build's resolved timeout). */
  timeoutMs: number;
  /** Run keydata's page layout pass (footnotes at page feet); false prints the HTML as it is. */
  layout: LayoutHints | false;
  /** Also return the document as laid out (for the benchmark's print-only floor). */
  captureHtml?: boolean;
  /** Called with the page once opened, so a caller can close it if printing hangs. */
  onPage?: (page: Page) => void;
  /** Also print the laid-out pages on a sheet this much larger on every side (the press variant). */
  bleedMm?: number;
}

/** Lines of a split paragraph kept together at a page's foot and at the next page's top. */
const DEFAULT_LINES = { orphans: 2, widows: 2 };

/** The layout lost, duplicated or misplaced content: the PDF is not written. */
export class LayoutError extends Error {
  constructor(readonly violations: LayoutViolation[]) {
    super(`layout check failed:\n${violations.map((v) => `  ${formatViolation(v)}`).join('\n')}`);
    this.name = 'LayoutError';
  }
}

export interface Printed {
  pdf: Uint8Array;
  layout: LayoutSummary | undefined;
  timings: { loadMs: number; layoutMs: number; printMs: number };
  laidOutHtml?: string;
  /** For a volume: each country's first page (1-based), as printed in its contents. */
  firstPages?: Record<string, number>;
  /** With `bleedMm`: the same pages printed untagged on the sheet with bleed (see print-variant/). */
  press?: { pdf: Uint8Array; sheet: PressSheet };
}

/** The id of the style element that hides the flow until the layout pass shows it. */
const FLOW_PENDING_ID = 'kd-flow-pending';

/**
 * The flow (and the notes list) hidden while the page loads: loading otherwise styles it and
 * lays it out at the window's width, and the pass, which lays it out at the page's width and
 * then moves every block into a page, shows it first (~20% of Chromium's CPU for loading and
 * laying out, in an A/B on 8 profiles; the same pages). Only a kind's own selectors go into
 * the rule.
 */
export function hideFlowUntilLaidOut(html: string, selectors: readonly string[]): string {
  if (selectors.some((s) => !/^[\w.#\s>-]+$/.test(s)) || !html.includes('</head>')) return html;
  const rule = `<style id="${FLOW_PENDING_ID}">${selectors.join(', ')} { display: none !important; }</style>`;
  return html.replace('</head>', () => `${rule}</head>`);
}

/** Writes the document where the page can load it (fonts linked), runs `fn` on a guarded page. */
async function onDocumentPage<T>(
  browser: Browser,
  html: string,
  layout: PaginateOptions | false,
  fn: (page: Page, file: string) => Promise<T>,
): Promise<T> {
  await sweepOrphansOnce(TEMP_PREFIXES);
  const dir = await makeOwnedTempDir(PRINT_DIR_PREFIX);
  const file = path.join(dir, 'document.html');
  // The notes too: the pass copies them to the page feet and removes their list.
  const hidden = layout
    ? [layout.flowRoot, ...(layout.notesSource ? [layout.notesSource] : [])]
    : [];
  const document = layout ? hideFlowUntilLaidOut(html, hidden) : html;
  await writeFile(file, withLinkedFonts(document, { local: hasKeydataFonts(browser) }));
  try {
    return await withPage(browser, (page) => fn(page, file), [dir, fontDirectory()]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const layoutOptionsOf = (options: PrintOptions): PaginateOptions | false =>
  options.layout && { ...DEFAULT_LINES, ...options.layout, hiddenBy: FLOW_PENDING_ID };

/**
 * Prints a standalone HTML document to PDF bytes: A4 from the CSS, tagged, with bookmarks.
 * With layout on, the page is paginated first and the guard must pass before printing.
 */
export async function printPdf(
  browser: Browser,
  html: string,
  options: PrintOptions,
): Promise<Printed> {
  const layout = layoutOptionsOf(options);
  return onDocumentPage(browser, html, layout, (page, file) =>
    printPage(page, file, layout, options, options.timeoutMs),
  );
}

export interface LaidOut {
  laidOutHtml: string;
  layout: LayoutSummary | undefined;
  timings: { loadMs: number; layoutMs: number };
}

/**
 * Loads and lays out the document as printPdf does, guard included, and returns it as laid
 * out without printing: the preview shows these pages at once and prints the PDF only when
 * it is downloaded.
 */
export async function layOutHtml(
  browser: Browser,
  html: string,
  options: Omit<PrintOptions, 'captureHtml' | 'bleedMm'>,
): Promise<LaidOut> {
  const layout = layoutOptionsOf(options);
  return onDocumentPage(browser, html, layout, async (page, file) => {
    const t0 = performance.now();
    const laid = await loadAndLayOut(page, file, layout, options, options.timeoutMs);
    const laidOutHtml = await page.content();
    return {
      laidOutHtml,
      layout: laid.layout,
      timings: { loadMs: laid.loadedAt - t0, layoutMs: performance.now() - laid.loadedAt },
    };
  });
}

interface LaidOutInPage {
  layout: LayoutSummary;
  violations: LayoutViolation[];
  clippedText: ClippedText[];
}

/**
 * One script for the page, one round trip (each costs a few ms, more on a loaded machine):
 * wait for the fonts, define and run the layout pass, check its report (the guard), check for
 * clipped text. The options are keydata's own layout hints, written in as JSON.
 *
 * A browser that loads the font files first loads every declared face, not only those the
 * page has used so far: a face first asked for by the hidden flow or by a page box the pass
 * makes would still be loading while the pass measures, in the fallback font's lines (a
 * test caught 20 lines a page measured where 17 print). Found by name (browser-fonts.ts), a
 * face is there the moment it is asked for, and loading the unused ones cost ~6 ms a page.
 */
const layOutInPage = (options: PaginateOptions, fontsByName: boolean): string =>
  `${LAYOUT_SCRIPT}
${fontsByName ? 'document.fonts.ready' : 'Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined)))'}
  .then(() => {
    const { paginate, checkLayout, layoutSummary } = globalThis.keydataLayout;
    const report = paginate(${JSON.stringify(options)});
    return {
      layout: layoutSummary(report),
      violations: checkLayout(report),
      clippedText: (${String(findClippedTextInPage)})(),
    };
  });`;

/** Pages already emulating print media. */
const printMedia = new WeakSet<Page>();

/** Opens the file in the page and runs the layout pass and its guards; throws LayoutError. */
async function loadAndLayOut(
  page: Page,
  file: string,
  layoutOptions: PaginateOptions | false,
  options: PrintOptions,
  timeout: number,
): Promise<{ layout?: LayoutSummary; firstPages?: Record<string, number>; loadedAt: number }> {
  options.onPage?.(page);
  // Set once per page: the emulation outlives navigations, and each call is a round trip.
  if (!printMedia.has(page)) {
    await page.emulateMediaType('print');
    printMedia.add(page);
  }
  // Loaded from a file so the fonts load from their files (see withLinkedFonts).
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout });
  const loadedAt = performance.now();
  if (!layoutOptions) {
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return { loadedAt };
  }
  // layout is false or hints; `false?.volume` would not type-check.
  const volume = options.layout !== false && options.layout?.volume === true;
  if (volume) await page.evaluate(scopeVolumeCountriesInPage, NOTE_SCOPE);
  // The pass waits for the fonts itself (its time includes that wait).
  const { layout, violations, clippedText } = await page.evaluate<[], () => LaidOutInPage>(
    layOutInPage(layoutOptions, hasKeydataFonts(page.browser())),
  );
  if (violations.length > 0) throw new LayoutError(violations);
  const clipped = clippingViolations(clippedText);
  if (clipped.length > 0) throw new LayoutError(clipped);
  const firstPages = volume ? await page.evaluate(finishVolumeInPage) : undefined;
  return { layout, firstPages, loadedAt };
}

async function printPage(
  page: Page,
  file: string,
  layoutOptions: PaginateOptions | false,
  options: PrintOptions,
  timeout: number,
): Promise<Printed> {
  const t0 = performance.now();
  const {
    layout,
    firstPages,
    loadedAt: t1,
  } = await loadAndLayOut(page, file, layoutOptions, options, timeout);
  const laidOutHtml = options.captureHtml ? await page.content() : undefined;
  const t2 = performance.now();
  const pdf = await page.pdf({
    preferCSSPageSize: true,
    printBackground: true,
    tagged: true,
    outline: true,
    timeout,
  });
  // The press variant prints the same laid-out page again, so its pages and lines match.
  const press =
    options.bleedMm === undefined
      ? undefined
      : await printPressSheet(page, options.bleedMm, timeout);
  const t3 = performance.now();
  return {
    pdf,
    press,
    layout,
    laidOutHtml,
    firstPages,
    timings: { loadMs: t1 - t0, layoutMs: t2 - t1, printMs: t3 - t2 },
  };
}
