import { isMap, isScalar, type Document } from 'yaml';
import { KIND_SCHEMAS } from '../schema/kinds.js';
import type { Migration } from '../schema/migration.js';
import type { ReportKind } from '../schema/report-kind.js';
import type { Problem } from './problem.js';
import { locate, type YamlSource } from './yaml-source.js';

/**
 * Data files carry `schema_version`. When a schema changes in a way old files do not
 * satisfy, the change comes with a migration (src/schema/migration.ts, registered with its
 * kind's schema), and `keydata migrate` upgrades the files (their comments and layout kept),
 * so every earlier edition keeps building.
 */
export type { Migration } from '../schema/migration.js';

/** What a file holds: a report kind's country data, or an edition's `_edition.yaml`. */
export type FileKind = ReportKind | 'edition';

/** The migrations of each kind of file, oldest first; a kind without any is at FIRST_VERSION. */
export type MigrationRegistry = Partial<Record<FileKind, readonly Migration[]>>;

/** The version every kind of file started at. */
export const FIRST_VERSION = 1;

/**
 * The shipped migrations, one entry per kind, oldest first: each kind's own, from its
 * schema-level definition (src/schema/kinds.ts). A schema change that old files do not
 * satisfy adds `{ from: N, summary, up }` to its kind's list and raises the schema's
 * `schema_version` literal (a test holds the two together). `_edition.yaml` has none yet.
 */
export const MIGRATIONS: MigrationRegistry = Object.fromEntries(
  Object.entries(KIND_SCHEMAS).map(([kind, part]) => [kind, part.migrations]),
);

/** The version a kind of file is written in today: one more than its last migration's `from`. */
export function currentVersion(kind: FileKind, registry: MigrationRegistry = MIGRATIONS): number {
  const list = registry[kind] ?? [];
  list.forEach((m, i) => {
    if (m.from !== FIRST_VERSION + i) {
      throw new Error(
        `migrations of ${kind} are not consecutive: #${i} upgrades from ${m.from}, expected ${FIRST_VERSION + i}`,
      );
    }
  });
  return FIRST_VERSION + list.length;
}

/** The file's `schema_version`, if it is a whole number. */
export function versionOf(value: unknown): number | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = (value as Record<string, unknown>).schema_version;
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

/** Why a file's version cannot be read with today's schema, in words that say what to do. */
export function versionMessage(
  version: number,
  kind: FileKind,
  registry: MigrationRegistry = MIGRATIONS,
): string | undefined {
  const current = currentVersion(kind, registry);
  if (version === current) return undefined;
  if (version > current)
    return `schema_version ${version} is newer than this keydata reads (${current}): update keydata`;
  if (version < FIRST_VERSION)
    return `schema_version ${version} is not a version keydata has had; the first is ${FIRST_VERSION}`;
  return `schema_version ${version} is older than ${current}: run keydata migrate`;
}

/**
 * The located problem of a file whose `schema_version` is not today's, or undefined. A file
 * without a readable version is left to the schema, which reports the field.
 */
export function versionProblem(
  source: YamlSource,
  kind: FileKind,
  registry: MigrationRegistry = MIGRATIONS,
): Problem | undefined {
  const version = versionOf(source.value);
  if (version === undefined) return undefined;
  const message = versionMessage(version, kind, registry);
  if (!message) return undefined;
  // The version concerns the whole file, so the message stands without a field path before it.
  return {
    file: source.file,
    ...locate(source, ['schema_version']),
    severity: 'error',
    path: '',
    message,
  };
}

export type MigrationResult =
  | { status: 'current'; version: number }
  | { status: 'migrated'; from: number; to: number; applied: string[] }
  | { status: 'failed'; message: string };

/**
 * Upgrades a parsed document to the current version of its kind, in place: each migration
 * from the file's version on, then `schema_version` set to the new version.
 */
export function migrateDocument(
  doc: Document,
  kind: FileKind,
  registry: MigrationRegistry = MIGRATIONS,
): MigrationResult {
  const from = isMap(doc.contents)
    ? versionOf({ schema_version: doc.get('schema_version') })
    : undefined;
  if (from === undefined)
    return { status: 'failed', message: 'no schema_version (a whole number) to migrate from' };
  const message = versionMessage(from, kind, registry);
  const to = currentVersion(kind, registry);
  if (!message) return { status: 'current', version: from };
  if (from > to || from < FIRST_VERSION) return { status: 'failed', message };
  const applied: string[] = [];
  for (const m of (registry[kind] ?? []).filter((x) => x.from >= from)) {
    try {
      m.up(doc);
    } catch (err) {
      return {
        status: 'failed',
        message: `migration from version ${m.from} failed: ${(err as Error).message}`,
      };
    }
    applied.push(`${m.from} -> ${m.from + 1}: ${m.summary}`);
  }
  const node = doc.get('schema_version', true);
  if (isScalar(node))
    node.value = to; // keeps a comment on the line
  else doc.set('schema_version', to);
  return { status: 'migrated', from, to, applied };
}

/**
 * Text of a migrated document, written as close to the original layout as the YAML library
 * allows: no re-wrapping of long lines, and flow collections written `[a, b]` or `[ a, b ]`,
 * whichever leaves more of the original lines as they were.
 */
export function documentText(doc: Document, original?: string): string {
  const options = [false, true].map((flowCollectionPadding) =>
    doc.toString({ lineWidth: 0, flowCollectionPadding }),
  );
  if (original === undefined) return options[0] as string;
  const kept = (text: string) => {
    const lines = new Map<string, number>();
    for (const l of original.split('\n')) lines.set(l, (lines.get(l) ?? 0) + 1);
    let n = 0;
    for (const l of text.split('\n')) {
      const left = lines.get(l) ?? 0;
      if (left > 0) {
        n++;
        lines.set(l, left - 1);
      }
    }
    return n;
  };
  return kept(options[1] as string) > kept(options[0] as string)
    ? (options[1] as string)
    : (options[0] as string);
}

/**
 * For migration authors: renames a key of the mapping at `path`, keeping its place, its
 * value and the comments around it. Returns false when there is no such key.
 */
export function renameKey(
  doc: Document,
  path: readonly (string | number)[],
  from: string,
  to: string,
): boolean {
  const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(map)) return false;
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === from);
  if (!pair || !isScalar(pair.key)) return false;
  pair.key.value = to;
  return true;
}
