import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { kindFiles } from '../schema/kind-files.js';
import type { ReportKind } from '../schema/report-kind.js';
import type { YamlSource } from './yaml-source.js';

/**
 * The edition cascade: a report kind whose profile is made of independently dated sections
 * (the Monitor's country profiles) takes each section from the latest edition, up to the one
 * being built, whose file has it. This module is the whole rule:
 *
 * - Finding (`findCascadeFiles`): the country's file of this kind in every edition up to the
 *   one built, as an explicit list, lowest priority (oldest) first. An edition without a file
 *   for the country is skipped.
 * - Merging (`mergeCascade`, pure): for each cascading entry (a section), the last layer that
 *   has the key wins, whole: entries are replaced, never merged field by field, and lists are
 *   never concatenated. A layer that gives `{ withdrawn: true }` removes the entry: earlier
 *   layers no longer supply it. Every other field comes from the edition built (the last
 *   layer). Each entry remembers the file it came from, so problems point at that file.
 */

/** The field whose entries cascade for a kind (its file settings say), if any. */
export function cascadeField(kind: ReportKind): 'sections' | undefined {
  return kindFiles(kind).cascade ?? undefined;
}

export interface CascadeFile {
  edition: number;
  file: string;
}

/** Where a country file sits: <editions>/<year>/<kind>/<country>.yaml, or undefined elsewhere. */
export function placeOf(
  file: string,
): { editionsDir: string; edition: number; kind: string; country: string } | undefined {
  const abs = path.resolve(file);
  const kindDir = path.dirname(abs);
  const yearDir = path.dirname(kindDir);
  const year = path.basename(yearDir);
  if (!/^\d{4}$/.test(year) || !abs.endsWith('.yaml')) return undefined;
  return {
    editionsDir: path.dirname(yearDir),
    edition: Number(year),
    kind: path.basename(kindDir),
    country: path.basename(abs, '.yaml'),
  };
}

/**
 * Finding: the files a profile cascades from, lowest priority first: the country's file of
 * `kind` in each edition up to `edition`, oldest first; the last is the edition's own file.
 */
export async function findCascadeFiles(
  editionsDir: string,
  kind: ReportKind,
  country: string,
  edition: number,
): Promise<CascadeFile[]> {
  let years: number[];
  try {
    years = (await readdir(editionsDir, { withFileTypes: true }))
      .filter((d) => d.isDirectory() && /^\d{4}$/.test(d.name))
      .map((d) => Number(d.name))
      .filter((y) => y <= edition)
      .sort((a, b) => a - b);
  } catch {
    return [];
  }
  const found: CascadeFile[] = [];
  for (const year of years) {
    const file = path.join(editionsDir, String(year), kind, `${country}.yaml`);
    try {
      if ((await readdir(path.dirname(file))).includes(path.basename(file)))
        found.push({ edition: year, file });
    } catch {
      // no folder of this kind in that edition
    }
  }
  return found;
}

/** One validated file of the cascade. */
export interface CascadeLayer<T> {
  edition: number;
  /** The file as shown in messages. */
  file: string;
  source: YamlSource;
  data: T;
}

/** Where a part of merged data came from: the value at `path` is the one in `file`. */
export interface DataOrigin {
  path: readonly (string | number)[];
  edition: number;
  file: string;
  source: YamlSource;
}

const isWithdrawal = (v: unknown) =>
  typeof v === 'object' && v !== null && (v as { withdrawn?: unknown }).withdrawn === true;

/**
 * Merging: folds the layers, lowest priority first, into the profile of the last layer's
 * edition. Pure; the layers are not changed.
 */
export function mergeCascade<T extends Record<string, unknown>>(
  layers: readonly CascadeLayer<T>[],
  field: string,
): { data: T; origins: DataOrigin[] } {
  const top = layers.at(-1);
  if (!top) throw new Error('mergeCascade needs at least one layer');
  const entries = new Map<string, { value: unknown; layer: CascadeLayer<T> }>();
  for (const layer of layers) {
    const own = (layer.data[field] ?? {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(own)) {
      if (value === undefined) continue;
      if (isWithdrawal(value)) entries.delete(key);
      else entries.set(key, { value, layer });
    }
  }
  const merged: Record<string, unknown> = {};
  const origins: DataOrigin[] = [];
  for (const [key, { value, layer }] of entries) {
    merged[key] = value;
    origins.push({
      path: [field, key],
      edition: layer.edition,
      file: layer.file,
      source: layer.source,
    });
  }
  return { data: { ...top.data, [field]: merged }, origins };
}

/** The origin of the value at `path`: the longest origin path that is a prefix of it. */
export function originAt(
  origins: readonly DataOrigin[] | undefined,
  path: readonly (string | number)[],
): DataOrigin | undefined {
  let best: DataOrigin | undefined;
  for (const o of origins ?? []) {
    if (o.path.length <= path.length && o.path.every((seg, i) => String(seg) === String(path[i]))) {
      if (!best || o.path.length > best.path.length) best = o;
    }
  }
  return best;
}
