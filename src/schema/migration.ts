import type { Document } from 'yaml';

/**
 * One step of a data format's history: how a file of version `from` becomes `from + 1`.
 * It edits the parsed YAML document in place, not a plain object, so comments, key order,
 * quoting and block styles survive; the mechanism (src/data/migrate.ts) sets
 * `schema_version` itself. A kind's migrations sit with its schema because they describe it.
 */
export interface Migration {
  /** The version the migration upgrades from; it produces `from + 1`. */
  from: number;
  /** What changed, in a line, for `keydata migrate`'s report. */
  summary: string;
  up(doc: Document): void;
}
