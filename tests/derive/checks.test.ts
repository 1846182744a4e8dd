/**
 * `keydata validate` runs these checks on every valid report: references that do not
 * resolve are errors; figures that contradict each other are warnings naming both places.
 */
import { describe, expect, it } from 'vitest';
import {
  arcadia,
  baseReport,
  KOSOVO_TEXT,
  kosovo,
  problemsOf,
  reportFromText,
} from '../helpers/reports.js';
import { checkReport, deriveReport } from '../../src/commands/report.js';

const errors = (ps: ReturnType<typeof problemsOf>) => ps.filter((p) => p.severity === 'error');
const warnings = (ps: ReturnType<typeof problemsOf>) => ps.filter((p) => p.severity === 'warning');

describe('the reference data', () => {
  it('finds nothing wrong with the base report the tests start from', () => {
    expect(problemsOf(baseReport())).toEqual([]);
  });

  it('finds nothing wrong with the Arcadia fixture', () => {
    expect(checkReport(deriveReport(arcadia()))).toEqual([]);
  });

  it("warns about Kosovo's known mismatches, naming both figures and the other field, and nothing else", () => {
    const problems = checkReport(deriveReport(kosovo()));
    expect(problems).toEqual([
      {
        file: 'kosovo.yaml',
        line: 112,
        column: 22,
        severity: 'warning',
        path: 'tables.gender_composition.rows.2.total_staff',
        message:
          'HALO: managerial_staff plus operational_staff make 162 staff (28 + 134), more than the 155 of total_staff',
      },
      {
        file: 'kosovo.yaml',
        line: 155,
        column: 7,
        severity: 'warning',
        path: 'tables.clearance_by_district.rows',
        message:
          'the rows sum to 47,605m² cleared, but land_release.current.clearance_m2 (line 19) says 47,065m²',
      },
    ]);
  });
});

describe('footnote references', () => {
  it('refuses a citation of an undefined note, at the prose that cites it', () => {
    const r = baseReport();
    r.sections[0]!.blocks = [{ p: 'Text.' }, { list: ['One.', 'Two.[^missing]'] }];
    r.notes = { a: 'First source.' };
    expect(problemsOf(r)).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'sections.0.blocks.1.list.1',
        message: 'cites footnote [^missing], which is not defined under notes',
      }),
    ]);
  });

  it('locates an undefined note in Kosovo at its paragraph, and warns that the real one is unused', () => {
    const text = KOSOVO_TEXT.replace(
      '(EOD) teams regularly dispose of ERW in response to information from the public or demining organisations.[^n13]',
      '(EOD) teams regularly dispose of ERW in response to information from the public or demining organisations.[^n13a]',
    );
    expect(text).not.toBe(KOSOVO_TEXT);
    const problems = checkReport(deriveReport(reportFromText(text, 'kosovo.yaml')));
    expect(problems).toContainEqual({
      file: 'kosovo.yaml',
      line: 197,
      column: 12, // the `>-` that starts the paragraph
      severity: 'error',
      path: 'sections.1.blocks.0.p',
      message: 'cites footnote [^n13a], which is not defined under notes',
    });
    expect(problems).toContainEqual({
      file: 'kosovo.yaml',
      line: text.split('\n').findIndex((l) => l.startsWith('  n13:')) + 1,
      column: 3, // the note's key
      severity: 'warning',
      path: 'notes.n13',
      message: 'footnote is defined but never cited',
    });
  });

  it('refuses a note cited a second time, at the second citation', () => {
    const r = baseReport();
    r.recommendations = ['Do this.[^a]'];
    const problems = problemsOf(r);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', path: 'recommendations.0' });
    expect(problems[0]?.message).toMatch(/cites footnote \[\^a\] a second time/);
  });

  it('refuses a note cited twice in the same paragraph', () => {
    const r = baseReport();
    r.sections[0]!.blocks = [{ p: 'One.[^b] Two.[^b]' }];
    expect(errors(problemsOf(r)).map((p) => p.path)).toEqual(['sections.0.blocks.0.p']);
  });

  it('warns about a note that nothing cites, at the note', () => {
    const r = baseReport();
    r.notes.unused = 'Never cited.';
    expect(problemsOf(r)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'notes.unused',
        message: 'footnote is defined but never cited',
      }),
    ]);
  });

  it('refuses a note that cites another note', () => {
    const r = baseReport();
    r.notes.b = 'See also[^a].';
    r.sections[0]!.blocks = [{ p: 'Contamination.[^b]' }];
    expect(errors(problemsOf(r))).toEqual([
      expect.objectContaining({
        path: 'notes.b',
        message: 'a footnote cannot cite another footnote ([^a])',
      }),
    ]);
  });
});

