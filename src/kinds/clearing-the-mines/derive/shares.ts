/**
 * Shares the text of a Clearing the Mines report commonly gives, derived so that editors
 * name them ({=clearance_without_mines_pct}) instead of typing them, and so that a typed
 * share can be checked against its base.
 */
import type { ClearingTheMinesReport, GenderRow } from '../schema/report.js';
import { toFillEdition } from '../../../schema/figure.js';

export interface Share {
  part: number;
  whole: number;
  /** The unrounded percentage; undefined when the whole is zero. */
  pct: number | undefined;
}

/**
 * A share not computed because a figure it depends on is still to fill (for this edition):
 * prose that names it prints the mark, the audit has no figure for it.
 */
export interface ToFillShare {
  toFill: number;
}

/** The edition of the first value still to fill among `values`, if any. */
const firstToFill = (values: readonly unknown[]): number | undefined =>
  values.map(toFillEdition).find((e) => e !== undefined);

const share = (part: number, whole: number): Share => ({
  part,
  whole,
  pct: whole === 0 ? undefined : (part / whole) * 100,
});

export interface ClearanceWithoutMines {
  /** Rows of the clearance table where no mine was destroyed. */
  areas: number;
  area: Share;
}

/**
 * The area cleared without finding a mine, from the rows of the clearance table that
 * destroyed none, as a share of all its rows (the same table, so the same base). Undefined
 * when the table does not count mines.
 */
export function clearanceWithoutMines(
  r: ClearingTheMinesReport,
): ClearanceWithoutMines | ToFillShare | undefined {
  const rows = r.tables.clearance_by_district?.rows;
  if (!rows || rows.every((row) => row.mines_destroyed === undefined)) return undefined;
  const gap = firstToFill(rows.flatMap((row) => [row.areas, row.area_m2, row.mines_destroyed]));
  if (gap !== undefined) return { toFill: gap };
  // No value is still to fill past this point.
  const n = (v: number | { to_fill: number } | undefined) => (typeof v === 'number' ? v : 0);
  const empty = rows.filter((row) => n(row.mines_destroyed) === 0);
  const total = rows.reduce((s, row) => s + n(row.area_m2), 0);
  return {
    areas: empty.reduce((s, row) => s + n(row.areas), 0),
    area: share(
      empty.reduce((s, row) => s + n(row.area_m2), 0),
      total,
    ),
  };
}

export const GENDER_SHARES = [
  { name: 'women_staff_pct', part: 'women_staff', whole: 'total_staff', of: 'staff' },
  {
    name: 'women_managerial_pct',
    part: 'women_managerial_staff',
    whole: 'managerial_staff',
    of: 'managerial staff',
  },
  {
    name: 'women_operational_pct',
    part: 'women_operational_staff',
    whole: 'operational_staff',
    of: 'operational staff',
  },
] as const;

/** "The HALO Trust (HALO)" -> "the_halo_trust_halo": the operator's name in a placeholder. */
export function operatorSlug(operator: string): string {
  return operator
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_|_$/g, '')
    .toLowerCase();
}

export interface GenderShares {
  /** Operator's slug, or "" for all operators of the table. */
  operator: string;
  label: string;
  shares: Record<(typeof GENDER_SHARES)[number]['name'], Share | ToFillShare>;
}

/** Women's shares of the staff, per operator and across the table. */
export function genderShares(r: ClearingTheMinesReport): GenderShares[] {
  const rows = r.tables.gender_composition?.rows;
  if (!rows) return [];
  type Figure = (typeof GENDER_SHARES)[number]['part' | 'whole'];
  // A share over rows any of whose counts is still to fill is not computed.
  const of = (label: string, slug: string, of: readonly GenderRow[]) => ({
    operator: slug,
    label,
    shares: Object.fromEntries(
      GENDER_SHARES.map((g) => {
        const gap = firstToFill(of.flatMap((row) => [row[g.part], row[g.whole]]));
        const sum = (k: Figure) => of.reduce((s, row) => s + (row[k] as number), 0);
        return [g.name, gap === undefined ? share(sum(g.part), sum(g.whole)) : { toFill: gap }];
      }),
    ) as GenderShares['shares'],
  });
  return [
    of('all operators', '', rows),
    ...rows.map((row) => of(row.operator, operatorSlug(row.operator), [row])),
  ];
}
