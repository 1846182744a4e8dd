import { originAt } from '../data/cascade.js';
import type { LoadedReport } from '../data/load-report.js';
import { formatPath, type Problem } from '../data/problem.js';
import { locate } from '../data/yaml-source.js';
import type { Emit, Path, Where } from './emit.js';
import { checkDates } from './check-dates.js';
import { checkReview } from './review.js';

/** Findings located in the report's own file, or in the earlier edition a part came from. */
export function reportEmitter(report: LoadedReport): {
  problems: Problem[];
  emit: Emit;
  where: Where;
} {
  const problems: Problem[] = [];
  // A part inherited from an earlier edition (src/data/cascade.ts) is located in its own file.
  const sourceAt = (path: Path) => originAt(report.origins, path)?.source ?? report.source;
  const emit: Emit = (severity, path, message, at) => {
    const source = sourceAt(path);
    problems.push({
      file: source.file,
      ...locate(source, path, at),
      severity,
      path: formatPath(path),
      message,
    });
  };
  const where = (path: Path) => `${formatPath(path)} (line ${locate(sourceAt(path), path).line})`;
  return { problems, emit, where };
}

/** The checks every report gets, whatever its kind: its dates and its review state. */
export function checkEveryReport(report: LoadedReport, emit: Emit): void {
  checkDates(report.data, report.meta, emit);
  checkReview(report.data, report.meta, emit);
}
