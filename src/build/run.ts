import os from 'node:os';
import { UserError } from '../errors.js';
import type { CountryFile } from '../data/find.js';
import { BrowserSession } from '../pdf/browser-session.js';
import type { ReportKind } from '../schema/report-kind.js';
import type { BuildOptions, BuildResult, Queued } from './build.js';
import { buildProfile, ProfileError } from './build-profile.js';
import { profileKey, type Manifest } from './manifest.js';
import { formatsFor } from './plan.js';
import { runPool } from './pool.js';
import { recordOutputs, removeStale } from './record.js';
import { buildVolume } from './volume.js';

export interface RunInput {
  queue: Queued[];
  selected: CountryFile[];
  manifests: Map<number, Manifest>;
  options: BuildOptions;
  editionsDir: string;
  outDir: string;
  /** The output kinds asked for ("pdf", "pdf-print", "html"...), for the volumes. */
  requested: readonly string[];
  /** Profiles already reported (skipped or refused), for the progress count. */
  done: number;
}

/**
 * Builds the queued profiles, then the volumes asked for, with one browser session and a
 * pool of pages; records each build in its edition's manifest. Loaded only when there is
 * work, so a no-op rebuild never loads Chromium, Chart.js or pdf-lib.
 */
export async function runBuilds(
  input: RunInput,
): Promise<{ results: BuildResult[]; browserRelaunches: number }> {
  const { queue, selected, manifests, options, editionsDir, outDir, requested } = input;
  let done = input.done;
  const results: BuildResult[] = [];
  const session = new BrowserSession({
    wsEndpoint: options.browserWsEndpoint,
    finder: { explicit: options.browserPath, envPath: options.envBrowserPath },
  });
  const ctx = {
    session,
    outDir,
    timeoutMs: options.timeoutMs ?? 60_000,
    final: Boolean(options.final),
  };
  try {
    const built = await runPool(
      queue,
      options.concurrency ?? defaultConcurrency(),
      async ({ country, now, plan }) => {
        options.onEvent?.({ type: 'start', country });
        const started = performance.now();
        let result: BuildResult;
        try {
          const made = await buildProfile(
            { ...ctx, ...formatsFor(plan.keys) },
            country,
            now.inputs,
          );
          const manifest = manifests.get(country.edition) as Manifest;
          const stale = recordOutputs(
            manifest,
            profileKey(country),
            now,
            { keys: plan.keys, ...made },
            outDir,
          );
          await removeStale(stale);
          result = {
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
          const problems = err instanceof ProfileError ? err.problems : [];
          result = {
            country,
            status: 'failed',
            outputs: [],
            problems,
            error: (err as Error).message,
            ms: performance.now() - started,
          };
        }
        options.onEvent?.({ type: 'result', result, done: ++done, total: selected.length });
        return result;
      },
      options.signal,
    );
    results.push(...built.filter(Boolean));
    if (options.volume && !options.signal?.aborted) {
      const groups = [...new Set(selected.map((c) => `${c.edition}\0${c.kind}`))].map((g) =>
        g.split('\0'),
      );
      for (const [edition, kind] of groups) {
        const result = await buildVolume(
          { ...ctx, editionsDir, requested, force: Boolean(options.force) },
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

  return { results, browserRelaunches: session.relaunches };
}

function defaultConcurrency(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}
