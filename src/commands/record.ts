import { rm } from 'node:fs/promises';
import type { Problem } from '../data/problem.js';
import type { BuildRecord, Manifest, ManifestEntry } from './manifest.js';
import { withBuild } from './manifest.js';
import { relativeOutput, resolveOutput } from './output-paths.js';
import type { Now } from './plan.js';

export interface Made {
  /** Output kinds this build made ("pdf", "csv"...). */
  keys: readonly string[];
  /** The files made, by manifest key, with absolute paths. */
  outputs: Record<string, { file: string; sha256: string }>;
  scope?: 'edition';
  review?: { status: string; corrections: number };
  problems?: readonly Problem[];
}

const kindOf = (key: string) => key.split(':')[0] ?? key;

/**
 * Records what a build made in the manifest, and returns the files that no longer match their
 * data, to remove: with unchanged inputs, the outputs of other kinds stay and only the kinds
 * made again are replaced (a table taken out loses its CSV); with changed inputs the entry
 * holds exactly what was made now. Only files inside the output folder are ever returned.
 */
export function recordOutputs(
  manifest: Manifest,
  key: string,
  now: Now,
  made: Made,
  outDir: string,
  date = new Date().toISOString(),
): string[] {
  const before: ManifestEntry | undefined = manifest.profiles[key];
  const same = before?.inputs === now.inputs;
  const outputs: ManifestEntry['outputs'] = {};
  if (same && before)
    for (const [k, out] of Object.entries(before.outputs))
      if (!made.keys.includes(kindOf(k))) outputs[k] = out;
  for (const [k, out] of Object.entries(made.outputs)) {
    const file = relativeOutput(outDir, out.file);
    if (file !== undefined) outputs[k] = { file, sha256: out.sha256 };
  }
  const formats = [...new Set([...(same ? (before?.formats ?? []) : []), ...made.keys])].sort();
  const record: BuildRecord | undefined = made.review && {
    date,
    inputs: now.inputs,
    corrections: made.review.corrections,
    status: made.review.status,
  };
  manifest.profiles[key] = {
    inputs: now.inputs,
    ...(now.sources ? { sources: now.sources } : {}),
    formats,
    outputs,
    built: date,
    ...(made.scope ? { scope: made.scope } : {}),
    ...(made.problems?.length ? { problems: made.problems.map(storedProblem) } : {}),
    ...(record
      ? { history: withBuild(before, record) }
      : before?.history
        ? { history: before.history }
        : {}),
  };
  const kept = new Set(Object.values(outputs).map((o) => o.file));
  return Object.values(before?.outputs ?? {})
    .filter((o) => !kept.has(o.file))
    .flatMap((o) => resolveOutput(outDir, o.file) ?? []);
}

const storedProblem = ({ file, line, column, severity, path, message }: Problem) => ({
  file,
  line,
  column,
  severity,
  path,
  message,
});

/** Removes outputs that no longer match their data (recordOutputs keeps them inside outDir). */
export async function removeStale(files: readonly string[]): Promise<void> {
  for (const f of files) await rm(f, { force: true });
}
