import type { EditionMeta } from '../../schema/edition.js';
import type { Emit } from '../emit.js';
import { formatInt, formatM2 } from '../format.js';
import { RELEASE_FIELDS } from './overview-row.js';
import type { EditionOverview } from './edition-overview.js';

/**
 * The edition totals an introduction states against the sum of the countries' own figures:
 * a total typed by hand drifts from the countries it sums as they are corrected.
 */
export function checkEditionTotals(meta: EditionMeta, o: EditionOverview, emit: Emit): void {
  const stated = meta.land_release_totals;
  if (!stated) return;
  for (const field of RELEASE_FIELDS) {
    const value = stated[field];
    if (value === undefined) continue;
    const sum = o.totals.current.figures[field];
    // A sum over figures still to fill is not known yet: the check waits for them.
    if (sum.toFill.length > 0) continue;
    const fmt = field === 'mines_destroyed' ? formatInt : formatM2;
    const missing = sum.notReported.length ? ` (${sum.notReported.join(', ')} not reported)` : '';
    if (value !== sum.value || missing)
      emit(
        'warning',
        ['land_release_totals', field],
        `the edition total is ${fmt(value)}, but the ${o.rows.length} countries' own figures sum to ${fmt(sum.value)}${missing}`,
      );
  }
}
