import type { Gap, ToFill } from '../../../schema/figure.js';
import { reported, reportedCount, type Reported } from './land-release.js';
import type {
  ClearingTheMinesReport,
  DistrictAreaRow,
  GenderRow,
  LandReleaseYear,
  ReleaseByDistrictRow,
} from '../schema/report.js';
import { m2ToKm2, percent } from '../../../derive/format.js';

const sum = <T>(rows: readonly T[], f: (r: T) => number): number =>
  rows.reduce((s, r) => s + f(r), 0);

/** A table figure that may be still to fill ({ to_fill: 2026 }). */
type Fillable = number | ToFill;

/**
 * The total of figures that may be still to fill: unknown, and still to fill, when any
 * is, never a sum that counts the gap as 0.
 */
export function totalOf(values: readonly (Fillable | Reported)[]): Reported {
  const known: number[] = [];
  for (const v of values) {
    const x = typeof v === 'number' || 'to_fill' in v ? reportedCount(v) : v;
    if (x.value === undefined) return { ...x, note: undefined };
    known.push(x.value);
  }
  return { value: known.reduce((a, b) => a + b, 0), missing: undefined, note: undefined };
}

/** A share in whole percent, not computed (undefined) when either figure is unknown. */
export function shareOf(part: Reported, whole: Reported): number | undefined {
  return part.value === undefined || whole.value === undefined
    ? undefined
    : percent(part.value, whole.value);
}

// ------------------------------------------------------------ mined area by district

export interface MinedAreaTotals {
  areas: Reported;
  area_m2: Reported;
}

export interface DistrictAreaDerived extends DistrictAreaRow {
  total_count: Reported;
  total_area_m2: Reported;
}

export function minedAreaByDistrict(rows: readonly DistrictAreaRow[]) {
  const derived: DistrictAreaDerived[] = rows.map((r) => ({
    ...r,
    total_count: totalOf([r.cha_count, r.sha_count]),
    total_area_m2: totalOf([r.cha_area_m2, r.sha_area_m2]),
  }));
  return {
    rows: derived,
    totals: {
      cha_count: totalOf(rows.map((r) => r.cha_count)),
      cha_area_m2: totalOf(rows.map((r) => r.cha_area_m2)),
      sha_count: totalOf(rows.map((r) => r.sha_count)),
      sha_area_m2: totalOf(rows.map((r) => r.sha_area_m2)),
      total_count: totalOf(derived.map((r) => r.total_count)),
      total_area_m2: totalOf(derived.map((r) => r.total_area_m2)),
    },
  };
}

// ------------------------------------------------------------ contamination by type

/** The first row is AP mines alone, carried from the district table's totals. */
export function contaminationByType(r: ClearingTheMinesReport) {
  const t = r.tables.contamination_by_type;
  if (!t) return undefined;
  const district = r.tables.mined_area_by_district
    ? minedAreaByDistrict(r.tables.mined_area_by_district.rows).totals
    : undefined;
  const rows: { type: string; areas: Reported; area_m2: Reported }[] = [
    ...(district
      ? [{ type: t.ap_mines_label, areas: district.total_count, area_m2: district.total_area_m2 }]
      : []),
    ...t.other_rows.map((x) => ({
      type: x.type,
      areas: reportedCount(x.areas),
      area_m2: reportedCount(x.area_m2),
    })),
  ];
  return {
    rows,
    totals: {
      areas: totalOf(rows.map((x) => x.areas)),
      area_m2: totalOf(rows.map((x) => x.area_m2)),
    },
  };
}

/** The total contaminated area the tables give, for KEY DATA when no estimate is stated. */
export function contaminationTableTotal(r: ClearingTheMinesReport): MinedAreaTotals | undefined {
  const byType = contaminationByType(r);
  if (byType) return byType.totals;
  const t = r.tables.mined_area_by_district;
  if (!t) return undefined;
  const totals = minedAreaByDistrict(t.rows).totals;
  return { areas: totals.total_count, area_m2: totals.total_area_m2 };
}

// ------------------------------------------------------------ gender composition

const GENDER_FIGURES = [
  'total_staff',
  'women_staff',
  'managerial_staff',
  'women_managerial_staff',
  'operational_staff',
  'women_operational_staff',
] as const;
type GenderFigures = Record<(typeof GENDER_FIGURES)[number], Reported>;

export function genderComposition(rows: readonly GenderRow[]) {
  const withShares = (r: GenderFigures) => ({
    women_staff_pct: shareOf(r.women_staff, r.total_staff),
    women_managerial_pct: shareOf(r.women_managerial_staff, r.managerial_staff),
    women_operational_pct: shareOf(r.women_operational_staff, r.operational_staff),
  });
  const figures = (r: GenderRow) =>
    Object.fromEntries(GENDER_FIGURES.map((k) => [k, reportedCount(r[k])])) as GenderFigures;
  const totals = Object.fromEntries(
    GENDER_FIGURES.map((k) => [k, totalOf(rows.map((r) => r[k]))]),
  ) as GenderFigures;
  return {
    rows: rows.map((r) => {
      const f = figures(r);
      return { operator: r.operator, marks: r.marks, ...f, ...withShares(f) };
    }),
    totals: { ...totals, ...withShares(totals) },
  };
}

// ------------------------------------------------------------ release by district

export function releaseByDistrict(rows: readonly ReleaseByDistrictRow[]) {
  const hasMines = rows.some((r) => r.mines_destroyed !== undefined);
  return {
    rows,
    hasMines,
    totals: {
      areas: totalOf(rows.map((r) => r.areas)),
      area_m2: totalOf(rows.map((r) => r.area_m2)),
      mines_destroyed: hasMines ? totalOf(rows.map((r) => r.mines_destroyed ?? 0)) : undefined,
    },
  };
}

// ------------------------------------------------------------ five-year clearance

export interface YearArea {
  year: number;
  /** Undefined when the year's figure is missing. */
  km2: number | undefined;
  missing: Gap | undefined;
  note: string | undefined;
  /** The edition a figure still to fill is for. */
  toFill?: number | undefined;
}

/**
 * The last five years of clearance, newest first: the two land release years, then the
 * history. The total adds the unrounded areas of the years reported, then rounds once when
 * printed; `missingYears` names the years it leaves out, so nothing is counted as 0.
 */
export function fiveYearClearance(r: ClearingTheMinesReport): {
  rows: YearArea[];
  totalKm2: number;
  missingYears: number[];
} {
  const fromRelease = (y: LandReleaseYear): YearArea => {
    const x = reported(y.clearance_m2);
    return {
      year: y.year,
      km2: x.value === undefined ? undefined : m2ToKm2(x.value),
      missing: x.missing,
      note: x.note,
      toFill: x.toFill,
    };
  };
  const history = r.clearance_history.map(
    (h): YearArea => ({
      year: h.year,
      km2: h.area_km2 ?? (h.area_m2 === undefined ? undefined : m2ToKm2(h.area_m2)),
      missing: h.missing,
      note: h.note,
    }),
  );
  const rows = [
    fromRelease(r.land_release.current),
    fromRelease(r.land_release.previous),
    ...history,
  ]
    .sort((a, b) => b.year - a.year)
    .slice(0, 5);
  return {
    rows,
    totalKm2: sum(rows, (x) => x.km2 ?? 0),
    missingYears: rows.filter((x) => x.km2 === undefined).map((x) => x.year),
  };
}
