import { createHash } from 'node:crypto';
import path from 'node:path';
import { findCountryFiles, type CountryFile } from '../data/find.js';
import { loadReport } from '../data/load-report.js';
import { hasErrors } from '../data/problem.js';
import type { BrowserSession } from '../pdf/browser-session.js';
import { printPdf } from '../pdf/print.js';
import { displayPath } from '../project.js';
import { renderVolume, type VolumeCountry } from '../render/volume.js';
import type { EditionMeta } from '../schema/edition.js';
import type { ReportKind } from '../schema/report-kind.js';
import { writeFileAtomic } from './atomic-write.js';
import type { BuildResult } from './build.js';
import { profileInputsHash, volumeKindInputsHash } from './inputs.js';
import type { Manifest } from './manifest.js';
import type { ResolvedBuildOptions } from './options.js';
import { formatsFor, planOutputs } from './plan.js';
import { withTimeout } from './pool.js';
import { recordOutputs, removeStale } from './record.js';
import { PRINT_EXTENSION, PRINT_OUTPUT, type Variant } from './variants.js';
import { finishVariants } from './finish-variants.js';
import { printOptionsFor } from './variants.js';
import { overviewOf } from './overview.js';
import { checkReport, renderReport, type DerivedReport, deriveReport } from './report.js';

/** output/<edition>/<kind>/<kind>-<edition>.pdf */
export function volumePath(outDir: string, edition: number, kind: ReportKind): string {
  return path.join(outDir, String(edition), kind, `${kind}-${edition}.pdf`);
}

export const volumeKey = (kind: ReportKind, edition: number) => `${kind}/${kind}-${edition}`;

async function volumeInputsHash(
  kind: ReportKind,
  countries: readonly CountryFile[],
  editionsDir: string,
): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await volumeKindInputsHash(kind));
  for (const c of countries) hash.update(`${c.country}:${await profileInputsHash(c, editionsDir)}`);
  return hash.digest('hex');
}

/**
 * The edition volume of one report kind: every country of the edition in one book with a
 * cover, contents and running page numbers. Built only when every country is valid.
 */
export async function buildVolume(
  ctx: Pick<ResolvedBuildOptions, 'outDir' | 'editionsDir' | 'timeoutMs' | 'force' | 'final'> & {
    readonly session: BrowserSession;
    /** The output kinds asked for; a volume makes its PDF kinds ("pdf", "pdf-print"). */
    readonly requested: readonly string[];
  },
  manifest: Manifest,
  edition: number,
  kind: ReportKind,
): Promise<BuildResult> {
  const started = performance.now();
  const file = volumePath(ctx.outDir, edition, kind);
  const self: CountryFile = {
    edition,
    kind,
    country: `${kind}-${edition} (volume)`,
    file: path.join(ctx.editionsDir, String(edition), kind),
  };
  const countries = await findCountryFiles(ctx.editionsDir, { edition, kind });
  const pressFile = file.replace(/\.pdf$/, `.${PRINT_EXTENSION}`);
  const inputs = await volumeInputsHash(kind, countries, ctx.editionsDir);
  const key = volumeKey(kind, edition);
  const requested = ctx.requested.filter((k) => k === 'pdf' || k === PRINT_OUTPUT);
  // With --final the statuses must be read, so nothing is taken as current.
  const plan = await planOutputs(
    manifest.profiles[key],
    { inputs },
    requested.length ? requested : ['pdf'],
    ctx.outDir,
    ctx.force || ctx.final,
  );
  const files = (plan?.keys ?? requested).map((k) => (k === PRINT_OUTPUT ? pressFile : file));
  if (!plan) return { country: self, status: 'skipped', outputs: files, problems: [], ms: 0 };
  const { variants } = formatsFor(plan.keys);
  const failed = (error: string): BuildResult => ({
    country: self,
    status: 'failed',
    outputs: [],
    problems: [],
    error,
    ms: performance.now() - started,
  });
  const book = await renderCountries(ctx, countries);
  if ('error' in book) return failed(book.error);
  try {
    const { printed, outputs, checks } = await printVolume(ctx, book, inputs, variants, {
      file,
      pressFile,
    });
    await removeStale(
      recordOutputs(
        manifest,
        key,
        { inputs },
        { keys: plan.keys, outputs, scope: 'edition' },
        ctx.outDir,
      ),
    );
    return {
      country: self,
      status: 'built',
      reason: plan.reason,
      outputs: files,
      problems: [],
      ms: performance.now() - started,
      pages: printed.layout?.pages,
      checks,
    };
  } catch (err) {
    return failed((err as Error).message);
  }
}

