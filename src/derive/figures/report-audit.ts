import type { LoadedReport } from '../../data/load-report.js';
import { formatPath, type Problem } from '../../data/problem.js';
import { reportEmitter } from '../checks.js';
import { type FigureAudit, uncheckedMessage } from './audit.js';

/**
 * Each unchecked figure as a note at the text that gives it, unless a check already reported
 * that figure there (a warning that quotes it says more than the note would).
 */
export function uncheckedFigureNotes(
  report: LoadedReport,
  audit: FigureAudit,
  reported: readonly Problem[] = [],
): Problem[] {
  const { problems, emit } = reportEmitter(report);
  for (const f of audit.figures) {
    if (f.status !== 'unchecked') continue;
    const at = formatPath(f.path);
    if (reported.some((p) => p.path === at && p.message.includes(f.text))) continue;
    emit('note', f.path, uncheckedMessage(f));
  }
  return problems;
}
