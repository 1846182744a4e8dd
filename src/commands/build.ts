import { UserError } from '../errors.js';
import { findCountryFiles, type CountryFile } from '../data/find.js';
import type { Problem } from '../data/problem.js';
import { displayPath } from '../project.js';
import { VERSION } from '../version.js';
import { profileSources } from './inputs.js';
import { lockOutput } from './lock.js';
import { loadManifest, profileKey, writeManifest, type Manifest } from './manifest.js';
import { resolveOutput } from './output-paths.js';
import { planOutputs, type Now, type Plan } from './plan.js';
import { prune } from './prune.js';
import { nothingMatches } from './selection-hint.js';
import { type BuildOptions, type ResolvedBuildOptions, resolveBuildOptions } from './options.js';
import { inShard } from './shard.js';
import { removeStaleTemps } from './atomic-write.js';
import { outputKeys } from './variants.js';
import { prepareOutputDir } from './output-dir.js';
import { runPool } from './pool.js';

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
  /** Why it was built: "data changed", "output missing: kosovo.pdf", "not built before"... */
  reason?: string;
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
  /** What a person must know about the build itself: a manifest moved aside, a lock taken over. */
  warnings: string[];
  /** What this build had to do: an empty shard says so. */
  notes: string[];
}

/** A profile to build: its inputs now and what to make of it. */
export interface Queued {
  country: CountryFile;
  now: Now;
  plan: Plan;
}

/**
 * Builds the selected profiles with one browser and a pool of pages: skips those whose
 * outputs are current, isolates failures (a failed profile keeps its last good outputs),
 * records what was built in each edition's manifest, and prunes on request. One build at a
 * time writes to an output folder.
 */
export async function buildEdition(request: BuildOptions): Promise<BuildSummary> {
  const options = resolveBuildOptions(request);
  const { editionsDir, outDir } = options;
  const all = options.files ?? (await findCountryFiles(editionsDir, options));
  if (all.length === 0) throw new UserError(await nothingMatches(editionsDir, options));
  if (options.shard && options.volume)
    throw new UserError('--volume needs the whole edition: build it without --shard');
  if (options.shard && options.formats.includes('site'))
    throw new UserError(
      '--formats site needs the whole edition (its indexes list every country): build it without --shard',
    );
  // A folder that cannot take a build is one clear message, before the lock is written there.
  await prepareOutputDir(outDir);
  const lock = await lockOutput(outDir);
  try {
    const summary = await buildLocked(options, all);
    if (lock.tookOver)
      summary.warnings.unshift(
        `took over the build lock of PID ${lock.tookOver.pid} (started ${lock.tookOver.started}), which is no longer running`,
      );
    return summary;
  } finally {
    await lock.release();
  }
}

async function buildLocked(
  options: ResolvedBuildOptions,
  all: CountryFile[],
): Promise<BuildSummary> {
  const { editionsDir, outDir } = options;
  const requested = outputKeys(options.formats, options.variants);
  const selected = all.filter((c) => inShard(`${c.edition}/${c.kind}/${c.country}`, options.shard));
  const warnings: string[] = [];
  const notes: string[] = [];
  if (selected.length === 0 && options.shard)
    notes.push(
      `shard ${options.shard.index}/${options.shard.count} holds none of the ${all.length} selected profile(s): nothing to build`,
    );

  await removeStaleTemps(outDir);
  const editions = [...new Set(selected.map((c) => c.edition))];
  if (options.prune && options.edition !== undefined && !editions.includes(options.edition))
    editions.push(options.edition);
  const manifests = new Map<number, Manifest>();
  for (const e of editions) {
    const loaded = await loadManifest(outDir, e, VERSION);
    if (loaded.warning) warnings.push(loaded.warning);
    manifests.set(e, loaded.manifest);
  }

  // `--formats overview` alone builds the edition's overview, no country's outputs.
  const editionOnly = options.volumeOnly || options.formats.length === 0;
  const { results, queue } = editionOnly
    ? { results: [], queue: [] }
    : await planProfiles(selected, manifests, requested, options);
  const refused = results.filter((r) => r.status === 'failed').length;
  const total = editionOnly ? 0 : selected.length;
  options.onEvent({ type: 'planned', total, toBuild: queue.length, refused });
  let done = 0;
  for (const result of results) options.onEvent({ type: 'result', result, done: ++done, total });

  // The rendering and printing code (Chromium, Chart.js, pdf-lib) loads only when there is
  // something to build: a no-op rebuild stays well under a second. Chromium is started
  // first, so it starts up (0.5-1 s) while node loads the rest of that code (~0.4 s) and
  // renders the first profiles.
  let browserRelaunches = 0;
  let closing: Promise<void> | undefined;
  if (queue.length > 0 || options.volume || options.overview || options.formats.includes('site')) {
    const { BrowserSession } = await import('../pdf/browser-session.js');
    const session = new BrowserSession(options.browser);
    if ((queue.length > 0 && options.formats.includes('pdf')) || options.volume) session.warm();
    try {
      const { runBuilds } = await import('./run.js');
      const ran = await runBuilds({
        queue,
        selected,
        manifests,
        options,
        requested,
        done,
        session,
      });
      results.push(...ran.results);
      browserRelaunches = ran.browserRelaunches;
    } catch (err) {
      await session.close();
      throw err;
    }
    // Chromium exits (~0.1 s) while the manifests are written; the build ends when both have.
    closing = session.close();
  }

  try {
    const pruned = options.prune ? await prune(manifests, outDir, editionsDir, options.kind) : [];
    for (const m of manifests.values()) await writeManifest(outDir, m);
    const order = new Map(selected.map((c, i) => [c.file, i]));
    results.sort(
      (a, b) => (order.get(a.country.file) ?? Infinity) - (order.get(b.country.file) ?? Infinity),
    );
    return { results, pruned, browserRelaunches, warnings, notes };
  } finally {
    await closing;
  }
}

