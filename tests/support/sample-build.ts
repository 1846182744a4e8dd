import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import { type BuildResult, type BuildSummary, buildEdition } from '../../src/commands/build.js';
import type { ReportKind } from '../../src/schema/index.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { sharedBrowser } from './shared-browser.js';

/**
 * The sample data (data/: every edition and kind) built once per test run, with the volumes,
 * to PDF, CSV and the site, for the test files that only read what it makes: the site test and
 * the samples read back (they printed the same 2025 countries two or three times). The first
 * file to ask builds it, in its own worker; a file asking meanwhile, in the other worker,
 * waits for it. It lives in the run's folder (tests/setup/sample-build.ts), removed when the
 * run ends, pass or fail.
 *
 * Read only: a test that changes data or outputs (the site test's correction and prune)
 * copies them first, so nothing one test writes changes what another
 * reads. Outputs are those of a build from data/ as it is checked in: the same bytes as any
 * file's own build of the same profiles, whatever other formats are made beside them.
 */
export interface SampleBuild {
  /** The output folder (<edition>/<kind>/..., <edition>/site/..., manifests). */
  out: string;
  /** The data folder it was built from: the checkout's data/, never written to. */
  data: string;
  summary: BuildSummary;
}

export const SAMPLE_DATA = path.join(PROJECT_ROOT, 'data');

/** Written by the builder, whole, under another name and renamed: readers never see half. */
type Outcome = { ok: true; summary: BuildSummary } | { ok: false; error: string };

let built: Promise<SampleBuild> | undefined;

export function sampleBuild(): Promise<SampleBuild> {
  built ??= buildOrWait();
  return built;
}

async function buildOrWait(): Promise<SampleBuild> {
  const dir = inject('sampleBuildDir');
  const out = path.join(dir, 'out');
  const outcome = path.join(dir, 'outcome.json');
  const builder = await mkdir(path.join(dir, 'builder'))
    .then(() => true)
    .catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'EEXIST') return false;
      throw err;
    });
  if (builder) {
    let result: Outcome;
    try {
      const summary = await buildEdition({
        ...sharedBrowser(),
        editionsDir: path.join(SAMPLE_DATA, 'editions'),
        outDir: out,
        formats: ['pdf', 'csv', 'site'],
        volume: true,
        env: { KEYDATA_CACHE_DIR: process.env.KEYDATA_CACHE_DIR },
      });
      result = { ok: true, summary };
    } catch (err) {
      result = { ok: false, error: (err as Error)?.stack ?? String(err) };
    }
    await writeFile(`${outcome}.part`, JSON.stringify(result));
    await rename(`${outcome}.part`, outcome);
  }
  for (;;) {
    const text = await readFile(outcome, 'utf8').catch(() => undefined);
    if (text !== undefined) {
      const result = JSON.parse(text) as Outcome;
      if (!result.ok) throw new Error(`the sample build failed:\n${result.error}`);
      return { out, data: SAMPLE_DATA, summary: result.summary };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The results of one edition and kind's profiles (not its volume, overview or site pages). */
export function profileResults(
  summary: BuildSummary,
  edition: number,
  kind: ReportKind,
): BuildResult[] {
  return summary.results.filter(
    (r) =>
      r.country.edition === edition && r.country.kind === kind && r.country.file.endsWith('.yaml'),
  );
}

/** A profile's PDF among its outputs. */
export const pdfOf = (r: BuildResult): string | undefined =>
  r.outputs.find((f) => f.endsWith('.pdf'));
