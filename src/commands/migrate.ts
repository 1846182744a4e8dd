import path from 'node:path';
import { UserError } from '../errors.js';
import { placeOf } from '../data/cascade.js';
import { EDITION_META_FILE } from '../data/find.js';
import { kindFromPath } from '../data/load-report.js';
import {
  documentText,
  migrateDocument,
  type FileKind,
  type MigrationRegistry,
  type MigrationResult,
} from '../data/migrate.js';
import { formatProblem } from '../data/problem.js';
import { loadYaml } from '../data/yaml-source.js';
import { displayPath, paths, PROJECT_ROOT } from '../project.js';
import { REPORT_KINDS, type ReportKind } from '../schema/report-kind.js';
import { writeFileAtomic } from './atomic-write.js';
import { dataFilesUnder, namedFiles, type DataSelection } from './data-files.js';

export interface MigrateOptions extends DataSelection {
  /** Only say which files need migrating; write nothing. */
  check?: boolean;
  /** The migrations to apply (tests inject their own; default: the shipped ones). */
  migrations?: MigrationRegistry;
}

export interface FileMigration {
  file: string;
  kind?: FileKind;
  result: MigrationResult;
  /** True when the upgraded text was written to the file. */
  written: boolean;
}

async function selectedFiles(
  options: MigrateOptions,
  display: (f: string) => string,
): Promise<string[]> {
  const named = options.files ?? [];
  const selecting =
    options.edition !== undefined || options.kind !== undefined || options.country !== undefined;
  if (named.length > 0 && selecting)
    throw new UserError('give files, or --edition/--report/--country, not both');
  if (named.length > 0) return namedFiles(named, options.cwd ?? PROJECT_ROOT, display);
  const files = (await dataFilesUnder(options.editionsDir ?? paths.editions)).filter((f) => {
    const place = placeOf(f);
    if (!place) return false;
    if (options.edition !== undefined && place.edition !== options.edition) return false;
    if (options.kind !== undefined && place.kind !== options.kind) return false;
    return (
      options.country === undefined ||
      path.basename(f) === EDITION_META_FILE ||
      place.country === options.country
    );
  });
  if (files.length === 0) throw new UserError('no data files match the selection');
  return files;
}

function fileKind(file: string, value: unknown): FileKind | undefined {
  if (path.basename(file) === EDITION_META_FILE) return 'edition';
  const declared = (value as Record<string, unknown>).report;
  if (typeof declared === 'string' && (REPORT_KINDS as readonly string[]).includes(declared))
    return declared as ReportKind;
  return kindFromPath(file);
}

/**
 * Upgrades data files written in an older schema_version to the current one, each with the
 * migrations of its kind, and writes them back atomically (a reader sees the old file or the
 * new one). Comments and layout survive. With `check`, writes nothing. Never throws for bad
 * data: a file that cannot be read or migrated comes back failed, untouched.
 */
export async function migrate(options: MigrateOptions = {}): Promise<FileMigration[]> {
  const display = options.display ?? displayPath;
  const results: FileMigration[] = [];
  for (const file of await selectedFiles(options, display)) {
    const parsed = await loadYaml(file, display(file));
    if (!parsed.ok) {
      const first = parsed.problems.find((p) => p.severity === 'error');
      results.push({
        file,
        result: {
          status: 'failed',
          message: first ? formatProblem(first) : 'cannot read the file',
        },
        written: false,
      });
      continue;
    }
    const kind = fileKind(file, parsed.source.value);
    if (!kind) {
      results.push({
        file,
        result: {
          status: 'failed',
          message: 'cannot tell the report kind (no `report:` field, not in a report kind folder)',
        },
        written: false,
      });
      continue;
    }
    const result = migrateDocument(parsed.source.doc, kind, options.migrations);
    let written = false;
    if (result.status === 'migrated' && !options.check) {
      await writeFileAtomic(file, documentText(parsed.source.doc, parsed.source.text));
      written = true;
    }
    results.push({ file, kind, result, written });
  }
  return results;
}
