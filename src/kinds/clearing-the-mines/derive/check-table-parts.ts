/**
 * Parts within their totals, inside each table that has both, located at the cell: staff
 * categories within the staff, an area's count and its m² either both zero or neither, and
 * a generic table's "Total" row against the rows above it.
 */
import type { ClearingTheMinesReport } from '../schema/report.js';
import type { Emit } from '../../../derive/emit.js';
import { formatInt, formatM2 } from '../../../derive/format.js';
import { filled } from '../../../schema/figure.js';

/** Categories of staff the gender table counts inside each total. */
const STAFF_PARTS = [
  { total: 'total_staff', parts: ['managerial_staff', 'operational_staff'], what: 'staff' },
  {
    total: 'women_staff',
    parts: ['women_managerial_staff', 'women_operational_staff'],
    what: 'women',
  },
] as const;

function checkStaff(r: ClearingTheMinesReport, emit: Emit): void {
  r.tables.gender_composition?.rows.forEach((row, i) => {
    const base = ['tables', 'gender_composition', 'rows', i];
    for (const { total, parts, what } of STAFF_PARTS) {
      // A figure still to fill compares with nothing: the check waits for it.
      const stated = filled(row[total]);
      const given = parts.map((p) => filled(row[p]));
      if (stated === undefined || given.some((v) => v === undefined)) continue;
      const values = given as number[];
      const sum = values.reduce((s, v) => s + v, 0);
      if (sum <= stated) continue;
      emit(
        'warning',
        [...base, total],
        `${row.operator}: ${parts.join(' plus ')} make ${formatInt(sum)} ${what} (${values.map(formatInt).join(' + ')}), more than the ${formatInt(stated)} of ${total}`,
      );
    }
  });
}

type Pair = {
  count: number | { to_fill: number };
  area: number | { to_fill: number };
  countKey: string;
  areaKey: string;
};

/** A count of areas with no m², or m² in no area: one of the two cells is wrong. */
function checkPair(given: Pair, base: (string | number)[], label: string, emit: Emit): void {
  // A cell still to fill compares with nothing: the check waits for it.
  const count = filled(given.count);
  const area = filled(given.area);
  if (count === undefined || area === undefined) return;
  const p = { ...given, count, area };
  if (p.count === 0 && p.area > 0)
    emit(
      'warning',
      [...base, p.countKey],
      `${label}: ${formatM2(p.area)} of ${p.areaKey} in 0 ${p.countKey}`,
    );
  if (p.count > 0 && p.area === 0)
    emit(
      'warning',
      [...base, p.areaKey],
      `${label}: ${formatInt(p.count)} ${p.countKey} covering 0m²`,
    );
}

function checkAreaCounts(r: ClearingTheMinesReport, emit: Emit): void {
  const t = r.tables;
  t.mined_area_by_district?.rows.forEach((row, i) => {
    const base = ['tables', 'mined_area_by_district', 'rows', i];
    for (const k of ['cha', 'sha'] as const)
      checkPair(
        {
          count: row[`${k}_count`],
          area: row[`${k}_area_m2`],
          countKey: `${k}_count`,
          areaKey: `${k}_area_m2`,
        },
        base,
        row.district,
        emit,
      );
  });
  const released = [
    ['contamination_by_type', 'other_rows', t.contamination_by_type?.other_rows],
    ['survey_by_district', 'rows', t.survey_by_district?.rows],
    ['clearance_by_district', 'rows', t.clearance_by_district?.rows],
  ] as const;
  for (const [key, field, rows] of released) {
    rows?.forEach((row, i) => {
      const label = 'district' in row ? row.district : row.type;
      checkPair(
        { count: row.areas, area: row.area_m2, countKey: 'areas', areaKey: 'area_m2' },
        ['tables', key, field, i],
        label,
        emit,
      );
    });
  }
}

const TOTAL_ROW = /^\s*(?:\*\*)?(?:grand )?totals?\b/i;

/** A generic table whose last row is its total: each numeric column against the rows above. */
function checkGenericTotals(r: ClearingTheMinesReport, emit: Emit): void {
  for (const [key, table] of Object.entries(r.other_tables)) {
    const last = table.rows.length - 1;
    const total = table.rows[last];
    if (last < 1 || !total || typeof total[0] !== 'string' || !TOTAL_ROW.test(total[0])) continue;
    table.columns.forEach((col, j) => {
      const stated = total[j];
      if (j === 0 || typeof stated !== 'number') return;
      const cells = table.rows.slice(0, last).map((row) => row[j]);
      if (!cells.every((c) => typeof c === 'number')) return;
      const sum = (cells as number[]).reduce((s, c) => s + c, 0);
      if (Math.abs(sum - stated) > 1e-9)
        emit(
          'warning',
          ['other_tables', key, 'rows', last, j],
          `the "${total[0]}" row gives ${formatInt(stated)} ${col.label}, but the rows above it sum to ${formatInt(sum)}`,
        );
    });
  }
}

export function checkTableParts(r: ClearingTheMinesReport, emit: Emit): void {
  checkStaff(r, emit);
  checkAreaCounts(r, emit);
  checkGenericTotals(r, emit);
}
