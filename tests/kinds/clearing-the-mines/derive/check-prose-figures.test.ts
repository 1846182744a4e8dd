/**
 * KEY DATA against the body: a figure typed into the prose must say what the data says.
 * Only sentences about the reported year that give "a total of" are read, so a district's
 * figure or a target is never taken for the national total.
 */
import { describe, expect, it } from 'vitest';
import { baseReport, kosovo, arcadia, problemsOf } from '../../../helpers/reports.js';
import { checkReport, deriveReport } from '../../../../src/commands/report.js';

/** The problems of the base report with one paragraph in its body. */
function withParagraph(p: string) {
  const r = baseReport();
  r.sections[0]!.blocks = [{ p: `${p}[^b]` }];
  return problemsOf(r);
}

describe('land released in the reported year', () => {
  it('accepts the figure KEY DATA prints, with or without emphasis and thousands separators', () => {
    expect(withParagraph('In 2024, a total of 47,065m² was released through clearance.')).toEqual(
      [],
    );
    expect(
      withParagraph('In 2024, a total of **47,065m²** was released through clearance.'),
    ).toEqual([]);
    expect(withParagraph('In 2024, a total of 0.05km² was released through clearance.')).toEqual(
      [],
    );
  });

  it('warns when the text gives another figure, naming the field and the placeholder to use', () => {
    expect(withParagraph('In 2024, a total of 47,605m² was released through clearance.')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'sections.0.blocks.0.p',
        message: expect.stringMatching(
          /^the text gives 47,605m² released through clearance in 2024, but KEY DATA prints 47,065m² from land_release\.current\.clearance_m2 \(line \d+\); write \{=clearance_m2\} to print the figure from the data$/,
        ),
      }),
    ]);
  });

  it('compares a figure in km² to the two decimals it was given with', () => {
    expect(withParagraph('In 2024, a total of 0.06km² was released through clearance.')).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^the text gives 0\.06km² released .* KEY DATA prints 0\.05km² from/,
        ),
      }),
    ]);
  });

  it('tells technical from non-technical survey, and reads the method before the figure too', () => {
    const r = baseReport();
    r.land_release.current.technical_survey_m2 = 56_822;
    r.land_release.current.non_technical_survey_m2 = 1_000;
    r.sections[0]!.blocks = [
      {
        p:
          'In 2024, a total of 56,822m² was reduced through technical survey and a total of 1,000m² was cancelled through non-technical survey. ' +
          'In 2024, HALO cleared a total of 47,065m².[^b]',
      },
    ];
    expect(problemsOf(r)).toEqual([]);
    r.sections[0]!.blocks = [
      { p: 'In 2024, a total of 1,200m² was cancelled through non-technical survey.[^b]' },
    ];
    expect(problemsOf(r).map((p) => p.message)).toEqual([
      expect.stringMatching(
        /^the text gives 1,200m² cancelled through non-technical survey in 2024, but KEY DATA prints 1,000m² from land_release\.current\.non_technical_survey_m2/,
      ),
    ]);
  });

  it('leaves alone district figures, targets, other years and placeholders', () => {
    expect(withParagraph('In 2024, HALO cleared 14,074m² in Ferizaj.')).toEqual([]);
    expect(withParagraph('A target of 45,000m² of annual mine clearance has been set.')).toEqual(
      [],
    );
    expect(withParagraph('In 2023, a total of 29,000m² was released through clearance.')).toEqual(
      [],
    );
    expect(
      withParagraph('In 2024, a total of {=clearance_m2} was released through clearance.'),
    ).toEqual([]);
  });
});

describe('the remaining contamination', () => {
  it('accepts the total KEY DATA prints, to the rounding and direction the text gives', () => {
    expect(withParagraph('The total mined area is estimated at 1.25km².')).toEqual([]);
    expect(withParagraph('This brings the total mined area to close to 1.25km².')).toEqual([]);
    expect(withParagraph('The total mined area is more than 1.2km².')).toEqual([]);
    expect(withParagraph('The total mined area is almost 1.3km².')).toEqual([]);
  });

  it('warns when the text gives another total', () => {
    expect(withParagraph('The total mined area is estimated at 1.52km².')).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^the text gives the total mined area as 1\.52km², but KEY DATA prints 1\.25km² from key_data\.contamination\.area_m2 \(line \d+\)/,
        ),
      }),
    ]);
    expect(withParagraph('The total mined area is more than 1.4km².')).toHaveLength(1);
    expect(withParagraph('The total mined area is almost 1.1km².')).toHaveLength(1);
  });
});

describe('the direction of clearance', () => {
  it('accepts "rose" when clearance went up, and warns about "fell"', () => {
    expect(withParagraph('Clearance output was higher in 2024 than the previous year.')).toEqual(
      [],
    );
    expect(withParagraph('Clearance fell in 2024.')).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^the text says clearance fell in 2024, but land_release\.current\.clearance_m2 \(line \d+\) gives 47,065m² against 29,309m² in 2023$/,
        ),
      }),
    ]);
  });

  it('does not read other subjects ("an increase in the number of clearance personnel")', () => {
    expect(
      withParagraph(
        'There was a decrease in the number of clearance personnel in 2024 compared to the previous year.',
      ),
    ).toEqual([]);
  });
});

describe('the reference data', () => {
  it("finds nothing in Arcadia and only Kosovo's Table 3 and Table 7 mismatches", () => {
    expect(checkReport(deriveReport(arcadia()))).toEqual([]);
    expect(checkReport(deriveReport(kosovo())).map((p) => p.path)).toEqual([
      'tables.gender_composition.rows.2.total_staff',
      'tables.clearance_by_district.rows',
    ]);
  });
});
