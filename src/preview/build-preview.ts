import { createHash } from 'node:crypto';
import type { Page } from 'puppeteer';
import { loadReport } from '../data/load-report.js';
import { hasErrors, sortProblems, type Problem } from '../data/problem.js';
import type { BrowserSession } from '../pdf/browser-session.js';
import { metadataFor, setPdfMetadata } from '../pdf/metadata.js';
import { layOutHtml, printPdf } from '../pdf/print.js';
import { clearTemplateCache } from '../render/templates.js';
import { withTimeout } from '../commands/pool.js';
import { checkReport, renderReport, deriveReport } from '../commands/report.js';

/** One run of the pipeline for the preview: what the page shows, and the PDF to download. */
export type PreviewBuild =
  | {
      kind: 'ok';
      /** The document after the layout pass: its page boxes (.kd-page), as printed. */
      laidOutHtml: string;
      /**
       * The PDF of the same rendered document, printed when first asked for (the download):
       * printing and finishing it took a third of each save's wait for the reloaded page.
       */
      pdf: () => Promise<Uint8Array>;
      pages: number;
      title: string;
      status: string;
      warnings: Problem[];
      ms: number;
    }
  | { kind: 'invalid'; problems: Problem[]; ms: number }
  | { kind: 'failed'; message: string; problems: Problem[]; ms: number };

/**
 * Loads, checks, renders and lays out one country, as `keydata build` does, but keeps the
 * laid-out document in memory, and prints its PDF only when asked. Never throws for bad data
 * or a failed layout: they come back as what the page should say.
 */
export async function buildPreview(
  file: string,
  session: BrowserSession,
  display: (f: string) => string,
  timeoutMs: number,
  /** A template was saved since the last build: compile them again. */
  templatesChanged = true,
): Promise<PreviewBuild> {
  const started = performance.now();
  const ms = () => performance.now() - started;
  // Templates are compiled once per process; the preview must see them edited.
  if (templatesChanged) clearTemplateCache();
  const loaded = await loadReport(file, display);
  // Derived once: the checks and the render read the same figures.
  const report = loaded.ok ? deriveReport(loaded.report) : undefined;
  const problems = sortProblems([...loaded.problems, ...(report ? checkReport(report) : [])]);
  if (!report || hasErrors(problems)) return { kind: 'invalid', problems, ms: ms() };
  try {
    const rendered = await renderReport(report);
    const withTimeoutOnPage = async <T>(
      step: (
        browser: Awaited<ReturnType<BrowserSession['browser']>>,
        onPage: (p: Page) => void,
      ) => Promise<T>,
    ): Promise<T> => {
      const browser = await session.browser();
      let page: Page | undefined;
      return withTimeout(
        'printing',
        timeoutMs,
        step(browser, (p) => (page = p)),
        // A page that hangs is closed, so the next save starts on a fresh one.
        () => void page?.close().catch(() => undefined),
      );
    };
    const laid = await withTimeoutOnPage((browser, onPage) =>
      layOutHtml(browser, rendered.html, { layout: rendered.layout, timeoutMs, onPage }),
    );
    let pdf: Promise<Uint8Array> | undefined;
    const printPreviewPdf = async () => {
      const printed = await withTimeoutOnPage((browser, onPage) =>
        printPdf(browser, rendered.html, { layout: rendered.layout, timeoutMs, onPage }),
      );
      return setPdfMetadata(
        printed.pdf,
        metadataFor(rendered, createHash('sha256').update(rendered.html).digest('hex')),
      );
    };
    return {
      kind: 'ok',
      laidOutHtml: laid.laidOutHtml,
      pdf: () => {
        pdf ??= printPreviewPdf();
        // A failed print is tried again at the next download.
        pdf.catch(() => (pdf = undefined));
        return pdf;
      },
      pages: laid.layout?.pages ?? 0,
      title: rendered.title,
      status: rendered.status,
      warnings: problems,
      ms: ms(),
    };
  } catch (err) {
    return {
      kind: 'failed',
      message: err instanceof Error ? err.message : String(err),
      problems,
      ms: ms(),
    };
  }
}