describe('derived values {=name}', () => {
  it('accepts every known name', () => {
    const r = baseReport();
    r.sections[0]!.blocks = [
      {
        p:
          'In {=data_year} ({=previous_year}): {=clearance_m2}, {=clearance_change}; {=technical_survey_m2}, ' +
          '{=technical_survey_change}; {=non_technical_survey_m2}, {=non_technical_survey_change}; ' +
          '{=mines_destroyed} mines; {=contamination_km2} ({=contamination_m2}), {=contamination_level}.[^b]',
      },
    ];
    expect(problemsOf(r)).toEqual([]);
  });

  it('refuses an unknown name, listing the known ones', () => {
    const r = baseReport();
    r.sections[0]!.blocks = [{ p: 'Cleared {=clearance_km2}.[^b]' }];
    const problems = problemsOf(r);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', path: 'sections.0.blocks.0.p' });
    expect(problems[0]?.message).toMatch(
      /^unknown derived value \{=clearance_km2\}; known: .*clearance_m2/,
    );
  });

  it('refuses the contamination figures when the estimate is not an area', () => {
    const r = baseReport();
    r.key_data.contamination = { kind: 'extent_unknown' };
    r.sections[0]!.blocks = [{ p: 'About {=contamination_km2}.[^b]' }];
    expect(errors(problemsOf(r)).map((p) => p.message)).toEqual([
      expect.stringMatching(/\{=contamination_km2\}/),
    ]);
  });

  it('refuses a table number of a table that is not placed', () => {
    const r = baseReport();
    r.sections[0]!.blocks = [{ p: 'See {=table:gender_composition}.[^b]' }];
    expect(errors(problemsOf(r)).map((p) => p.message)).toEqual([
      expect.stringMatching(/^unknown derived value \{=table:gender_composition\}/),
    ]);
  });

  it('gives the number of a placed table and figure', () => {
    const r = baseReport();
    r.tables = { land_release_summary: { caption: 'Summary' } };
    r.sections[0]!.blocks = [
      { p: 'See {=table:land_release_summary} and {=figure:clearance_trend}.[^b]' },
      { table: 'land_release_summary' },
      { chart: 'clearance_trend' },
    ];
    expect(problemsOf(r)).toEqual([]);
  });
});

describe('table placement', () => {
  it('refuses an unknown table key, naming the tables that exist', () => {
    const r = baseReport();
    r.tables = { land_release_summary: { caption: 'Summary' } };
    r.sections[0]!.blocks = [
      { p: 'Text.[^b]' },
      { table: 'land_release_summary' },
      { table: 'land_release_sumary' },
    ];
    expect(problemsOf(r)).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'sections.0.blocks.2.table',
        message:
          "no table 'land_release_sumary' under tables or other_tables (defined: land_release_summary)",
      }),
    ]);
  });

  it('refuses a table placed twice', () => {
    const r = baseReport();
    r.tables = { five_year_clearance: { caption: 'Five years' } };
    r.sections[0]!.blocks = [
      { p: 'Text.[^b]' },
      { table: 'five_year_clearance' },
      { table: 'five_year_clearance' },
    ];
    expect(problemsOf(r)).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'sections.0.blocks.2.table',
        message: expect.stringMatching(/already placed/),
      }),
    ]);
  });

  it('warns about a table that is never placed', () => {
    const r = baseReport();
    r.tables = { five_year_clearance: { caption: 'Five years' } };
    expect(problemsOf(r)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'tables.five_year_clearance',
        message: expect.stringMatching(/never placed/),
      }),
    ]);
  });
});

