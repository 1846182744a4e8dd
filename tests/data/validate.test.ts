/**
 * Schema problems are reported at the line and column of the offending value, in words an
 * editor of the data knows (m², whole number, date), never in zod's own English.
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/data/problem.js';
import { validateWith } from '../../src/data/validate.js';
import { parseYaml } from '../../src/data/yaml-source.js';
import { ClearingTheMinesReport } from '../../src/kinds/clearing-the-mines/schema/report.js';
import { EditionMeta } from '../../src/schema/edition.js';

// A small valid report; the line numbers of the tests below refer to it.
const BASE = `schema_version: 2
report: clearing-the-mines
edition: 2025
country: Testland
key_data:
  article5:
    status: not_party
  contamination:
    kind: area
    area_m2: 1250000
    source: National estimate
land_release:
  current:
    year: 2024
    clearance_m2: 47065
    technical_survey_m2: 0
    non_technical_survey_m2: 0
    mines_destroyed: 8
  previous:
    year: 2023
    clearance_m2: 29309
    technical_survey_m2: 0
    non_technical_survey_m2: 0
    mines_destroyed: 10
  comments:
    clearance: HALO data
clearance_history:
  - year: 2022
    area_km2: 0.02
key_developments:
  - Clearance rose in 2024.
recommendations:
  - Clearance should continue.
capacity:
  management:
    - Testland Mine Action Centre
sections:
  - heading: Contamination
    blocks:
      - p: Contamination is well understood.
`;

/** BASE with one exact piece of text replaced (the replacement must apply). */
function edit(from: string, to: string): string {
  expect(BASE.includes(from), `BASE contains ${JSON.stringify(from)}`).toBe(true);
  return BASE.replace(from, to);
}

function source(text: string, file = 'testland.yaml') {
  const parsed = parseYaml(new TextEncoder().encode(text), file);
  if (!parsed.ok) throw new Error(`does not parse: ${JSON.stringify(parsed.problems)}`);
  return parsed.source;
}

const validate = (text: string) => validateWith(ClearingTheMinesReport, source(text));

/** The problems of invalid text, as "line:column path: message". */
function problems(text: string): string[] {
  const result = validate(text);
  expect(result.ok, 'the text should be invalid').toBe(false);
  return result.ok
    ? []
    : result.problems.map((p: Problem) => `${p.line}:${p.column} ${p.path}: ${p.message}`);
}

describe('the base report', () => {
  it('is valid, with defaults filled in', () => {
    const result = validate(BASE);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.data.tables).toEqual({});
      expect(result.data.notes).toEqual({});
      expect(result.data.capacity.other_actors).toEqual([]);
      expect(result.data.sections[0]?.subsections).toEqual([]);
    }
  });

  it('reports every problem with the file name, as an error', () => {
    const result = validate(edit('clearance_m2: 47065', 'clearance_m2: n/a'));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([
        {
          file: 'testland.yaml',
          line: 15,
          column: 19,
          severity: 'error',
          path: 'land_release.current.clearance_m2',
          message:
            'expected a number of m², { value: N, note: "[^id]" } or { missing: not_reported, not_applicable or unknown }, got \'n/a\'',
        },
      ]);
  });
});

