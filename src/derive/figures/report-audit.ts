import type { LoadedReport } from '../../data/load-report.js';
import type { Problem } from '../../data/problem.js';
import type { DerivedReport } from '../derive-report.js';
import { reportEmitter } from '../checks.js';
import { type FigureAudit, uncheckedMessage } from './audit.js';
import { auditClearingTheMines } from './ctm-audit.js';

/**
 * The figures audit of a report, for the kinds whose figures keydata knows: Clearing the
 * Mines. The Monitor's prose is checked by its own checks (casualties, money) and has no
 * audit yet.
 */
export function auditReport(report: DerivedReport): FigureAudit | undefined {
  if (report.kind === 'clearing-the-mines')
    return auditClearingTheMines(report.data, report.derived);
  return undefined;
}

/** Each unchecked figure as a note at the text that gives it. */
export function uncheckedFigureNotes(report: LoadedReport, audit: FigureAudit): Problem[] {
  const { problems, emit } = reportEmitter(report);
  for (const f of audit.figures)
    if (f.status === 'unchecked') emit('note', f.path, uncheckedMessage(f));
  return problems;
}
