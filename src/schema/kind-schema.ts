import type { z } from 'zod';
import type { Migration } from './migration.js';

/**
 * How a report kind's files are laid out and read, apart from their schema: plain settings
 * that finding files (a no-op rebuild) needs without constructing any zod schema (~80 ms for
 * all kinds). Each kind states them once, in src/kinds/<kind>/schema/files.ts; its KindSchema
 * spreads them, and src/schema/kind-files.ts lists them by kind.
 */
export interface KindFiles {
  /**
   * The field whose entries each country's file takes from the latest edition that has them
   * (src/data/cascade.ts), or null: every edition's file is whole.
   */
  cascade: 'sections' | null;
  /**
   * The field whose entries validate on their own, so a file with one broken entry still
   * has the rest checked (src/data/load-report.ts), or null.
   */
  independentParts: 'sections' | null;
  /** Whether its derivation reads the shared reference data (data/reference/). */
  referenceData: boolean;
}

/**
 * What the data layer must know of a report kind: the schema-level part of its definition
 * (the rest, from derivation to volume, is src/commands/kind-definition.ts). Every field is
 * required, and "none" is written as null, so a kind states each choice instead of
 * inheriting another kind's by default.
 */
export interface KindSchema<S extends z.ZodType = z.ZodType> extends KindFiles {
  /** The schema of the kind's country files. */
  schema: S;
  /**
   * The format's history, oldest first: its schema_version literal is one more than the
   * last migration's `from` (tests/data/migrate.test.ts holds the two together).
   */
  migrations: readonly Migration[];
}
