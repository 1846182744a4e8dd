import { access, rm } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { countryFilePath, findCountryFiles, type CountryFile } from '../data/find.js';
import type { Problem } from '../data/problem.js';
import { readReviewStatus } from '../data/review.js';
import type { ReportKind } from '../schema/report-kind.js';
import { VERSION } from '../version.js';
import { profileInputsHash, sha256File } from './inputs.js';
import { profileKey, readManifest, writeManifest, type Manifest } from './manifest.js';
import { type BuildOptions, resolveBuildOptions } from './options.js';
import { inShard } from './shard.js';
import { removeStaleTemps } from './atomic-write.js';
import { outputKeys, PRINT_OUTPUT } from './variants.js';
import { prepareOutputDir } from './output-dir.js';

export { outputPath } from './paths.js';
export type { BuildOptions } from './options.js';
export type { Format } from './build-profile.js';
export type { Variant } from './variants.js';

export type BuildEvent =
  | { type: 'planned'; total: number; toBuild: number; refused?: number }
  | { type: 'start'; country: CountryFile }
  | { type: 'result'; result: BuildResult; done: number; total: number };

export interface BuildResult {
  country: CountryFile;
  status: 'built' | 'skipped' | 'failed';
  outputs: string[];
  problems: Problem[];
  error?: string;
  ms: number;
  pages?: number | undefined;
  timings?: { renderMs: number; layoutMs: number; printMs: number };
  /** The print variant's check report. */
  checks?: string[];
}

export interface BuildSummary {
  results: BuildResult[];
  pruned: string[];
  browserRelaunches: number;
}

/**
 * Builds the selected profiles with one browser and a pool of pages: skips those whose
 * inputs are unchanged, isolates failures (a failed profile keeps its last good outputs),
 * records what was built in each edition's manifest, and prunes on request.
 */
export async function buildEdition(request: BuildOptions): Promise<BuildSummary> {
  const options = resolveBuildOptions(request);
  const { editionsDir, outDir } = options;
  // What the manifest records and the inputs hash covers: the pdf once per variant.
  const keys = outputKeys(options.formats, options.variants);
  const all = options.files ?? (await findCountryFiles(editionsDir, options));
  const selected = all.filter((c) => inShard(`${c.edition}/${c.kind}/${c.country}`, options.shard));
  if (all.length === 0) throw new UserError('no data files match the selection');

  await prepareOutputDir(outDir);
  await removeStaleTemps(outDir);
  const editions = [...new Set(selected.map((c) => c.edition))];
  const manifests = new Map<number, Manifest>();
  if (options.prune && options.edition !== undefined && !editions.includes(options.edition))
    editions.push(options.edition);
  for (const e of editions) manifests.set(e, await readManifest(outDir, e, VERSION));

  const results: BuildResult[] = [];
  const queue: { country: CountryFile; inputs: string }[] = [];
  for (const country of selected) {
    if (options.final) {
      const status = await readReviewStatus(country.file);
      if (status !== 'final') {
        const error = `not final (status: ${status ?? 'unreadable'}): --final builds only profiles marked status: final`;
        results.push({ country, status: 'failed', outputs: [], problems: [], error, ms: 0 });
        continue;
      }
    }
    const inputs = await profileInputsHash(country, editionsDir, keys);
    if (
      !options.force &&
      (await isCurrent(manifests.get(country.edition), country, inputs, keys))
    ) {
      const entry = manifests.get(country.edition)?.profiles[profileKey(country)];
      results.push({
        country,
        status: 'skipped',
        outputs: Object.values(entry?.outputs ?? {}).map((o) => o.file),
        problems: [],
        ms: 0,
      });
    } else {
      queue.push({ country, inputs });
    }
  }
  const refused = results.filter((r) => r.status === 'failed').length;
  options.onEvent({ type: 'planned', total: selected.length, toBuild: queue.length, refused });
  let done = 0;
  for (const result of results)
    options.onEvent({ type: 'result', result, done: ++done, total: selected.length });

  // The rendering and printing code (Chromium, Chart.js, pdf-lib) loads only when there is
  // something to build: a no-op rebuild stays well under a second.
  let browserRelaunches = 0;
  if (queue.length > 0 || options.volume) {
    const { runBuilds } = await import('./run.js');
    const ran = await runBuilds({ queue, selected, manifests, options, done });
    results.push(...ran.results);
    browserRelaunches = ran.browserRelaunches;
  }

  const pruned = options.prune ? await prune(manifests, editionsDir, options.kind) : [];
  for (const m of manifests.values()) await writeManifest(outDir, m);
  const order = new Map(selected.map((c, i) => [c.file, i]));
  results.sort(
    (a, b) => (order.get(a.country.file) ?? Infinity) - (order.get(b.country.file) ?? Infinity),
  );
  return { results, pruned, browserRelaunches };
}

/** The single-call form used by tests and the API: build, then return the per-profile results. */
export async function build(options: BuildOptions): Promise<BuildResult[]> {
  return (await buildEdition(options)).results;
}

async function isCurrent(
  manifest: Manifest | undefined,
  c: CountryFile,
  inputs: string,
  formats: readonly string[],
): Promise<boolean> {
  const entry = manifest?.profiles[profileKey(c)];
  if (!entry || entry.inputs !== inputs) return false;
  // pdf and html make one file each; an export format one per table or chart, maybe none.
  for (const f of formats)
    if ((f === 'pdf' || f === PRINT_OUTPUT || f === 'html') && !entry.outputs[f]) return false;
  for (const out of Object.values(entry.outputs)) {
    if ((await sha256File(out.file)) !== out.sha256) return false;
  }
  return true;
}

/** Removes outputs and manifest entries of profiles whose data file is gone. */
async function prune(
  manifests: Map<number, Manifest>,
  editionsDir: string,
  kind: ReportKind | undefined,
): Promise<string[]> {
  const removed: string[] = [];
  for (const [edition, manifest] of manifests) {
    for (const [key, entry] of Object.entries(manifest.profiles)) {
      const [k, country] = key.split('/') as [ReportKind, string];
      if (kind && k !== kind) continue;
      if (country === `${k}-${edition}`) continue; // the edition volume, not a country
      const dataFile = countryFilePath(editionsDir, edition, k, country);
      const exists = await access(dataFile).then(
        () => true,
        () => false,
      );
      if (exists) continue;
      for (const out of Object.values(entry.outputs)) {
        await rm(out.file, { force: true });
        removed.push(out.file);
      }
      delete manifest.profiles[key];
    }
  }
  return removed;
}
