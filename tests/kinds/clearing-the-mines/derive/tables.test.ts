/**
 * The derived tables of Kosovo's report must print exactly what Clearing the Mines 2025
 * printed (seed 001): totals, percentages and the five-year summary. Table 7's published
 * total (47,605m²) is the known inconsistency; the rows, as entered, sum to it.
 */
import { describe, expect, it } from 'vitest';
import { formatKm2Number, formatM2 } from '../../../../src/derive/format.js';
import {
  contaminationByType,
  contaminationTableTotal,
  fiveYearClearance,
  genderComposition,
  minedAreaByDistrict,
  releaseByDistrict,
} from '../../../../src/kinds/clearing-the-mines/derive/tables.js';
import { ClearingTheMinesReport } from '../../../../src/kinds/clearing-the-mines/schema/report.js';
import { arcadia, baseReport, kosovo } from '../../../helpers/reports.js';

const K = kosovo().data;

/** Derived figures (Reported: value, missing, note) read as their numbers, for comparison. */
function plain(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(plain);
  if (x === null || typeof x !== 'object') return x;
  if ('value' in x && 'missing' in x) return (x as { value: unknown }).value;
  return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, plain(v)]));
}

describe('Table 1: AP mined area by district', () => {
  const t = minedAreaByDistrict(K.tables.mined_area_by_district!.rows);

  it('adds CHA and SHA into each row: South 4 / 60,971, East 5 / 78,348, West 12 / 751,380', () => {
    expect(plain(t.rows.map((r) => [r.district, r.total_count, r.total_area_m2]))).toEqual([
      ['South', 4, 60_971],
      ['East', 5, 78_348],
      ['West', 12, 751_380],
    ]);
  });

  it('totals every column: 6, 362,179, 15, 528,520, 21, 890,699', () => {
    expect(plain(t.totals)).toEqual({
      cha_count: 6,
      cha_area_m2: 362_179,
      sha_count: 15,
      sha_area_m2: 528_520,
      total_count: 21,
      total_area_m2: 890_699,
    });
  });
});

describe('Table 2: mined area by contamination type', () => {
  const t = contaminationByType(K)!;

  it('starts with an AP mines row carried from Table 1, then the other rows', () => {
    expect(plain(t.rows)).toEqual([
      { type: 'AP mines', areas: 21, area_m2: 890_699 },
      { type: 'Mixed AP mines and CMR', areas: 3, area_m2: 225_000 },
    ]);
  });

  it('totals 24 areas and 1,115,699m²', () => {
    expect(plain(t.totals)).toEqual({ areas: 24, area_m2: 1_115_699 });
    expect(plain(contaminationTableTotal(K))).toEqual({ areas: 24, area_m2: 1_115_699 });
  });

  it('uses the AP mines label given in the data', () => {
    expect(plain(contaminationByType(arcadia().data)?.rows[0])).toEqual({
      type: 'AP mines only',
      areas: 82,
      area_m2: 31_682_915,
    });
  });

  it('is absent when the report has no such table', () => {
    expect(contaminationByType(ClearingTheMinesReport.parse(baseReport()))).toBeUndefined();
    expect(contaminationTableTotal(ClearingTheMinesReport.parse(baseReport()))).toBeUndefined();
  });
});

describe('Table 3: gender composition of operators', () => {
  const t = genderComposition(K.tables.gender_composition!.rows);

  it('gives each row its shares of women: KMAC 20/0/0, KSF 24/14/15, HALO 27/21/27 per cent', () => {
    expect(
      t.rows.map((r) => [
        r.operator,
        r.women_staff_pct,
        r.women_managerial_pct,
        r.women_operational_pct,
      ]),
    ).toEqual([
      ['KMAC', 20, 0, 0],
      ['KSF', 24, 14, 15],
      ['HALO', 27, 21, 27],
    ]);
  });

  it('totals 272, 70 (26%), 43, 8 (19%), 197, 45 (23%)', () => {
    expect(plain(t.totals)).toEqual({
      total_staff: 272,
      women_staff: 70,
      women_staff_pct: 26,
      managerial_staff: 43,
      women_managerial_staff: 8,
      women_managerial_pct: 19,
      operational_staff: 197,
      women_operational_staff: 45,
      women_operational_pct: 23,
    });
  });

  it('keeps the marks of each row', () => {
    expect(t.rows[2]?.marks).toEqual({ operator: '*' });
  });

  it('has no share where an operator has no staff of a kind', () => {
    const vmc = genderComposition(arcadia().data.tables.gender_composition!.rows).rows.find(
      (r) => r.operator === 'VMC',
    );
    expect(plain(vmc?.managerial_staff)).toBe(0);
    expect(vmc?.women_managerial_pct).toBeUndefined();
  });
});

describe('Table 6: release through technical survey', () => {
  const t = releaseByDistrict(K.tables.survey_by_district!.rows);

  it('totals 4 areas and 56,822m², with no mines column', () => {
    expect(plain(t.totals)).toEqual({ areas: 4, area_m2: 56_822, mines_destroyed: undefined });
    expect(t.hasMines).toBe(false);
  });
});

describe('Table 7: mine clearance', () => {
  const t = releaseByDistrict(K.tables.clearance_by_district!.rows);

  it('totals 8 areas, 47,605m² (as published, though the text says 47,065m²) and 8 mines', () => {
    expect(plain(t.totals)).toEqual({ areas: 8, area_m2: 47_605, mines_destroyed: 8 });
    expect(formatM2(t.totals.area_m2.value ?? Number.NaN)).toBe('47,605m²');
    expect(t.hasMines).toBe(true);
  });

  it('counts a row without a mines figure as zero when other rows have one', () => {
    const rows = [
      { district: 'A', operator: 'X', areas: 1, area_m2: 10, mines_destroyed: 3 },
      { district: 'B', operator: 'X', areas: 2, area_m2: 20 },
    ];
    expect(plain(releaseByDistrict(rows).totals)).toEqual({
      areas: 3,
      area_m2: 30,
      mines_destroyed: 3,
    });
  });
});

describe('Table 8: five-year summary of AP mine clearance', () => {
  const t = fiveYearClearance(K);

  it('lists 2024 to 2020, newest first, printed 0.05, 0.03, 0.02, 0.10, 0.14', () => {
    expect(t.rows.map((r) => [r.year, formatKm2Number(r.km2 ?? Number.NaN)])).toEqual([
      [2024, '0.05'],
      [2023, '0.03'],
      [2022, '0.02'],
      [2021, '0.10'],
      [2020, '0.14'],
    ]);
  });

  it('totals 0.34km²: the unrounded areas are added, then rounded once', () => {
    expect(t.totalKm2).toBeCloseTo(0.336374, 9);
    expect(formatKm2Number(t.totalKm2)).toBe('0.34');
  });

  it('takes history in m² or km², and keeps only the five newest years', () => {
    const a = fiveYearClearance(arcadia().data);
    expect(a.rows.map((r) => r.year)).toEqual([2024, 2023, 2022, 2021, 2020]);
    expect(a.rows.map((r) => formatKm2Number(r.km2 ?? Number.NaN))).toEqual([
      '2.19',
      '2.54',
      '1.98',
      '1.65',
      '1.21',
    ]);
    expect(formatKm2Number(a.totalKm2)).toBe('9.57');
  });

  it('has only the two land release years when there is no history', () => {
    const t2 = fiveYearClearance(ClearingTheMinesReport.parse(baseReport()));
    expect(t2.rows).toEqual([
      { year: 2024, km2: 0.047065 },
      { year: 2023, km2: 0.029309 },
    ]);
  });
});
