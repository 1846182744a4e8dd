import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMAS } from '../../../../src/schema/index.js';
import {
  assessmentOf,
  Block,
  ClearingTheMinesReport,
  PERFORMANCE_CRITERIA,
} from '../../../../src/kinds/clearing-the-mines/schema/report.js';
import {
  ARCADIA_TEXT,
  baseReport,
  KOSOVO_TEXT,
  reportFromObject,
} from '../../../helpers/reports.js';

/** The issues of an invalid report as "path: message". */
function issues(value: unknown): string[] {
  const result = ClearingTheMinesReport.safeParse(value);
  expect(result.success, 'the report should be refused').toBe(false);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const accepts = (value: unknown) =>
  expect(ClearingTheMinesReport.safeParse(value).error?.issues ?? []).toEqual([]);

const party = {
  status: 'party',
  original_deadline: '2023-03-01',
  extensions: [{ decided: '2022-11-25', deadline: '2028-03-01' }],
  progress: 'not_on_track',
};

function performance(score = 6) {
  return Object.fromEntries(
    PERFORMANCE_CRITERIA.map((c) => [c.key, { score, commentary: 'Commentary.' }]),
  );
}

describe('the data files', () => {
  it('Kosovo parses', () => {
    accepts(parse(KOSOVO_TEXT));
  });

  it('the Arcadia fixture parses, and uses what Kosovo does not', () => {
    const r = ClearingTheMinesReport.parse(parse(ARCADIA_TEXT));
    expect(r.key_data.article5).toEqual({
      status: 'party',
      original_deadline: '2018-03-01',
      extensions: [
        { decided: '2017-12-01', deadline: '2023-03-01' },
        { decided: '2022-11-25', deadline: '2028-03-01', note: '[^ext-decision.21msp.box]' },
      ],
      progress: 'not_on_track',
    });
    expect(r.key_data.contamination).toEqual({
      kind: 'area',
      area_m2: 36_482_915,
      source: 'National estimate',
    });
    const assessment = assessmentOf(r.performance);
    expect(Object.keys(assessment ?? {})).toEqual(PERFORMANCE_CRITERIA.map((c) => c.key));
    for (const c of PERFORMANCE_CRITERIA)
      expect(assessment?.[c.key].previous_score).toBeTypeOf('number');
    expect(Object.keys(r.tables).sort()).toEqual([
      'clearance_by_district',
      'clearance_capacity',
      'contamination_by_type',
      'five_year_clearance',
      'gender_composition',
      'land_release_summary',
      'mined_area_by_district',
      'survey_by_district',
    ]);
    expect(Object.keys(r.other_tables)).toEqual(['funding_by_donor']);
    expect(r.clearance_history.some((h) => h.area_m2 !== undefined)).toBe(true);
    expect(r.clearance_history.some((h) => h.area_km2 !== undefined)).toBe(true);
    expect(r.sections.length).toBeGreaterThanOrEqual(6);
    expect(r.sections.some((s) => s.subsections.length > 0)).toBe(true);
    const charts = r.sections
      .flatMap((s) => [...s.blocks, ...s.subsections.flatMap((x) => x.blocks)])
      .filter((b) => 'chart' in b);
    expect(charts.map((b) => ('chart' in b ? b.chart : '')).sort()).toEqual([
      'clearance_trend',
      'land_release_outputs',
      'mined_area_by_district',
    ]);
  });

  it('the Arcadia fixture uses every feature of keydata Markdown', () => {
    expect(ARCADIA_TEXT).toMatch(/[^*]\*[A-Za-z][^*\n]*\*[^*]/); // *emphasis*
    expect(ARCADIA_TEXT).toMatch(/\*\*[^*\n]+\*\*/); // **strong**
    expect(ARCADIA_TEXT).toMatch(/\]\(https:\/\/[^)]+\)/); // [link](https://...)
    expect(ARCADIA_TEXT).toMatch(/\^[a-z]+\^/); // ^superscript^
    expect(ARCADIA_TEXT).toMatch(/\[\^[a-z]+[-_.][A-Za-z0-9_.-]*\]/); // [^non-numeric.id]
    for (const name of [
      'clearance_change',
      'technical_survey_change',
      'contamination_km2',
      'table:',
    ]) {
      expect(ARCADIA_TEXT).toContain(`{=${name}`);
    }
    expect(ARCADIA_TEXT.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../../../../schemas/clearing-the-mines.json',
    );
  });

  it('is the schema registered for clearing-the-mines', () => {
    expect(REPORT_SCHEMAS['clearing-the-mines']).toBe(ClearingTheMinesReport);
  });
});