describe('wrong types', () => {
  it('names the unit of an area: "expected a number of m², got \'n/a\'"', () => {
    expect(problems(edit('clearance_m2: 47065', 'clearance_m2: n/a'))).toEqual([
      '15:19 land_release.current.clearance_m2: expected a number of m², { value: N, note: "[^id]" } or { missing: not_reported, not_applicable or unknown }, got \'n/a\'',
    ]);
  });

  it('refuses a number written with a thousands separator (it is text in YAML)', () => {
    expect(problems(edit('clearance_m2: 29309', 'clearance_m2: "29,309"'))).toEqual([
      '21:19 land_release.previous.clearance_m2: expected a number of m², { value: N, note: "[^id]" } or { missing: not_reported, not_applicable or unknown }, got \'29,309\'',
    ]);
  });

  it('names km² and whole numbers', () => {
    expect(problems(edit('area_km2: 0.02', 'area_km2: small'))).toEqual([
      "29:15 clearance_history.0.area_km2: expected a number of km², got 'small'",
    ]);
    expect(problems(edit('mines_destroyed: 10', 'mines_destroyed: 10.5'))).toEqual([
      '24:22 land_release.previous.mines_destroyed: expected a whole number, { value: N, note: "[^id]" }, { missing: not_reported, not_applicable or unknown } or a breakdown { during_clearance, during_survey, spot_tasks, other }, got 10.5',
    ]);
  });

  it('refuses a negative area', () => {
    expect(problems(edit('clearance_m2: 29309', 'clearance_m2: -5'))).toEqual([
      '21:19 land_release.previous.clearance_m2: must be at least 0, got -5',
    ]);
  });

  it('refuses a quoted year', () => {
    expect(problems(edit('edition: 2025', 'edition: "2025"'))).toEqual([
      "3:10 edition: expected a year, got '2025'",
    ]);
  });

  it('refuses empty text and a missing value', () => {
    expect(problems(edit('country: Testland', 'country: ""'))).toEqual([
      '4:10 country: must not be empty',
    ]);
    expect(problems(edit('country: Testland', 'country:'))).toEqual([
      '4:9 country: expected text, got an empty value',
    ]);
  });

  it('refuses a date not written YYYY-MM-DD', () => {
    const text = edit(
      '    status: not_party',
      '    status: party\n    original_deadline: 1 March 2028\n    progress: not_on_track',
    );
    expect(problems(text)).toEqual([
      "8:24 key_data.article5.original_deadline: expected a date written YYYY-MM-DD, got '1 March 2028'",
    ]);
  });

  it('refuses an empty list where at least one item is needed', () => {
    expect(
      problems(edit('key_developments:\n  - Clearance rose in 2024.', 'key_developments: []')),
    ).toEqual(['30:19 key_developments: needs at least 1 item(s)']);
  });
});

describe('unknown fields', () => {
  it('suggests the field meant: "clearence" -> "clearance", at the key', () => {
    expect(problems(edit('    clearance: HALO data', '    clearence: HALO data'))).toEqual([
      '26:5 land_release.comments.clearence: unknown field; did you mean clearance?',
    ]);
  });

  it("reports an unknown key whose value is a block at the key's own line", () => {
    expect(problems(edit('capacity:\n  management:', 'capacity:\n  managment:'))).toEqual([
      '35:3 capacity.managment: unknown field; did you mean management?',
    ]);
    expect(problems(edit('clearance_history:', 'clearence_history:'))).toEqual([
      '27:1 clearence_history: unknown field; did you mean clearance_history?',
    ]);
  });

  it('reports a misspelt required field as unknown, and the real one as missing', () => {
    expect(problems(edit('    clearance_m2: 47065', '    clearence_m2: 47065'))).toEqual([
      '14:5 land_release.current.clearance_m2: missing required field (a number of m², { value: N, note: "[^id]" } or { missing: not_reported, not_applicable or unknown })',
      '15:5 land_release.current.clearence_m2: unknown field; did you mean clearance_m2?',
    ]);
  });

  it('does not suggest a field that is nothing like the unknown one', () => {
    expect(problems(edit('country: Testland', 'country: Testland\nflag_colour: green'))).toEqual([
      '5:1 flag_colour: unknown field',
    ]);
  });

  it('suggests within the option of a union that was chosen', () => {
    expect(
      problems(
        edit('    source: National estimate', '    source: National estimate\n    area_m3: 5'),
      ),
    ).toEqual(['12:5 key_data.contamination.area_m3: unknown field; did you mean area_m2?']);
  });
});

describe('missing fields', () => {
  it('are reported at the mapping that should hold them', () => {
    // land_release.current starts at line 14 ("year: 2024")
    expect(problems(edit('    mines_destroyed: 8\n', ''))).toEqual([
      '14:5 land_release.current.mines_destroyed: missing required field (a whole number, { value: N, note: "[^id]" }, { missing: not_reported, not_applicable or unknown } or a breakdown { during_clearance, during_survey, spot_tasks, other })',
    ]);
  });

  it('a missing section of the file is reported at the top', () => {
    expect(problems(edit('recommendations:\n  - Clearance should continue.\n', ''))).toEqual([
      '1:1 recommendations: missing required field (a list)',
    ]);
  });

  it('an Article 5 party needs a deadline and progress', () => {
    expect(problems(edit('status: not_party', 'status: party'))).toEqual([
      '7:5 key_data.article5.progress: missing required field (one of "on_track", "just_on_track", "not_on_track", "unclear", "not_applicable")',
    ]);
    expect(problems(edit('status: not_party', 'status: party\n    progress: on_track'))).toEqual([
      '7:5 key_data.article5.original_deadline: a State Party has a deadline: give original_deadline, or the extensions granted',
    ]);
  });
});

