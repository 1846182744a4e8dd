import path from 'node:path';
import { UserError } from '../errors.js';
import { findCascadeFiles, placeOf } from '../data/cascade.js';
import { EDITION_META_FILE, findCountryFiles } from '../data/find.js';
import { loadEditionMeta, loadReport, type LoadedReport } from '../data/load-report.js';
import type { MigrationRegistry } from '../data/migrate.js';
import { sortProblems, uniqueProblems, type Problem } from '../data/problem.js';
import { checkAcrossEditions } from './report.js';
import type { FigureAudit } from '../derive/figures/audit.js';
import { uncheckedFigureNotes } from '../derive/figures/report-audit.js';
import { displayPath, paths, PROJECT_ROOT } from '../project.js';
import { uncoveredCharacterWarnings } from '../render/glyph-coverage.js';
import type { ReportKind } from '../schema/report-kind.js';
import { namedFiles, type DataSelection } from './data-files.js';
import { nothingMatches } from './selection-hint.js';
import { checkWholeEditions } from './validate-edition.js';
import { checkReport, auditReport, type DerivedReport, deriveReport } from './report.js';

export interface ValidateOptions extends DataSelection {
  /** The migrations that define the current schema_version of each kind (tests inject their own). */
  migrations?: MigrationRegistry;
  /** Check as `build --final` would: a value still to fill is an error, not a draft's warning. */
  final?: boolean;
}

export interface ValidateResult {
  /** The files checked, absolute. */
  files: string[];
  /** Every problem of every file, each reported once, sorted by file and position. */
  problems: Problem[];
  /** The figures audit of each report checked, by file as displayed. */
  audits: { file: string; kind: ReportKind; audit: FigureAudit }[];
}

/** The files to check: those named (a folder stands for the data files under it), or a selection under data/. */
async function filesToCheck(
  options: ValidateOptions,
  display: (f: string) => string,
): Promise<string[]> {
  const named = options.files ?? [];
  const selecting =
    options.edition !== undefined || options.kind !== undefined || options.country !== undefined;
  if (named.length > 0 && selecting)
    throw new UserError('give files, or --edition/--report/--country, not both');
  if (named.length === 0) {
    const editionsDir = options.editionsDir ?? paths.editions;
    const found = (await findCountryFiles(editionsDir, options)).map((f) => f.file);
    if (found.length === 0) throw new UserError(await nothingMatches(editionsDir, options));
    return found;
  }
  return namedFiles(named, options.cwd ?? PROJECT_ROOT, display);
}

/** The same country's reports in earlier editions of the same kind, loaded once per run. */
function earlierEditions(
  display: (f: string) => string,
  migrations: MigrationRegistry | undefined,
) {
  const cache = new Map<string, Promise<LoadedReport | undefined>>();
  const load = (file: string) => {
    let p = cache.get(file);
    if (!p) {
      p = loadReport(file, display, { migrations }).then((r) => (r.ok ? r.report : undefined));
      cache.set(file, p);
    }
    return p;
  };
  return async (report: LoadedReport): Promise<LoadedReport[]> => {
    const place = placeOf(report.file);
    if (!place || place.kind !== report.kind) return [];
    const layers = await findCascadeFiles(
      place.editionsDir,
      report.kind,
      place.country,
      place.edition - 1,
    );
    const loaded = await Promise.all(layers.map((l) => load(l.file)));
    return loaded.filter((r): r is LoadedReport => r !== undefined);
  };
}

/**
 * Checks data files (or a selection under data/) and returns every problem of every file:
 * YAML, schema, consistency within a report, and against the same country's earlier
 * editions. Never throws for bad data; throws a UserError for a file that does not exist.
 * An `_edition.yaml` named on its own is checked as edition metadata.
 */
export async function validate(options: ValidateOptions = {}): Promise<ValidateResult> {
  const display = options.display ?? displayPath;
  const files = await filesToCheck(options, display);
  const earlier = earlierEditions(display, options.migrations);
  const problems: Problem[] = [];
  const audits: ValidateResult['audits'] = [];
  const valid: { file: string; report: DerivedReport }[] = [];
  for (const file of files) {
    if (path.basename(file) === EDITION_META_FILE) {
      const meta = await loadEditionMeta(path.dirname(file), display, {
        migrations: options.migrations,
        final: options.final,
      });
      problems.push(...meta.problems);
      continue;
    }
    const result = await loadReport(file, display, {
      migrations: options.migrations,
      final: options.final,
    });
    problems.push(...result.problems);
    if (!result.ok) {
      if (result.partial) problems.push(...checkReport(deriveReport(result.partial)));
      continue;
    }
    const derived = deriveReport(result.report);
    const own = checkReport(derived);
    problems.push(...own);
    if (!own.some((p) => p.severity === 'error')) valid.push({ file, report: derived });
    const audit = auditReport(derived);
    audits.push({ file: display(file), kind: result.report.kind, audit });
    problems.push(...uncheckedFigureNotes(result.report, audit, own));
    problems.push(...(await uncoveredCharacterWarnings(result.report.source)));
    problems.push(...checkAcrossEditions(result.report, await earlier(result.report)));
  }
  problems.push(...(await checkWholeEditions(valid, new Set(files), display)));
  return { files, problems: sortProblems(uniqueProblems(problems)), audits };
}
