/** Parts within their totals inside each table, located at the cell. */
import { describe, expect, it } from 'vitest';
import { baseReport, kosovo, problemsOf } from '../../../helpers/reports.js';
import { deriveReport, checkReport } from '../../../../src/commands/report.js';

const genderRow = {
  operator: 'TD',
  total_staff: 155,
  women_staff: 42,
  managerial_staff: 28,
  women_managerial_staff: 6,
  operational_staff: 120,
  women_operational_staff: 36,
};

function withTable(key: string, table: unknown, other = false) {
  const r = baseReport();
  if (other) r.other_tables = { [key]: table };
  else r.tables = { [key]: table };
  r.sections[0]!.blocks.push({ table: key });
  return problemsOf(r);
}

describe('staff categories within the staff', () => {
  it('accepts managerial plus operational staff within the total', () => {
    expect(withTable('gender_composition', { caption: 'G', rows: [genderRow] })).toEqual([]);
  });

  it('warns at the total when managerial plus operational staff exceed it', () => {
    const problems = withTable('gender_composition', {
      caption: 'G',
      rows: [{ ...genderRow, operational_staff: 134 }],
    });
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'tables.gender_composition.rows.0.total_staff',
        message: expect.stringMatching(
          /^TD: managerial_staff plus operational_staff make 162 staff \(28 \+ 134\), more than the 155 of total_staff$/,
        ),
      }),
    ]);
  });

  it('warns at the women counted when their categories exceed them', () => {
    const problems = withTable('gender_composition', {
      caption: 'G',
      rows: [{ ...genderRow, women_managerial_staff: 10 }],
    });
    expect(problems.map((p) => p.path)).toEqual(['tables.gender_composition.rows.0.women_staff']);
  });

  it("finds HALO's managerial and operational staff above its total in Kosovo's data", () => {
    const halo = checkReport(deriveReport(kosovo())).filter((p) =>
      p.path.startsWith('tables.gender_composition'),
    );
    expect(halo).toEqual([
      expect.objectContaining({
        path: 'tables.gender_composition.rows.2.total_staff',
        line: expect.any(Number),
      }),
    ]);
  });
});

describe('counts of areas and their m²', () => {
  it('warns at the cell when an area count and its m² disagree about there being any', () => {
    const problems = withTable('clearance_by_district', {
      caption: 'C',
      rows: [
        { district: 'North', operator: 'TD', areas: 0, area_m2: 14_074 },
        { district: 'South', operator: 'TD', areas: 2, area_m2: 0 },
      ],
    });
    expect(
      problems.filter((p) => p.path.includes('.rows.')).map((p) => [p.path, p.message]),
    ).toEqual([
      ['tables.clearance_by_district.rows.0.areas', 'North: 14,074m² of area_m2 in 0 areas'],
      ['tables.clearance_by_district.rows.1.area_m2', 'South: 2 areas covering 0m²'],
    ]);
  });
});

describe("a generic table's total row", () => {
  const table = (total: number) => ({
    caption: 'Mines destroyed by operator',
    columns: [{ label: 'Operator' }, { label: 'AP mines destroyed', numeric: true }],
    rows: [
      ['HHD', 600],
      ['VMC', 400],
      ['**Total**', total],
    ],
  });

  it('accepts a total row that sums the rows above it', () => {
    expect(withTable('mines_by_operator', table(1000), true)).toEqual([]);
  });

  it('warns at the total cell when it does not', () => {
    expect(withTable('mines_by_operator', table(1100), true)).toEqual([
      expect.objectContaining({
        path: 'other_tables.mines_by_operator.rows.2.1',
        message:
          'the "**Total**" row gives 1,100 AP mines destroyed, but the rows above it sum to 1,000',
      }),
    ]);
  });
});
