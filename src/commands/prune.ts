import { access, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { countryFilePath } from '../data/find.js';
import type { ReportKind } from '../schema/report-kind.js';
import type { Manifest } from './manifest.js';
import { relativeOutput, resolveOutput } from './output-paths.js';

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** The manifest itself, one moved aside, and a build's temporary files are not outputs. */
const NOT_AN_OUTPUT = /^(manifest\.json(\.unreadable-.*)?|\..*\.keydata-tmp)$/;

async function filesUnder(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true, recursive: true }))
      .filter((e) => e.isFile() && !NOT_AN_OUTPUT.test(e.name))
      .map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

/** Drops the entries of profiles whose data file is gone; returns their files. */
async function dropOrphans(
  manifest: Manifest,
  outDir: string,
  editionsDir: string,
  kind: ReportKind | undefined,
): Promise<string[]> {
  const files: string[] = [];
  for (const [key, entry] of Object.entries(manifest.profiles)) {
    const [k, country] = key.split('/') as [ReportKind, string];
    if ((kind && k !== kind) || entry.scope === 'edition') continue;
    // Manifests written before edition outputs were marked: the volume is "<kind>/<kind>-<year>".
    if (country === `${k}-${manifest.edition}`) continue;
    if (await exists(countryFilePath(editionsDir, manifest.edition, k, country))) continue;
    for (const out of Object.values(entry.outputs)) {
      const file = resolveOutput(outDir, out.file);
      if (file) files.push(file);
    }
    delete manifest.profiles[key];
  }
  return files;
}

/**
 * --prune: removes the outputs of countries no longer in the data, and every file in the
 * edition's output folder (or the kind's, with --report) that no profile or edition output
 * of the manifest claims: exports of a format no longer built, files of an older layout.
 */
export async function prune(
  manifests: ReadonlyMap<number, Manifest>,
  outDir: string,
  editionsDir: string,
  kind: ReportKind | undefined,
): Promise<string[]> {
  const removed: string[] = [];
  for (const [edition, manifest] of manifests) {
    const orphans = await dropOrphans(manifest, outDir, editionsDir, kind);
    const claimed = new Set(
      Object.values(manifest.profiles).flatMap((e) => Object.values(e.outputs).map((o) => o.file)),
    );
    const dir = path.join(outDir, String(edition), ...(kind ? [kind] : []));
    const unclaimed = (await filesUnder(dir)).filter((f) => {
      const rel = relativeOutput(outDir, f);
      return rel !== undefined && !claimed.has(rel);
    });
    for (const file of [...new Set([...orphans, ...unclaimed])].sort()) {
      await rm(file, { force: true });
      removed.push(file);
    }
  }
  return removed;
}
