import { createHash } from 'node:crypto';
import type { Page } from 'puppeteer';
import { loadReport } from '../data/load-report.js';
import { hasErrors, sortProblems, type Problem } from '../data/problem.js';
import type { CountryFile } from '../data/find.js';
import { checkReport } from '../derive/checks.js';
import type { BrowserSession } from '../pdf/browser-session.js';
import {
  finishVariants,
  PRINT_EXTENSION,
  PRINT_OUTPUT,
  printOptionsFor,
  type FinishedVariants,
  type Variant,
} from './variants.js';
import { LayoutError, printPdf } from '../pdf/print.js';
import { UserError } from '../errors.js';
import { displayPath } from '../project.js';
import { exportFiles, type ExportFormat } from '../render/exports.js';
import { withContentSecurityPolicy } from '../render/content-security.js';
import { withInlineFonts } from '../render/fonts.js';
import { renderReport, type RenderedReport } from '../render/render-report.js';
import { writeFileAtomic } from './atomic-write.js';
import { outputPath } from './paths.js';
import { withTimeout } from './pool.js';
import { deriveReport } from '../derive/derive-report.js';

/** pdf, a standalone html page, and the exports: each table as csv, each chart as svg and png. */
export type Format = 'pdf' | 'html' | ExportFormat;

export interface ProfileContext {
  session: BrowserSession;
  outDir: string;
  formats: readonly Format[];
  /** A print that takes longer is abandoned and retried once on a fresh page. */
  timeoutMs: number;
  /** The PDF variants to make (default: screen only). */
  variants?: readonly Variant[];
}

/** A profile that could not be built, with the reason and any located data problems. */
export class ProfileError extends Error {
  constructor(
    message: string,
    readonly problems: Problem[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ProfileError';
  }
}

export interface BuiltProfile {
  /** By format ("pdf", "html"), and by format and name for exports ("csv:clearance_by_district"). */
  outputs: Record<string, { file: string; sha256: string }>;
  /** The profile's review status and how many corrections it lists, for the manifest's history. */
  review: { status: string; corrections: number };
  problems: Problem[];
  timings: { renderMs: number; layoutMs: number; printMs: number };
  pages: number | undefined;
  /** The print variant's check report, for the build to print. */
  checks?: string[];
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** Prints with one retry on a fresh page (and a fresh browser if it died); layout errors are final. */
async function printWithRetry(ctx: ProfileContext, rendered: RenderedReport) {
  for (let attempt = 1; ; attempt++) {
    let page: Page | undefined;
    try {
      const browser = await ctx.session.browser();
      return await withTimeout(
        'printing',
        ctx.timeoutMs,
        printPdf(browser, rendered.html, {
          layout: rendered.layout,
          onPage: (p) => (page = p),
          timeoutMs: ctx.timeoutMs,
          ...printOptionsFor(ctx.variants ?? ['screen']),
        }),
        () => void page?.close().catch(() => undefined),
      );
    } catch (err) {
      // A layout violation is in the document: printing again cannot help. A hang or a dead
      // browser can: the next attempt gets a fresh page, and a fresh browser if it died.
      if (err instanceof LayoutError || attempt >= 2) throw err;
    }
  }
}

/**
 * One profile through the whole pipeline: load, validate, derive, render, lay out, print,
 * post-process, and write each output atomically. Throws ProfileError; writes nothing then.
 */
export async function buildProfile(
  ctx: ProfileContext,
  country: CountryFile,
  inputsHash: string,
): Promise<BuiltProfile> {
  const loaded = await loadReport(country.file, displayPath);
  // Derived once: the checks and the render read the same figures.
  const report = loaded.ok ? deriveReport(loaded.report) : undefined;
  const problems = sortProblems([...loaded.problems, ...(report ? checkReport(report) : [])]);
  if (!report || hasErrors(problems)) throw new ProfileError('invalid data', problems);

  const t0 = performance.now();
  const rendered = await renderReport(report);
  const renderMs = performance.now() - t0;
  const outputs: BuiltProfile['outputs'] = {};
  const timings = { renderMs, layoutMs: 0, printMs: 0 };
  let pages: number | undefined;

  let pdf: Uint8Array | undefined;
  let variants: FinishedVariants | undefined;
  if (ctx.formats.includes('pdf')) {
    let printed: Awaited<ReturnType<typeof printWithRetry>>;
    try {
      printed = await printWithRetry(ctx, rendered);
    } catch (err) {
      throw new ProfileError(err instanceof Error ? err.message : String(err), problems, {
        cause: err,
      });
    }
    timings.layoutMs = printed.timings.layoutMs;
    timings.printMs = printed.timings.printMs;
    pages = printed.layout?.pages;
    try {
      variants = await finishVariants(
        printed,
        rendered,
        inputsHash,
        ctx.variants ?? ['screen'],
        outputPath(ctx.outDir, country, PRINT_EXTENSION),
      );
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw new ProfileError(err instanceof Error ? err.message : String(err), problems, {
        cause: err,
      });
    }
    pdf = variants.screen;
  }
  const exported = exportFiles(rendered.exports, ctx.formats);
  // Write only once everything is made, so a failure leaves every earlier output as it was.
  if (ctx.formats.includes('html')) {
    const file = outputPath(ctx.outDir, country, 'html');
    const html = withContentSecurityPolicy(withInlineFonts(rendered.html));
    await writeFileAtomic(file, html);
    outputs.html = { file, sha256: sha256(html) };
  }
  if (pdf) {
    const file = outputPath(ctx.outDir, country, 'pdf');
    await writeFileAtomic(file, pdf);
    outputs.pdf = { file, sha256: sha256(pdf) };
  }
  if (variants?.press) {
    const file = outputPath(ctx.outDir, country, PRINT_EXTENSION);
    await writeFileAtomic(file, variants.press.pdf);
    outputs[PRINT_OUTPUT] = { file, sha256: sha256(variants.press.pdf) };
  }
  // Exports sit beside the PDF: <country>.<table>.csv, <country>.<chart>.svg and .png.
  for (const x of exported) {
    const file = outputPath(ctx.outDir, country, `${x.name}.${x.ext}`);
    await writeFileAtomic(file, x.data);
    outputs[`${x.format}:${x.name}`] = { file, sha256: sha256(x.data) };
  }
  const { status, corrections } = report.data;
  return {
    outputs,
    problems,
    timings,
    pages,
    review: { status, corrections: corrections.length },
    checks: variants?.press?.report,
  };
}
