import os from 'node:os';
import { access, rm } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { countryFilePath, findCountryFiles, type CountryFile } from '../data/find.js';
import type { Problem } from '../data/problem.js';
import { BrowserSession } from '../pdf/browser-session.js';
import { paths } from '../project.js';
import type { ReportKind } from '../schema/report-kind.js';
import { VERSION } from '../version.js';
import { buildProfile, ProfileError, type Format } from './build-profile.js';
import { profileInputsHash, sha256File } from './inputs.js';
import { profileKey, readManifest, writeManifest, type Manifest } from './manifest.js';
import { runPool } from './pool.js';
import { inShard, type Shard } from './shard.js';
import { removeStaleTemps } from './atomic-write.js';
import { buildVolume } from './volume.js';

export { outputPath } from './paths.js';
export type { Format } from './build-profile.js';

export interface BuildOptions {
  edition?: number;
  kind?: ReportKind;
  country?: string;
  /** Explicit files instead of a selection under the editions folder. */
  files?: CountryFile[];
  editionsDir?: string;
  outDir?: string;
  formats?: Format[];
  /** Pages printing at once (default: the number of cores). */
  concurrency?: number;
  /** Rebuild even when the manifest says the outputs are current. */
  force?: boolean;
  /** Remove outputs (and manifest entries) of countries no longer in the data. */
  prune?: boolean;
  /** Also build each report kind's edition as one book (not with --shard). */
  volume?: boolean;
  shard?: Shard;
  browserPath?: string;
  /** PUPPETEER_EXECUTABLE_PATH, passed in by the CLI. */
  envBrowserPath?: string;
  /** Connect to this Chromium instead of launching one. */
  browserWsEndpoint?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  onEvent?: (e: BuildEvent) => void;
}

export type BuildEvent =
  | { type: 'planned'; total: number; toBuild: number }
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
export async function buildEdition(options: BuildOptions): Promise<BuildSummary> {
  const editionsDir = options.editionsDir ?? paths.editions;
  const outDir = options.outDir ?? paths.output;
  const formats = options.formats ?? ['pdf'];
  const all = options.files ?? (await findCountryFiles(editionsDir, options));
  const selected = all.filter((c) => inShard(`${c.edition}/${c.kind}/${c.country}`, options.shard));
  if (all.length === 0) throw new UserError('no data files match the selection');

  await removeStaleTemps(outDir);
  const editions = [...new Set(selected.map((c) => c.edition))];
  const manifests = new Map<number, Manifest>();
  if (options.prune && options.edition !== undefined && !editions.includes(options.edition)) editions.push(options.edition);
  for (const e of editions) manifests.set(e, await readManifest(outDir, e, VERSION));

  const results: BuildResult[] = [];
  const queue: { country: CountryFile; inputs: string }[] = [];
  for (const country of selected) {
    const inputs = await profileInputsHash(country, editionsDir, formats);
    if (!options.force && (await isCurrent(manifests.get(country.edition), country, inputs, formats))) {
      const entry = manifests.get(country.edition)?.profiles[profileKey(country)];
      results.push({ country, status: 'skipped', outputs: Object.values(entry?.outputs ?? {}).map((o) => o.file), problems: [], ms: 0 });
    } else {
      queue.push({ country, inputs });
    }
  }
  options.onEvent?.({ type: 'planned', total: selected.length, toBuild: queue.length });
  let done = 0;
  for (const result of results) options.onEvent?.({ type: 'result', result, done: ++done, total: selected.length });

  const session = new BrowserSession({
    wsEndpoint: options.browserWsEndpoint,
    finder: { explicit: options.browserPath, envPath: options.envBrowserPath },
  });
  const ctx = { session, outDir, formats, timeoutMs: options.timeoutMs ?? 60_000 };
  try {
    const built = await runPool(
      queue,
      options.concurrency ?? defaultConcurrency(),
      async ({ country, inputs }) => {
        options.onEvent?.({ type: 'start', country });
        const started = performance.now();
        let result: BuildResult;
        try {
          const made = await buildProfile(ctx, country, inputs);
          const manifest = manifests.get(country.edition) as Manifest;
          manifest.profiles[profileKey(country)] = {
            inputs,
            outputs: Object.fromEntries(Object.entries(made.outputs).map(([f, o]) => [f, { file: o.file, sha256: o.sha256 }])),
            built: new Date().toISOString(),
          };
          result = {
            country,
            status: 'built',
            outputs: Object.values(made.outputs).map((o) => o.file),
            problems: made.problems,
            ms: performance.now() - started,
            pages: made.pages,
            timings: made.timings,
          };
        } catch (err) {
          if (err instanceof UserError) throw err;
          const problems = err instanceof ProfileError ? err.problems : [];
          result = { country, status: 'failed', outputs: [], problems, error: (err as Error).message, ms: performance.now() - started };
        }
        options.onEvent?.({ type: 'result', result, done: ++done, total: selected.length });
        return result;
      },
      options.signal,
    );
    results.push(...built.filter(Boolean));
    if (options.volume && !options.signal?.aborted) {
      if (options.shard) throw new UserError('--volume needs the whole edition: build it without --shard');
      const groups = [...new Set(selected.map((c) => `${c.edition}\0${c.kind}`))].map((g) => g.split('\0'));
      for (const [edition, kind] of groups) {
        const result = await buildVolume(
          { ...ctx, editionsDir, force: Boolean(options.force) },
          manifests.get(Number(edition)) as Manifest,
          Number(edition),
          kind as ReportKind,
        );
        options.onEvent?.({ type: 'result', result, done, total: selected.length });
        results.push(result);
      }
    }
  } finally {
    await session.close();
  }

  const pruned = options.prune ? await prune(manifests, editionsDir, options.kind) : [];
  for (const m of manifests.values()) await writeManifest(outDir, m);
  const order = new Map(selected.map((c, i) => [c.file, i]));
  results.sort((a, b) => (order.get(a.country.file) ?? Infinity) - (order.get(b.country.file) ?? Infinity));
  return { results, pruned, browserRelaunches: session.relaunches };
}

/** The single-call form used by tests and the API: build, then return the per-profile results. */
export async function build(options: BuildOptions): Promise<BuildResult[]> {
  return (await buildEdition(options)).results;
}

function defaultConcurrency(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

async function isCurrent(manifest: Manifest | undefined, c: CountryFile, inputs: string, formats: readonly Format[]): Promise<boolean> {
  const entry = manifest?.profiles[profileKey(c)];
  if (!entry || entry.inputs !== inputs) return false;
  for (const f of formats) {
    const out = entry.outputs[f];
    if (!out || (await sha256File(out.file)) !== out.sha256) return false;
  }
  return true;
}

/** Removes outputs and manifest entries of profiles whose data file is gone. */
async function prune(manifests: Map<number, Manifest>, editionsDir: string, kind: ReportKind | undefined): Promise<string[]> {
  const removed: string[] = [];
  for (const [edition, manifest] of manifests) {
    for (const [key, entry] of Object.entries(manifest.profiles)) {
      const [k, country] = key.split('/') as [ReportKind, string];
      if (kind && k !== kind) continue;
      if (country === `${k}-${edition}`) continue; // the edition volume, not a country
      const dataFile = countryFilePath(editionsDir, edition, k, country);
      const exists = await access(dataFile).then(() => true, () => false);
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
