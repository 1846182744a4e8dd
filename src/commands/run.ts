import { UserError } from '../errors.js';
import type { CountryFile } from '../data/find.js';
import type { BrowserSession } from '../pdf/browser-session.js';
import type { ReportKind } from '../schema/report-kind.js';
import type { BuildResult, Queued } from './build.js';
import { buildProfile, type ProfileContext, ProfileError } from './build-profile.js';
import { profileKey, type Manifest } from './manifest.js';
import type { ResolvedBuildOptions } from './options.js';
import { formatsFor, SITE_OUTPUT } from './plan.js';
import { runPool } from './pool.js';
import { recordOutputs, removeStale } from './record.js';

export interface RunInput {
  queue: Queued[];
  selected: CountryFile[];
  manifests: Map<number, Manifest>;
  options: ResolvedBuildOptions;
  /** The output kinds asked for ("pdf", "pdf-print", "html"...), for the volumes. */
  requested: readonly string[];
  /** Profiles already reported (skipped or refused), for the progress count. */
  done: number;
  /** The build's browser, started (warm) by the caller and closed by it after. */
  session: BrowserSession;
}

/**
 * Builds the queued profiles, then the volumes asked for, with one browser session and a
 * pool of pages; records each build in its edition's manifest. Loaded only when there is
 * work, so a no-op rebuild never loads Chromium, Chart.js or pdf-lib; the volume, the
 * overview and the site load only when asked for (a one-country rebuild waits for none).
 */
export async function runBuilds(
  input: RunInput,
): Promise<{ results: BuildResult[]; browserRelaunches: number }> {
  const { queue, selected, manifests, options, requested, session } = input;
  let done = input.done;
  const results: BuildResult[] = [];
  const ctx = { ...options, session };
  // A build that prints nothing after its profiles (no volume, overview or site) closes the
  // browser as soon as the last of them has printed: Chromium exits and its profile folder
  // goes while node finishes the last PDFs (~0.2 s), rather than after them. A profile that
  // fails before printing counts as printed when it ends.
  let unprinted = queue.length;
  const closeEarly = !(options.volume || options.overview || options.formats.includes(SITE_OUTPUT));
  const onePrinted = () => {
    if (--unprinted === 0 && closeEarly) void session.close();
  };
  const built = await runPool(
    queue,
    options.concurrency,
    async (queued) => {
      options.onEvent({ type: 'start', country: queued.country });
      const printed = once(onePrinted);
      try {
        const result = await buildAndRecord({ ...ctx, onPrinted: printed }, queued, manifests);
        options.onEvent({ type: 'result', result, done: ++done, total: selected.length });
        return result;
      } finally {
        printed();
      }
    },
    options.signal,
  );
  results.push(...built.filter(Boolean));
  if (options.volume && !options.signal?.aborted) {
    const { buildVolume } = await import('./volume.js');
    const groups = [...new Set(selected.map((c) => `${c.edition}\0${c.kind}`))].map((g) =>
      g.split('\0'),
    );
    for (const [edition, kind] of groups) {
      const result = await buildVolume(
        { ...ctx, requested },
        manifests.get(Number(edition)) as Manifest,
        Number(edition),
        kind as ReportKind,
      );
      options.onEvent({ type: 'result', result, done, total: selected.length });
      results.push(result);
    }
  }
  if (options.overview && !options.signal?.aborted) results.push(...(await buildOverviews(input)));
  // The site's indexes last: they link the PDFs, the volume and the overview just built.
  if (options.formats.includes(SITE_OUTPUT) && !options.signal?.aborted)
    results.push(...(await buildSiteIndexes(input)));

  return { results, browserRelaunches: session.relaunches };
}

/** f, called at most once however often the result is called. */
function once(f: () => void): () => void {
  let called = false;
  return () => {
    if (called) return;
    called = true;
    f();
  };
}

/** Each edition's overview files (with the volume, or `--formats overview` alone). */
async function buildOverviews(input: RunInput): Promise<BuildResult[]> {
  const { selected, manifests, options } = input;
  if (options.shard)
    throw new UserError('the overview needs the whole edition: build it without --shard');
  const results: BuildResult[] = [];
  const { buildOverview, hasOverview } = await import('./overview.js');
  const groups = [...new Set(selected.map((c) => `${c.edition}\0${c.kind}`))].map((g) =>
    g.split('\0'),
  );
  for (const [edition, kind] of groups) {
    if (!hasOverview(kind as ReportKind)) continue;
    const result = await buildOverview(
      options,
      manifests.get(Number(edition)) as Manifest,
      Number(edition),
      kind as ReportKind,
    );
    options.onEvent({ type: 'result', result, done: input.done, total: selected.length });
    results.push(result);
  }
  return results;
}

/** Each edition's site: an index per report kind, then the edition's own (build/site.ts). */
async function buildSiteIndexes(input: RunInput): Promise<BuildResult[]> {
  const { selected, manifests, options } = input;
  const { buildSite } = await import('./site.js');
  const groups = [...new Set(selected.map((c) => `${c.edition}\0${c.kind}`))].map((g) => {
    const [edition, kind] = g.split('\0');
    return { edition: Number(edition), kind: kind as ReportKind };
  });
  return buildSite(options, manifests, groups, (result) =>
    options.onEvent({ type: 'result', result, done: input.done, total: selected.length }),
  );
}

/**
 * Builds one profile and records it in its edition's manifest; a failure becomes a failed
 * result with its problems (the last good outputs stay), except a usage error, which stops.
 */
async function buildAndRecord(
  ctx: ProfileContext,
  { country, now, plan }: Queued,
  manifests: Map<number, Manifest>,
): Promise<BuildResult> {
  const started = performance.now();
  try {
    // This profile's own kinds: what is missing, or all it claims when its inputs changed.
    const made = await buildProfile({ ...ctx, ...formatsFor(plan.keys) }, country, now.inputs);
    const manifest = manifests.get(country.edition) as Manifest;
    const key = profileKey(country);
    // The site's page comes last: it links the profile's other files as this build leaves them.
    if (plan.keys.includes(SITE_OUTPUT)) {
      const { outputsAfter, writeSitePage } = await import('./site.js');
      const after = outputsAfter(
        manifest.profiles[key],
        now.inputs,
        plan.keys,
        made.outputs,
        ctx.outDir,
      );
      made.outputs[SITE_OUTPUT] = await writeSitePage(ctx.outDir, country, made.rendered, after);
    }
    await removeStale(recordOutputs(manifest, key, now, { keys: plan.keys, ...made }, ctx.outDir));
    return {
      country,
      status: 'built',
      reason: plan.reason,
      outputs: Object.values(made.outputs).map((o) => o.file),
      problems: made.problems,
      ms: performance.now() - started,
      pages: made.pages,
      timings: made.timings,
      checks: made.checks,
    };
  } catch (err) {
    if (err instanceof UserError) throw err;
    return {
      country,
      status: 'failed',
      outputs: [],
      problems: err instanceof ProfileError ? err.problems : [],
      error: (err as Error).message,
      ms: performance.now() - started,
    };
  }
}
