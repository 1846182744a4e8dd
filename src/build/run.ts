import { rm } from 'node:fs/promises';
import { UserError } from '../errors.js';
import type { CountryFile } from '../data/find.js';
import { BrowserSession } from '../pdf/browser-session.js';
import type { ReportKind } from '../schema/report-kind.js';
import type { BuildResult } from './build.js';
import { buildProfile, type Format, type ProfileContext, ProfileError } from './build-profile.js';
import { profileKey, withBuild, type Manifest } from './manifest.js';
import { runPool } from './pool.js';
import type { ResolvedBuildOptions } from './options.js';
import { buildVolume } from './volume.js';

export interface RunInput {
  queue: { country: CountryFile; inputs: string }[];
  selected: CountryFile[];
  manifests: Map<number, Manifest>;
  options: ResolvedBuildOptions;
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
  const { queue, selected, manifests, options } = input;
  let done = input.done;
  const results: BuildResult[] = [];
  const session = new BrowserSession(options.browser);
  const ctx = { ...options, session };
  try {
    const built = await runPool(
      queue,
      options.concurrency,
      async ({ country, inputs }) => {
        options.onEvent({ type: 'start', country });
        const result = await buildAndRecord(ctx, country, inputs, manifests);
        options.onEvent({ type: 'result', result, done: ++done, total: selected.length });
        return result;
      },
      options.signal,
    );
    results.push(...built.filter(Boolean));
    if (options.volume && !options.signal?.aborted) {
      if (options.shard)
        throw new UserError('--volume needs the whole edition: build it without --shard');
      const groups = [...new Set(selected.map((c) => `${c.edition}\0${c.kind}`))].map((g) =>
        g.split('\0'),
      );
      for (const [edition, kind] of groups) {
        const result = await buildVolume(
          ctx,
          manifests.get(Number(edition)) as Manifest,
          Number(edition),
          kind as ReportKind,
        );
        options.onEvent({ type: 'result', result, done, total: selected.length });
        results.push(result);
      }
    }
  } finally {
    await session.close();
  }

  return { results, browserRelaunches: session.relaunches };
}

/**
 * Builds one profile and records it in its edition's manifest; a failure becomes a failed
 * result with its problems (the last good outputs stay), except a usage error, which stops.
 */
async function buildAndRecord(
  ctx: ProfileContext,
  country: CountryFile,
  inputs: string,
  manifests: Map<number, Manifest>,
): Promise<BuildResult> {
  const started = performance.now();
  try {
    const made = await buildProfile(ctx, country, inputs);
    const manifest = manifests.get(country.edition) as Manifest;
    const before = manifest.profiles[profileKey(country)];
    const built = new Date().toISOString();
    manifest.profiles[profileKey(country)] = {
      inputs,
      outputs: Object.fromEntries(
        Object.entries(made.outputs).map(([f, o]) => [f, { file: o.file, sha256: o.sha256 }]),
      ),
      built,
      history: withBuild(before, {
        date: built,
        inputs,
        corrections: made.review.corrections,
        status: made.review.status,
      }),
    };
    await removeDropped(before?.outputs, made.outputs, ctx.formats);
    return {
      country,
      status: 'built',
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

/**
 * Removes what an earlier build made in a format built again that this build no longer
 * makes (the CSV of a table taken out of the data). Other formats' files are left alone.
 */
async function removeDropped(
  before: Record<string, { file: string }> | undefined,
  now: Record<string, { file: string }>,
  formats: readonly Format[],
): Promise<void> {
  const kept = new Set(Object.values(now).map((o) => o.file));
  for (const [key, out] of Object.entries(before ?? {})) {
    const format = key.split(':')[0] as Format;
    if (formats.includes(format) && !kept.has(out.file)) await rm(out.file, { force: true });
  }
}
