/** Percentages against the counts they are shares of, where the data states both. */
import { describe, expect, it } from 'vitest';
import { baseReport, problemsOf } from '../../../helpers/reports.js';

function withParagraph(p: string) {
  const r = baseReport();
  r.sections[0]!.blocks = [{ p: `${p}[^b]` }];
  return problemsOf(r);
}

const genderRow = {
  operator: 'TD',
  total_staff: 12,
  women_staff: 3,
  managerial_staff: 2,
  women_managerial_staff: 1,
  operational_staff: 10,
  women_operational_staff: 2,
};

function withGenderRow(row: Record<string, unknown>) {
  const r = baseReport();
  r.tables = { gender_composition: { caption: 'Gender', rows: [{ ...genderRow, ...row }] } };
  r.sections[0]!.blocks.push({ table: 'gender_composition' });
  return problemsOf(r);
}

describe('the gender table', () => {
  it('accepts counts of women within the counts they are shares of', () => {
    expect(withGenderRow({})).toEqual([]);
  });

  it('warns about more women than staff, with both counts and the share the table would print', () => {
    expect(withGenderRow({ women_staff: 27 })).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'tables.gender_composition.rows.0.women_staff',
        message: expect.stringMatching(
          /^women_staff is 27, more than the 12 of tables\.gender_composition\.rows\.0\.total_staff \(line \d+\): the table would print 225% women$/,
        ),
      }),
    ]);
    expect(
      withGenderRow({ women_managerial_staff: 3, women_operational_staff: 11 }).map((p) => p.path),
    ).toEqual([
      'tables.gender_composition.rows.0.women_managerial_staff',
      'tables.gender_composition.rows.0.women_operational_staff',
      // and their categories (3 + 11) above the 3 women of the row: tests/derive/check-table-parts.test.ts
      'tables.gender_composition.rows.0.women_staff',
    ]);
  });
});

describe('a share given with its counts in the text', () => {
  it('accepts a percentage that rounds from the counts, in words or digits', () => {
    expect(withParagraph('Mines were found in 67% (2 of 3) of the areas.')).toEqual([]);
    expect(withParagraph('Women hold seven of its eighteen managerial posts (39%).')).toEqual([]);
    expect(withParagraph('Women make up 35.6% (52 out of 146) of the staff.')).toEqual([]);
  });

  it('warns when the percentage does not follow from the counts', () => {
    expect(withParagraph('Mines were found in 40% (2 of 3) of the areas.')).toEqual([
      expect.objectContaining({
        path: 'sections.0.blocks.0.p',
        message: 'the text says 40% but 2 of 3 is 67%',
      }),
    ]);
    expect(withParagraph('Women hold seven of its eighteen managerial posts (30%).')).toEqual([
      expect.objectContaining({ message: 'the text says 30% but seven of eighteen is 39%' }),
    ]);
  });

  it('leaves alone a percentage without counts beside it', () => {
    expect(
      withParagraph('Some 70% of the area cleared found no mines, in 3 of the tasks.'),
    ).toEqual([]);
  });
});
