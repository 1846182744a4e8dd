import type { ClearingTheMinesReport } from '../schema/report.js';
import { formatCountWord, formatM2 } from '../../../derive/format.js';
import {
  clearanceWithoutMines,
  GENDER_SHARES,
  genderShares,
  type Share,
  type ToFillShare,
} from './shares.js';
import { toFillText } from '../../../derive/to-fill.js';

/** "70%", or the mark of a share whose figures are still to fill; none for a share of nothing. */
const pct = (s: Share | ToFillShare) =>
  'toFill' in s ? toFillText(s.toFill) : s.pct === undefined ? undefined : `${Math.round(s.pct)}%`;

/**
 * The shares prose may name: {=clearance_without_mines_pct} ("70%"), its area and number of
 * tasks, and women's shares of the staff across the gender table ({=women_staff_pct}) or for
 * one operator ({=women_staff_pct:halo}). A share of nothing is not offered.
 */
export function shareFacts(r: ClearingTheMinesReport): Map<string, string> {
  const f = new Map<string, string>();
  const empty = clearanceWithoutMines(r);
  if (empty && 'toFill' in empty) {
    for (const name of ['m2', 'areas', 'pct'])
      f.set(`clearance_without_mines_${name}`, toFillText(empty.toFill));
  } else if (empty) {
    f.set('clearance_without_mines_m2', formatM2(empty.area.part));
    f.set('clearance_without_mines_areas', formatCountWord(empty.areas));
    const p = pct(empty.area);
    if (p) f.set('clearance_without_mines_pct', p);
  }
  for (const g of genderShares(r)) {
    for (const { name } of GENDER_SHARES) {
      const p = pct(g.shares[name]);
      if (p) f.set(g.operator ? `${name}:${g.operator}` : name, p);
    }
  }
  return f;
}
