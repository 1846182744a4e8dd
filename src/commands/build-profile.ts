import { createHash } from 'node:crypto';
import type { Page } from 'puppeteer-core';
import { loadReport } from '../data/load-report.js';
import { hasErrors, sortProblems, type Problem } from '../data/problem.js';
import type { CountryFile } from '../data/find.js';
import type { BrowserSession } from '../pdf/browser-session.js';
import { PRINT_EXTENSION, PRINT_OUTPUT, printOptionsFor } from './variants.js';
import type { FinishedVariants } from './finish-variants.js';
import { LayoutError, printPdf } from '../pdf/print.js';
import { UserError } from '../errors.js';
import { displayPath } from '../project.js';
import { exportFiles, type ExportFormat } from '../render/exports.js';
import { withContentSecurityPolicy } from '../render/content-security.js';
import { withInlineFonts } from '../render/fonts.js';
import type { RenderedReport } from '../render/render-report.js';
import { writeFileAtomic } from './atomic-write.js';
import { outputPath } from './paths.js';
import { withTimeout } from './pool.js';
import type { ResolvedBuildOptions } from './options.js';
import { checkReport, renderReport, deriveReport } from './report.js';

/**
 * pdf, a standalone html page, the exports (each table as csv, each chart as svg and png), and
 * the profile's page of the edition's web site (written by build/site.ts from the same render).
 */
export type Format = 'pdf' | 'html' | 'site' | ExportFormat;

/** What building one profile reads: the build's resolved options and its browser session. */
export type ProfileContext = Pick<
  ResolvedBuildOptions,
  'outDir' | 'formats' | 'variants' | 'final'
> & {
  /** A print that takes longer is abandoned and retried once on a fresh page. */
  readonly timeoutMs: number;
  readonly session: BrowserSession;
  /** Called once this profile needs the browser no more (printed, or failed at printing). */
  readonly onPrinted?: () => void;
};

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
  /** What was rendered: the site's page is made from it (build/site.ts). */
  rendered: RenderedReport;
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
          ...printOptionsFor(ctx.variants),
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
  // A draft build lists values still to fill as warnings and prints their marks; --final refuses them.
  const loaded = await loadReport(country.file, displayPath, { final: ctx.final });
  // Derived once: the checks and the render read the same figures. A file that fails the
  // schema is still checked without its broken parts, so every problem shows at once.
  const report = loaded.ok ? deriveReport(loaded.report) : undefined;
  const partial = !loaded.ok && loaded.partial ? deriveReport(loaded.partial) : undefined;
  const problems = sortProblems([
    ...loaded.problems,
    ...(report ? checkReport(report) : partial ? checkReport(partial) : []),
  ]);
  if (!report || hasErrors(problems)) throw new ProfileError('invalid data', problems);

  const t0 = performance.now();
  const rendered = await renderReport(report);
  const timings = { renderMs: performance.now() - t0, layoutMs: 0, printMs: 0 };
  let pages: number | undefined;
  let variants: FinishedVariants | undefined;
  if (ctx.formats.includes('pdf')) {
    const pressFile = outputPath(ctx.outDir, country, PRINT_EXTENSION);
    // pdf-lib and the finishing (~0.2 s to load) load while Chromium prints, when node would
    // otherwise wait: the first profile of a build no longer loads them before rendering.
    const finishing = import('./finish-variants.js');
    finishing.catch(() => undefined);
    const printed = await asProfileError(problems, () => printWithRetry(ctx, rendered)).finally(
      () => ctx.onPrinted?.(),
    );
    const { finishVariants } = await finishing;
    timings.layoutMs = printed.timings.layoutMs;
    timings.printMs = printed.timings.printMs;
    pages = printed.layout?.pages;
    // A usage error while finishing (Ghostscript missing for --variant print) stops the build.
    variants = await asProfileError(
      problems,
      () => finishVariants(printed, rendered, inputsHash, ctx.variants, pressFile),
      { userErrorsStop: true },
    );
  }
  const outputs = await writeOutputs(ctx, country, rendered, variants);
  const { status, corrections } = report.data;
  return {
    outputs,
    problems,
    timings,
    pages,
    review: { status, corrections: corrections.length },
    checks: variants?.press?.report,
    rendered,
  };
}

/** Runs a step of the build; its failure fails the profile, keeping the data's problems. */
async function asProfileError<T>(
  problems: Problem[],
  step: () => Promise<T>,
  { userErrorsStop = false } = {},
): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (userErrorsStop && err instanceof UserError) throw err;
    throw new ProfileError(err instanceof Error ? err.message : String(err), problems, {
      cause: err,
    });
  }
}

/**
 * Writes every output of a profile, each atomically, once everything is made, so a failure
 * leaves every earlier output as it was. Exports sit beside the PDF: <country>.<table>.csv,
 * <country>.<chart>.svg and .png.
 */
async function writeOutputs(
  ctx: ProfileContext,
  country: CountryFile,
  rendered: RenderedReport,
  variants: FinishedVariants | undefined,
): Promise<BuiltProfile['outputs']> {
  const exported = exportFiles(rendered.exports, ctx.formats);
  const files: [key: string, file: string, data: Uint8Array | string][] = [];
  if (ctx.formats.includes('html')) {
    const html = withContentSecurityPolicy(withInlineFonts(rendered.html));
    files.push(['html', outputPath(ctx.outDir, country, 'html'), html]);
  }
  if (variants?.screen)
    files.push(['pdf', outputPath(ctx.outDir, country, 'pdf'), variants.screen]);
  if (variants?.press) {
    const file = outputPath(ctx.outDir, country, PRINT_EXTENSION);
    files.push([PRINT_OUTPUT, file, variants.press.pdf]);
  }
  for (const x of exported)
    files.push([
      `${x.format}:${x.name}`,
      outputPath(ctx.outDir, country, `${x.name}.${x.ext}`),
      x.data,
    ]);
  const outputs: BuiltProfile['outputs'] = {};
  for (const [key, file, data] of files) {
    await writeFileAtomic(file, data);
    outputs[key] = { file, sha256: sha256(data) };
  }
  return outputs;
}
