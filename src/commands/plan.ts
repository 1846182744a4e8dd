import path from 'node:path';
import type { Format } from './build-profile.js';
import { sha256FileSync } from './inputs.js';
import { claimedFormats, type ManifestEntry } from './manifest.js';
import { resolveOutput } from './output-paths.js';
import { PRINT_OUTPUT, type Variant } from './variants.js';

/** The manifest key of a profile's page on the edition's web site. */
export const SITE_OUTPUT = 'site';

/**
 * What a build must make of one profile (or one edition output) and why, from its manifest
 * entry, its inputs now and the output kinds asked for. Output kinds accumulate: asking for
 * the print PDF after the screen PDF adds it and keeps the other. When the inputs change,
 * every kind the entry claims is made again, so no output is left showing old figures.
 */
export interface Plan {
  /** Output kinds to make: "pdf", "pdf-print", "html", "site", "csv", "svg", "png". */
  keys: string[];
  /** Why, in an editor's words: "data changed", "output missing: kosovo.pdf"... */
  reason: string;
}

export interface Now {
  inputs: string;
  sources?: { data: string; kind: string };
}

const union = (...lists: readonly string[][]) => [...new Set(lists.flat())];

function changedInputs(entry: ManifestEntry, now: Now): string {
  const was = entry.sources;
  if (!was || !now.sources) return 'inputs changed';
  const data = was.data !== now.sources.data;
  const kind = was.kind !== now.sources.kind;
  if (data && kind) return 'data and templates changed';
  if (kind) return 'templates, styles or keydata changed';
  return data ? 'data changed' : 'inputs changed';
}

/** Claimed outputs whose file is missing or no longer what was written, by output kind. */
function damaged(entry: ManifestEntry, outDir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, out] of Object.entries(entry.outputs)) {
    const kind = key.split(':')[0] ?? key;
    if (found.has(kind)) continue;
    const file = resolveOutput(outDir, out.file);
    const sha = file === undefined ? undefined : sha256FileSync(file);
    if (sha === out.sha256) continue;
    found.set(
      kind,
      `output ${sha === undefined ? 'missing' : 'changed'}: ${path.basename(out.file)}`,
    );
  }
  // A single-file kind the entry claims but does not list (a manifest from another checkout).
  for (const kind of claimedFormats(entry))
    if (
      ['pdf', PRINT_OUTPUT, 'html', SITE_OUTPUT].includes(kind) &&
      !entry.outputs[kind] &&
      !found.has(kind)
    )
      found.set(kind, `output missing: ${kind}`);
  return found;
}

/** The plan for one entry, or undefined when everything asked for is current. */
export async function planOutputs(
  entry: ManifestEntry | undefined,
  now: Now,
  requested: readonly string[],
  outDir: string,
  force = false,
): Promise<Plan | undefined> {
  if (!entry) return { keys: [...requested], reason: 'not built before' };
  const claimed = claimedFormats(entry);
  if (force) return { keys: union([...requested], claimed), reason: 'forced (--force)' };
  if (entry.inputs !== now.inputs)
    return { keys: union([...requested], claimed), reason: changedInputs(entry, now) };
  const broken = damaged(entry, outDir);
  const added = requested.filter((k) => !claimed.includes(k));
  // The site's page links the profile's other files: one more kind of them rewrites it.
  if (added.length > 0 && claimed.includes(SITE_OUTPUT) && !added.includes(SITE_OUTPUT))
    added.push(SITE_OUTPUT);
  if (broken.size === 0 && added.length === 0) return undefined;
  const reasons = [
    ...broken.values(),
    ...(added.length ? [`newly asked for: ${added.join(', ')}`] : []),
  ];
  return { keys: union(added, [...broken.keys()]), reason: reasons.join('; ') };
}

/** The formats and PDF variants that make these output kinds. */
export function formatsFor(keys: readonly string[]): { formats: Format[]; variants: Variant[] } {
  const variants: Variant[] = [];
  if (keys.includes('pdf')) variants.push('screen');
  if (keys.includes(PRINT_OUTPUT)) variants.push('print');
  const formats = union(keys.map((k) => (k === PRINT_OUTPUT ? 'pdf' : k))) as Format[];
  return { formats, variants };
}