describe('Article 5 and the performance assessment', () => {
  it('a State Party may have a performance assessment', () => {
    const r = baseReport();
    r.key_data.article5 = party;
    accepts({ ...r, performance: performance() });
  });

  it('refuses a performance assessment for a country not party to the APMBC', () => {
    expect(issues({ ...baseReport(), performance: performance() })).toEqual([
      'performance: the performance assessment applies to States Parties; key_data.article5.status is not "party"',
    ]);
  });

  it('needs all seven criteria', () => {
    const r = baseReport();
    r.key_data.article5 = party;
    const p = performance();
    delete p.gender_and_diversity;
    // The performance is the assessment or { not_applicable }; validation reports the
    // assessment's missing criterion, not the union.
    expect(() => reportFromObject({ ...r, performance: p })).toThrow(
      /performance\.gender_and_diversity: missing required field/,
    );
  });

  it('scores from 0 to 10 in steps of 0.5', () => {
    const r = baseReport();
    r.key_data.article5 = party;
    const p = performance();
    accepts({
      ...r,
      performance: {
        ...p,
        planning_and_tasking: { score: 0, previous_score: 10, commentary: 'C.' },
      },
    });
    expect(
      issues({
        ...r,
        performance: { ...p, planning_and_tasking: { score: 7.3, commentary: 'C.' } },
      }),
    ).toEqual([expect.stringMatching(/^performance\.planning_and_tasking\.score: /)]);
    expect(
      issues({
        ...r,
        performance: { ...p, planning_and_tasking: { score: 10.5, commentary: 'C.' } },
      }),
    ).toEqual([expect.stringMatching(/^performance\.planning_and_tasking\.score: /)]);
  });

  it('a State Party needs a deadline, and progress is a fixed choice', () => {
    const r = baseReport();
    r.key_data.article5 = { ...party, progress: 'late' };
    expect(issues(r)).toEqual([expect.stringMatching(/^key_data\.article5\.progress: /)]);
    r.key_data.article5 = { status: 'party', progress: 'on_track' };
    expect(issues(r)).toEqual([
      expect.stringMatching(/^key_data\.article5\.original_deadline: a State Party has a deadline/),
    ]);
    r.key_data.article5 = { ...party, deadline: '2028-03-01', extension: 'granted' };
    expect(issues(r)).toEqual([expect.stringMatching(/^key_data\.article5: Unrecognized key/)]);
  });

  it('a country not party has no deadline', () => {
    const r = baseReport();
    r.key_data.article5 = { status: 'not_party', deadline: '2028-03-01' };
    expect(issues(r)).toEqual([expect.stringMatching(/^key_data\.article5: /)]);
  });
});

describe('land release years', () => {
  it('previous.year must be current.year - 1', () => {
    const r = baseReport();
    r.land_release.previous.year = 2022;
    expect(issues(r)).toEqual([
      'land_release.previous.year: expected 2023, the year before land_release.current.year',
    ]);
    r.land_release.previous.year = 2024;
    expect(issues(r)).toContain(
      'land_release.previous.year: expected 2023, the year before land_release.current.year',
    );
  });

  it('clearance history holds only earlier years, each in m² or km² but not both', () => {
    const r = {
      ...baseReport(),
      clearance_history: [
        { year: 2022, area_m2: 20_000 },
        { year: 2021, area_km2: 0.1 },
      ],
    };
    accepts(r);
    expect(issues({ ...r, clearance_history: [{ year: 2023, area_km2: 0.03 }] })).toEqual([
      'clearance_history.0.year: clearance_history holds years before 2023; later years come from land_release',
    ]);
    expect(
      issues({ ...r, clearance_history: [{ year: 2022, area_km2: 0.02, area_m2: 20_000 }] }),
    ).toEqual([
      'clearance_history.0: give the cleared area once, as area_m2 or as area_km2, not both',
    ]);
    expect(issues({ ...r, clearance_history: [{ year: 2022 }] })).toEqual([
      'clearance_history.0: missing the cleared area: give area_m2 or area_km2 (or missing: not_reported)',
    ]);
  });

  it('refuses negative areas and fractional counts', () => {
    const r = baseReport();
    r.land_release.current.clearance_m2 = -1;
    r.land_release.current.mines_destroyed = 2.5;
    expect(issues(r).map((i) => i.split(':')[0])).toEqual([
      'land_release.current.clearance_m2',
      'land_release.current.mines_destroyed',
    ]);
  });
});