/** Which profiles to build and why; the others are reported skipped, or refused by --final. */
async function planProfiles(
  selected: readonly CountryFile[],
  manifests: ReadonlyMap<number, Manifest>,
  requested: readonly string[],
  options: ResolvedBuildOptions,
): Promise<{ results: BuildResult[]; queue: Queued[] }> {
  // A few profiles at a time: finding each one's input files (directory listings) and, with
  // --final, reading its review status overlap. The files themselves are hashed synchronously
  // (inputs.ts says why). Reported in the selection's order.
  const planned = await runPool(selected, PLANNED_AT_ONCE, (country) =>
    planProfile(country, manifests, requested, options),
  );
  const results: BuildResult[] = [];
  const queue: Queued[] = [];
  for (const p of planned) {
    if ('plan' in p) queue.push(p);
    else results.push(p);
  }
  return { results, queue };
}

/** Profiles planned at once (each reads its two or three inputs and its outputs). */
const PLANNED_AT_ONCE = 8;

/** One profile: queued with its plan, or its result (skipped, or refused by --final). */
async function planProfile(
  country: CountryFile,
  manifests: ReadonlyMap<number, Manifest>,
  requested: readonly string[],
  options: ResolvedBuildOptions,
): Promise<Queued | BuildResult> {
  const { editionsDir, outDir } = options;
  if (options.final) {
    // Loaded only here: planning a build without --final needs no schema.
    const { readReviewStatus } = await import('../data/review.js');
    const status = await readReviewStatus(country.file);
    if (status !== 'final') {
      const error = `not final (status: ${status ?? 'unreadable'}): --final builds only profiles marked status: final`;
      // What stands between the draft and final, located: each value still to fill first.
      const { loadReport } = await import('../data/load-report.js');
      const loaded = await loadReport(country.file, displayPath, { final: true });
      const problems = loaded.problems.filter((p) => p.severity === 'error');
      return { country, status: 'failed', outputs: [], problems, error, ms: 0 };
    }
  }
  const now = await profileSources(country, editionsDir);
  const entry = manifests.get(country.edition)?.profiles[profileKey(country)];
  const plan = await planOutputs(entry, now, requested, outDir, options.force);
  if (plan) return { country, now, plan };
  return {
    country,
    status: 'skipped',
    outputs: Object.values(entry?.outputs ?? {}).flatMap(
      (o) => resolveOutput(outDir, o.file) ?? [],
    ),
    // The warnings found when it was built: a skipped profile still reports them.
    problems: (entry?.problems ?? []).map((p) => ({ ...p })),
    ms: 0,
  };
}

/** The single-call form used by tests and the API: build, then return the per-profile results. */
export async function build(options: BuildOptions): Promise<BuildResult[]> {
  return (await buildEdition(options)).results;
}
