import type { ClearingTheMinesReport } from '../schema/report.js';
import type { ClearingTheMinesDerived } from './report.js';
import { LEVEL_BANDS } from './contamination.js';
import type { Emit } from '../../../derive/emit.js';
import { formatInt, formatKm2 } from '../../../derive/format.js';

/**
 * KEY DATA facts stated beside what derives them: a level against its area's band, a total
 * of AP mines destroyed against its breakdown, a likelihood of meeting a deadline the State
 * does not have.
 */
export function checkKeyData(r: ClearingTheMinesReport, d: ClearingTheMinesDerived, emit: Emit) {
  const c = d.contamination;
  if (c.kind === 'area' && c.level !== c.bandLevel) {
    emit(
      'warning',
      ['key_data', 'contamination', 'level'],
      `the level is stated as ${c.level.toLowerCase()}, but ${formatKm2(c.km2)} is ${c.bandLevel.toLowerCase()} ` +
        `by Mine Action Review's bands (${c.level.toLowerCase()} is ${LEVEL_BANDS[c.level]}); the PDF prints the stated level`,
    );
  }
  for (const year of ['current', 'previous'] as const) {
    const m = d.mines[year].mismatch;
    if (m)
      emit(
        'warning',
        ['land_release', year, 'mines_destroyed', 'total'],
        `the total is ${formatInt(m.stated)} AP mines destroyed, but the breakdown sums to ${formatInt(m.sum)}; the PDF prints the stated total`,
      );
  }
  const a = r.key_data.article5;
  const likely = r.key_data.likelihood?.article5_deadline;
  if (a.status !== 'party' && likely !== undefined && likely !== 'not_assessed') {
    emit(
      'warning',
      ['key_data', 'likelihood', 'article5_deadline'],
      'a likelihood of meeting the Article 5 deadline, but key_data.article5.status is not "party"',
    );
  }
}
