import path from 'node:path';
import type { Browser } from 'puppeteer';
import { UserError } from '../errors.js';
import { findCountryFiles, type CountryFile } from '../data/find.js';
import { loadReport } from '../data/load-report.js';
import { hasErrors, sortProblems, type Problem } from '../data/problem.js';
import { checkReport } from '../derive/checks.js';
import { launchBrowser } from '../pdf/browser.js';
import { setPdfMetadata } from '../pdf/metadata.js';
import { printPdf } from '../pdf/print.js';
import { displayPath, paths } from '../project.js';
import { renderReport } from '../render/render-report.js';
import type { ReportKind } from '../schema/report-kind.js';
import { VERSION } from '../version.js';
import { writeFileAtomic } from './atomic-write.js';

export interface BuildOptions {
  edition?: number;
  kind?: ReportKind;
  country?: string;
  /** Explicit files instead of a selection under the editions folder. */
  files?: CountryFile[];
  editionsDir?: string;
  outDir?: string;
  browserPath?: string;
  /** PUPPETEER_EXECUTABLE_PATH, passed in by the CLI. */
  envBrowserPath?: string;
  formats?: ('pdf' | 'html')[];
  onResult?: (r: BuildResult) => void;
}

export interface BuildResult {
  country: CountryFile;
  status: 'built' | 'failed';
  outputs: string[];
  problems: Problem[];
  error?: string;
  ms: number;
}

/** Where a country's outputs go: <out>/<edition>/<kind>/<country>.<ext>. */
export function outputPath(outDir: string, c: Pick<CountryFile, 'edition' | 'kind' | 'country'>, ext: string): string {
  return path.join(outDir, String(c.edition), c.kind, `${c.country}.${ext}`);
}

/**
 * Builds each selected country: load, validate, derive, render, print, write atomically.
 * A country with errors fails alone; the others go on. One browser serves them all.
 */
export async function build(options: BuildOptions): Promise<BuildResult[]> {
  const editionsDir = options.editionsDir ?? paths.editions;
  const outDir = options.outDir ?? paths.output;
  const formats = options.formats ?? ['pdf'];
  const countries = options.files ?? (await findCountryFiles(editionsDir, options));
  if (countries.length === 0) throw new UserError('no data files match the selection');

  let browser: Browser | undefined;
  const results: BuildResult[] = [];
  try {
    for (const country of countries) {
      const started = performance.now();
      const result: BuildResult = { country, status: 'failed', outputs: [], problems: [], ms: 0 };
      try {
        const loaded = await loadReport(country.file, displayPath);
        result.problems.push(...loaded.problems);
        if (loaded.ok) result.problems.push(...checkReport(loaded.report));
        result.problems = sortProblems(result.problems);
        if (!loaded.ok || hasErrors(result.problems)) {
          result.error = 'invalid data';
        } else {
          const rendered = await renderReport(loaded.report);
          if (formats.includes('html')) {
            const file = outputPath(outDir, country, 'html');
            await writeFileAtomic(file, rendered.html);
            result.outputs.push(file);
          }
          if (formats.includes('pdf')) {
            browser ??= await launchBrowser({ explicit: options.browserPath, envPath: options.envBrowserPath });
            const printed = await printPdf(browser, rendered.html, { layout: rendered.layout });
            const pdf = await setPdfMetadata(printed.pdf, {
              title: rendered.meta.title,
              author: rendered.meta.author,
              subject: rendered.meta.subject,
              keywords: rendered.meta.keywords,
              creator: `keydata ${VERSION}`,
              date: rendered.meta.published,
            });
            const file = outputPath(outDir, country, 'pdf');
            await writeFileAtomic(file, pdf);
            result.outputs.push(file);
          }
          result.status = 'built';
        }
      } catch (err) {
        if (err instanceof UserError) throw err;
        result.error = (err as Error).message;
      }
      result.ms = performance.now() - started;
      results.push(result);
      options.onResult?.(result);
    }
  } finally {
    await browser?.close().catch(() => undefined);
  }
  return results;
}