describe('choices', () => {
  it('lists the allowed values and suggests the closest', () => {
    expect(
      problems(
        edit('      - p: Contamination is well understood.', '      - chart: clearance_trends'),
      ),
    ).toEqual([
      '40:16 sections.0.blocks.0.chart: expected one of "land_release_outputs", "clearance_trend", "mined_area_by_district", got \'clearance_trends\'; did you mean clearance_trend?',
    ]);
  });

  it('reports a wrong discriminator at its value, listing the allowed ones and suggesting the closest', () => {
    expect(problems(edit('status: not_party', 'status: not_a_party'))).toEqual([
      '7:13 key_data.article5.status: expected one of "not_party", "party", got \'not_a_party\'; did you mean not_party?',
    ]);
    expect(problems(edit('    kind: area', '    kind: areas'))).toEqual([
      '9:11 key_data.contamination.kind: expected one of "area", "level", "extent_unknown", "no_reliable_estimate", got \'areas\'; did you mean area?',
    ]);
  });

  it('reports a missing discriminator as a missing field, at the mapping that should hold it', () => {
    expect(problems(edit('    kind: area\n', ''))).toEqual([
      '9:5 key_data.contamination.kind: missing required field (one of "area", "level", "extent_unknown", "no_reliable_estimate")',
    ]);
  });

  it('refuses a block that is none of p, list, table or chart, naming the fields a block has', () => {
    expect(
      problems(edit('      - p: Contamination is well understood.', '      - para: Text.')),
    ).toEqual([
      '40:9 sections.0.blocks.0: expected a mapping with one of the fields p, list, table or chart, got one with para',
    ]);
    expect(
      problems(edit('      - p: Contamination is well understood.', '      - pp: Text.')),
    ).toEqual([
      '40:9 sections.0.blocks.0: expected a mapping with one of the fields p, list, table or chart, got one with pp; did you mean p?',
    ]);
    expect(
      problems(
        edit('      - p: Contamination is well understood.', '      - p: Text.\n        list: [A]'),
      ),
    ).toEqual([
      '40:9 sections.0.blocks.0: expected a mapping with one of the fields p, list, table or chart, got one with p and list',
    ]);
    expect(problems(edit('      - p: Contamination is well understood.', '      - Text.'))).toEqual(
      [
        "40:9 sections.0.blocks.0: expected a mapping with one of the fields p, list, table or chart, got 'Text.'",
      ],
    );
  });

  it('reports the error inside the block form that was chosen', () => {
    expect(problems(edit('      - p: Contamination is well understood.', '      - p: 12'))).toEqual(
      ['40:12 sections.0.blocks.0.p: expected text, got 12'],
    );
  });

  it('names both types a table cell may have', () => {
    const text = `${BASE}other_tables:
  funding:
    caption: Funding
    columns:
      - label: Donor
    rows:
      - [EU, [1, 2]]
`;
    expect(problems(text)).toEqual([
      '47:14 other_tables.funding.rows.0.1: expected text or a number, got a list',
    ]);
  });
});

describe('rules across fields', () => {
  it('clearance history gives either m² or km²', () => {
    expect(problems(edit('    area_km2: 0.02', '    area_km2: 0.02\n    area_m2: 20000'))).toEqual([
      '28:5 clearance_history.0: give the cleared area once, as area_m2 or as area_km2, not both',
    ]);
    expect(problems(edit('\n    area_km2: 0.02', ''))).toEqual([
      '28:5 clearance_history.0: missing the cleared area: give area_m2 or area_km2 (or missing: not_reported)',
    ]);
  });

  it('previous.year must be the year before current.year, reported at previous.year', () => {
    expect(problems(edit('    year: 2023', '    year: 2022'))).toContain(
      '20:11 land_release.previous.year: expected 2023, the year before land_release.current.year',
    );
  });

  it('clearance history holds only years before previous.year', () => {
    expect(problems(edit('  - year: 2022', '  - year: 2023'))).toEqual([
      '28:11 clearance_history.0.year: clearance_history holds years before 2023; later years come from land_release',
    ]);
  });
});

describe('edition metadata', () => {
  it('is checked with the same located messages', () => {
    const meta = `schema_version: 1
report: clearing-the-mines
edition: 2025
title: Clearing the Mines 2025
publisher: Mine Action Review
published: 15 October 2025
licence: CC
website: not a url
`;
    const result = validateWith(EditionMeta, source(meta, '_edition.yaml'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => `${p.line}:${p.column} ${p.path}: ${p.message}`)).toEqual([
        "6:12 published: expected a date written YYYY-MM-DD, got '15 October 2025'",
        "8:10 website: expected a web address, got 'not a url'",
      ]);
    }
  });
});