describe('the contamination estimate', () => {
  it('accepts an area, stated or taken from the district table', () => {
    accepts(baseReport());
    const r = baseReport();
    r.key_data.contamination = { kind: 'area', source: 'National estimate' };
    r.tables = {
      mined_area_by_district: {
        caption: 'By district',
        rows: [{ district: 'North', cha_count: 1, cha_area_m2: 10, sha_count: 0, sha_area_m2: 0 }],
      },
    };
    accepts(r);
  });

  it('refuses an area that is neither stated nor in a district table', () => {
    const r = baseReport();
    r.key_data.contamination = { kind: 'area', source: 'National estimate' };
    expect(issues(r)).toEqual([
      'key_data.contamination.area_m2: give area_m2, or a tables.mined_area_by_district table to total',
    ]);
  });

  it('accepts "extent unknown" and "no reliable estimate", with or without a source', () => {
    for (const contamination of [
      { kind: 'extent_unknown' },
      { kind: 'extent_unknown', source: 'Operators' },
      { kind: 'no_reliable_estimate' },
      { kind: 'no_reliable_estimate', source: 'National authority' },
    ]) {
      const r = baseReport();
      r.key_data.contamination = contamination;
      accepts(r);
    }
  });

  it('refuses an area with "extent unknown" and an unknown kind', () => {
    const r = baseReport();
    r.key_data.contamination = { kind: 'extent_unknown', area_m2: 5 };
    expect(issues(r)).toEqual([expect.stringMatching(/^key_data\.contamination: /)]);
    r.key_data.contamination = { kind: 'unknown' };
    expect(issues(r)).toEqual([expect.stringMatching(/^key_data\.contamination\.kind: /)]);
  });
});

describe('tables', () => {
  it('accepts a generic table of text and numbers under a lower_snake_case key', () => {
    accepts({
      ...baseReport(),
      other_tables: {
        funding_2024: {
          caption: 'Funding',
          columns: [{ label: 'Donor' }, { label: 'Amount', numeric: true }],
          rows: [
            ['EU', 1_800_000],
            ['*Trust*', 120_000],
          ],
        },
      },
    });
  });

  it('refuses a generic table key that is not lower_snake_case', () => {
    const table = { caption: 'Funding', columns: [{ label: 'Donor' }], rows: [['EU']] };
    expect(issues({ ...baseReport(), other_tables: { Funding: table } })).toEqual([
      expect.stringMatching(/^other_tables\.Funding: /),
    ]);
  });

  it('refuses an unknown structured table', () => {
    expect(issues({ ...baseReport(), tables: { funding: { caption: 'x' } } })).toEqual([
      expect.stringMatching(/^tables: /),
    ]);
  });

  it('accepts marks made of * † ‡ § # only', () => {
    const row = { operator: 'HALO', personnel: 24 };
    accepts({
      ...baseReport(),
      tables: {
        clearance_capacity: { caption: 'C', rows: [{ ...row, marks: { personnel: '*†' } }] },
      },
    });
    expect(
      issues({
        ...baseReport(),
        tables: {
          clearance_capacity: { caption: 'C', rows: [{ ...row, marks: { personnel: 'a' } }] },
        },
      }),
    ).toEqual([expect.stringMatching(/^tables\.clearance_capacity\.rows\.0\.marks\.personnel: /)]);
  });

  it('refuses a table with no rows', () => {
    expect(
      issues({ ...baseReport(), tables: { gender_composition: { caption: 'G', rows: [] } } }),
    ).toEqual([expect.stringMatching(/^tables\.gender_composition\.rows: /)]);
  });

  it('needs only a caption for tables derived from other data', () => {
    accepts({
      ...baseReport(),
      tables: { land_release_summary: { caption: 'S' }, five_year_clearance: { caption: 'F' } },
    });
    expect(
      issues({ ...baseReport(), tables: { five_year_clearance: { caption: 'F', rows: [] } } }),
    ).toEqual([expect.stringMatching(/^tables\.five_year_clearance: /)]);
  });
});

describe('body blocks', () => {
  it.each([
    { p: 'Text.' },
    { list: ['One.'] },
    { table: 'mined_area_by_district' },
    { chart: 'clearance_trend' },
  ])('accepts %j', (block) => {
    expect(Block.safeParse(block).success).toBe(true);
  });

  it.each([{ p: 'Text.', table: 'x' }, { list: [] }, { chart: 'pie' }, { p: '   ' }, {}])(
    'refuses %j',
    (block) => {
      expect(Block.safeParse(block).success).toBe(false);
    },
  );
});

describe('text fields', () => {
  it('trims Markdown and refuses it when blank', () => {
    const r = baseReport();
    r.key_developments = ['  Clearance rose.[^a]  '];
    expect(ClearingTheMinesReport.parse(r).key_developments).toEqual(['Clearance rose.[^a]']);
    r.key_developments = ['  '];
    expect(issues(r)).toEqual([expect.stringMatching(/^key_developments\.0: /)]);
  });

  it('refuses a note id with a space or starting with punctuation', () => {
    expect(issues({ ...baseReport(), notes: { 'n 1': 'x' } })).toEqual([
      expect.stringMatching(/^notes\.n 1: /),
    ]);
    expect(issues({ ...baseReport(), notes: { '-n1': 'x' } })).toEqual([
      expect.stringMatching(/^notes\.-n1: /),
    ]);
  });

  it('refuses unknown fields anywhere', () => {
    expect(issues({ ...baseReport(), colour: 'red' })).toEqual([
      expect.stringMatching(/^: Unrecognized key/),
    ]);
  });

  it('needs schema_version 2', () => {
    expect(issues({ ...baseReport(), schema_version: 1 })).toEqual([
      expect.stringMatching(/^schema_version: /),
    ]);
  });
});
