/**
 * A country whose contamination level or performance rating moved to another band since
 * the previous edition must say why: `key_data.contamination.change_reason` or
 * `performance.change_reason`. A new band is what readers of the overview compare first.
 */
import type { LoadedReport } from '../../../data/load-report.js';
import { assessmentOf, type ClearingTheMinesReport } from '../schema/report.js';
import { deriveContamination } from './contamination.js';
import type { Path } from '../../../derive/emit.js';
import { derivePerformance } from './performance.js';
import { contaminationTableTotal } from './tables.js';

type EmitAt = (path: Path, message: string) => void;

function level(r: ClearingTheMinesReport) {
  const c = deriveContamination(r, contaminationTableTotal(r));
  return c.kind === 'area' ? c.level : undefined;
}

export function checkBands(
  report: LoadedReport,
  earlier: readonly LoadedReport[],
  emit: EmitAt,
): void {
  const r = report.data as ClearingTheMinesReport;
  const last = [...earlier].sort((a, b) => b.data.edition - a.data.edition)[0];
  const before = last?.data as ClearingTheMinesReport | undefined;

  const c = r.key_data.contamination;
  const [now, then] = [level(r), before && level(before)];
  if (c.kind === 'area' && !c.change_reason && now && then && now !== then)
    emit(
      ['key_data', 'contamination'],
      `the contamination level is ${now} but was ${then} in the ${before?.edition} edition; record why under key_data.contamination.change_reason`,
    );

  const p = derivePerformance(r);
  // A score still to fill has no rating to compare yet.
  if (!p || p.score === undefined || assessmentOf(r.performance)?.change_reason) return;
  // The previous edition's score, or else the previous scores this file gives.
  const previous = (before && derivePerformance(before)) ?? p.previous;
  const edition = before ? `the ${before.edition} edition` : 'the previous scores';
  if (previous?.score !== undefined && previous.rating !== p.rating)
    emit(
      ['performance'],
      `the performance rating is ${p.rating} (${p.score.toFixed(1)}) but was ${previous.rating} (${previous.score?.toFixed(1)}) in ${edition}; record why under performance.change_reason`,
    );
}
