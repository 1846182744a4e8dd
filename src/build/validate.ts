import { access } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { findCountryFiles } from '../data/find.js';
import { loadReport } from '../data/load-report.js';
import { sortProblems, type Problem } from '../data/problem.js';
import { checkReport } from '../derive/checks.js';
import { displayPath, paths } from '../project.js';
import type { ReportKind } from '../schema/report-kind.js';

export interface ValidateOptions {
  files?: string[];
  edition?: number;
  kind?: ReportKind;
  country?: string;
  editionsDir?: string;
}

/** Checks files (or a selection under data/) and returns every problem of every file. */
export async function validate(options: ValidateOptions): Promise<{ checked: number; problems: Problem[] }> {
  let files = options.files ?? [];
  if (files.length === 0) {
    files = (await findCountryFiles(options.editionsDir ?? paths.editions, options)).map((f) => f.file);
    if (files.length === 0) throw new UserError('no data files match the selection');
  }
  for (const f of files) {
    try {
      await access(f);
    } catch {
      throw new UserError(`${displayPath(f)}: no such file`);
    }
  }
  const problems: Problem[] = [];
  for (const file of files) {
    const result = await loadReport(file, displayPath);
    problems.push(...result.problems);
    if (result.ok) problems.push(...checkReport(result.report));
  }
  return { checked: files.length, problems: sortProblems(problems) };
}