describe('figures that contradict each other', () => {
  const clearanceRows = [
    { district: 'North', operator: 'HALO', areas: 2, area_m2: 40_000, mines_destroyed: 5 },
    { district: 'South', operator: 'HALO', areas: 1, area_m2: 7_065, mines_destroyed: 3 },
  ];
  const withClearanceTable = (table: Record<string, unknown>) => {
    const r = baseReport();
    r.tables = { clearance_by_district: { caption: 'Clearance', rows: clearanceRows, ...table } };
    r.sections[0]!.blocks = [{ p: 'Text.[^b]' }, { table: 'clearance_by_district' }];
    return r;
  };

  it('accepts rows that agree with the summary and the stated totals', () => {
    expect(
      problemsOf(
        withClearanceTable({ stated_totals: { areas: 3, area_m2: 47_065, mines_destroyed: 8 } }),
      ),
    ).toEqual([]);
  });

  it('warns when a stated total differs from the rows, saying which one the PDF prints', () => {
    const problems = problemsOf(
      withClearanceTable({ stated_totals: { areas: 4, area_m2: 47_065 } }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'tables.clearance_by_district.stated_totals.areas',
        message: 'the published total is 4 but the rows sum to 3; the PDF prints 3',
      }),
    ]);
  });

  it('warns when the rows count more mines than land_release.current.mines_destroyed', () => {
    const r = withClearanceTable({});
    r.land_release.current.mines_destroyed = 7;
    expect(warnings(problemsOf(r))).toEqual([
      expect.objectContaining({
        path: 'tables.clearance_by_district.rows',
        message: expect.stringMatching(
          /^the rows count 8 AP mines destroyed in clearance, more than the 7 of land_release\.current\.mines_destroyed \(line \d+\)$/,
        ),
      }),
    ]);
  });

  it('warns when survey rows do not sum to land_release.current.technical_survey_m2', () => {
    const r = baseReport();
    r.tables = {
      survey_by_district: {
        caption: 'Survey',
        rows: [{ district: 'North', operator: 'HALO', areas: 1, area_m2: 500 }],
      },
    };
    r.sections[0]!.blocks = [{ p: 'Text.[^b]' }, { table: 'survey_by_district' }];
    expect(problemsOf(r)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'tables.survey_by_district.rows',
        message: expect.stringMatching(
          /rows sum to 500m² reduced through technical survey, but land_release\.current\.technical_survey_m2 \(line \d+\) says 0m²/,
        ),
      }),
    ]);
  });

  it('warns when the stated KEY DATA estimate differs from the contamination tables', () => {
    const r = baseReport();
    r.tables = {
      mined_area_by_district: {
        caption: 'By district',
        rows: [
          {
            district: 'North',
            cha_count: 1,
            cha_area_m2: 200_000,
            sha_count: 1,
            sha_area_m2: 50_000,
          },
        ],
      },
      contamination_by_type: {
        caption: 'By type',
        other_rows: [{ type: 'Mixed', areas: 1, area_m2: 1_000_000 }],
      },
    };
    r.sections[0]!.blocks = [
      { p: 'Text.[^b]' },
      { table: 'mined_area_by_district' },
      { table: 'contamination_by_type' },
    ];
    expect(problemsOf(r)).toEqual([]); // 250,000 + 1,000,000 = the stated 1,250,000m²
    r.key_data.contamination = { kind: 'area', area_m2: 1_300_000, source: 'National estimate' };
    expect(problemsOf(r)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'key_data.contamination.area_m2',
        message: expect.stringMatching(
          /^KEY DATA gives 1,300,000m² but the contamination tables total 1,250,000m² \(tables\.contamination_by_type \(line \d+\)\)$/,
        ),
      }),
    ]);
  });
});
