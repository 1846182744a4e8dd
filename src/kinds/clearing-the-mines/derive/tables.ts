import type { MissingKind } from '../../../schema/figure.js';
import { reported } from './land-release.js';
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

// ------------------------------------------------------------ mined area by district

export interface MinedAreaTotals {
  areas: number;
  area_m2: number;
}

export interface DistrictAreaDerived extends DistrictAreaRow {
  total_count: number;
  total_area_m2: number;
}

export function minedAreaByDistrict(rows: readonly DistrictAreaRow[]) {
  const derived: DistrictAreaDerived[] = rows.map((r) => ({
    ...r,
    total_count: r.cha_count + r.sha_count,
    total_area_m2: r.cha_area_m2 + r.sha_area_m2,
  }));
  return {
    rows: derived,
    totals: {
      cha_count: sum(rows, (r) => r.cha_count),
      cha_area_m2: sum(rows, (r) => r.cha_area_m2),
      sha_count: sum(rows, (r) => r.sha_count),
      sha_area_m2: sum(rows, (r) => r.sha_area_m2),
      total_count: sum(derived, (r) => r.total_count),
      total_area_m2: sum(derived, (r) => r.total_area_m2),
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
  const rows = [
    ...(district
      ? [{ type: t.ap_mines_label, areas: district.total_count, area_m2: district.total_area_m2 }]
      : []),
    ...t.other_rows,
  ];
  return {
    rows,
    totals: { areas: sum(rows, (x) => x.areas), area_m2: sum(rows, (x) => x.area_m2) },
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

export function genderComposition(rows: readonly GenderRow[]) {
  const withShares = (r: Omit<GenderRow, 'operator' | 'marks'>) => ({
    women_staff_pct: percent(r.women_staff, r.total_staff),
    women_managerial_pct: percent(r.women_managerial_staff, r.managerial_staff),
    women_operational_pct: percent(r.women_operational_staff, r.operational_staff),
  });
  const totals = {
    total_staff: sum(rows, (r) => r.total_staff),
    women_staff: sum(rows, (r) => r.women_staff),
    managerial_staff: sum(rows, (r) => r.managerial_staff),
    women_managerial_staff: sum(rows, (r) => r.women_managerial_staff),
    operational_staff: sum(rows, (r) => r.operational_staff),
    women_operational_staff: sum(rows, (r) => r.women_operational_staff),
  };
  return {
    rows: rows.map((r) => ({ ...r, ...withShares(r) })),
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
      areas: sum(rows, (r) => r.areas),
      area_m2: sum(rows, (r) => r.area_m2),
      mines_destroyed: hasMines ? sum(rows, (r) => r.mines_destroyed ?? 0) : undefined,
    },
  };
}

// ------------------------------------------------------------ five-year clearance

export interface YearArea {
  year: number;
  /** Undefined when the year's figure is missing. */
  km2: number | undefined;
  missing: MissingKind | undefined;
  note: string | undefined;
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