type VolumeContext = Parameters<typeof buildVolume>[0];

/** Every country of the book, derived, checked and rendered; or why the book cannot be made. */
async function renderCountries(
  ctx: VolumeContext,
  countries: readonly CountryFile[],
): Promise<
  | {
      meta: EditionMeta;
      parts: VolumeCountry[];
      reports: { slug: string; report: DerivedReport }[];
    }
  | { error: string }
> {
  const parts: VolumeCountry[] = [];
  const reports: { slug: string; report: DerivedReport }[] = [];
  const invalid: string[] = [];
  const notFinal: string[] = [];
  let meta: EditionMeta | undefined;
  for (const c of countries) {
    const loaded = await loadReport(c.file, displayPath, { final: ctx.final });
    const report = loaded.ok ? deriveReport(loaded.report) : undefined;
    if (!report || hasErrors(checkReport(report))) {
      invalid.push(c.country);
      continue;
    }
    // With --final, a book holds final countries only (otherwise it carries a watermark).
    if (ctx.final && report.data.status !== 'final') notFinal.push(c.country);
    meta ??= report.meta;
    reports.push({ slug: c.country, report });
    parts.push({
      slug: c.country,
      name: report.data.country,
      rendered: await renderReport(report),
    });
  }
  if (invalid.length) return { error: `volume not built: invalid data in ${invalid.join(', ')}` };
  if (notFinal.length) return { error: `volume not built: not final: ${notFinal.join(', ')}` };
  if (!meta) return { error: 'volume not built: no countries' };
  return { meta, parts, reports };
}

/** Prints the book in each variant and writes the files; what the manifest records of them. */
async function printVolume(
  ctx: VolumeContext,
  book: {
    meta: EditionMeta;
    parts: VolumeCountry[];
    reports: { slug: string; report: DerivedReport }[];
  },
  inputs: string,
  variants: readonly Variant[],
  targets: { file: string; pressFile: string },
) {
  // The book opens with the edition overview (its files are written by commands/overview.ts).
  const overview = overviewOf(book.meta.edition, book.meta.report, book.reports);
  const rendered = await renderVolume(book.meta, book.parts, overview);
  const browser = await ctx.session.browser();
  // A book takes longer than one profile: allow a minute per ten countries on top.
  const timeoutMs = ctx.timeoutMs * (1 + book.parts.length / 10);
  const printed = await withTimeout(
    'printing the volume',
    timeoutMs,
    printPdf(browser, rendered.html, {
      layout: rendered.layout,
      timeoutMs,
      ...printOptionsFor(variants),
    }),
  );
  const made = await finishVariants(printed, rendered, inputs, variants, targets.pressFile);
  const outputs: Record<string, { file: string; sha256: string }> = {};
  for (const [key, target, pdf] of [
    ['pdf', targets.file, made.screen],
    [PRINT_OUTPUT, targets.pressFile, made.press?.pdf],
  ] as const) {
    if (!pdf) continue;
    await writeFileAtomic(target, pdf);
    outputs[key] = { file: target, sha256: createHash('sha256').update(pdf).digest('hex') };
  }
  return { printed, outputs, checks: made.press?.report };
}
