import { describe, expect, it } from 'vitest';
import {
  numberNotes,
  numberTablesAndFigures,
} from '../../../../src/kinds/clearing-the-mines/derive/numbering.js';
import { ClearingTheMinesReport } from '../../../../src/kinds/clearing-the-mines/schema/report.js';
import { arcadia, baseReport, kosovo } from '../../../helpers/reports.js';

const parse = (r: unknown) => ClearingTheMinesReport.parse(r);

describe('numberNotes: footnotes are numbered 1..N in order of first citation', () => {
  it("numbers Kosovo's notes n1..n60 as 1..60, as the publication printed them", () => {
    const numbers = numberNotes(kosovo().data);
    expect(numbers.size).toBe(60);
    for (let i = 1; i <= 60; i++) expect(numbers.get(`n${i}`), `n${i}`).toBe(i);
  });

  it('follows the text, not the order of the notes mapping', () => {
    const r = baseReport();
    r.key_developments = ['First.[^zulu]', 'Second.[^alpha] Third.[^mike]'];
    r.sections[0]!.blocks = [{ p: 'Body.[^bravo]' }];
    r.notes = { alpha: 'A.', bravo: 'B.', mike: 'M.', zulu: 'Z.' };
    expect([...numberNotes(parse(r))]).toEqual([
      ['zulu', 1],
      ['alpha', 2],
      ['mike', 3],
      ['bravo', 4],
    ]);
  });

  it('keeps the first number of a note cited again (an error the checks report)', () => {
    const r = baseReport();
    r.key_developments = ['First.[^a] Second.[^b]'];
    r.sections[0]!.blocks = [{ p: 'Again.[^a]' }];
    expect([...numberNotes(parse(r))]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('reads key developments, recommendations, performance commentary, capacity, then the sections', () => {
    const r = baseReport();
    r.key_developments = ['KD.[^kd]'];
    r.recommendations = ['Rec.[^rec]'];
    r.capacity = { management: ['Centre[^cap]'] } as typeof r.capacity;
    r.sections[0]!.blocks = [{ p: 'Body.[^body]' }];
    r.notes = { body: 'B.', cap: 'C.', rec: 'R.', kd: 'K.' };
    expect([...numberNotes(parse(r)).keys()]).toEqual(['kd', 'rec', 'cap', 'body']);
  });

  it('numbers a note cited in a table caption, cell or table note where the table is placed', () => {
    const r = baseReport();
    r.other_tables = {
      donors: {
        caption: 'Donors[^cap]',
        columns: [{ label: 'Donor' }, { label: 'Amount', numeric: true }],
        rows: [['EU[^cell]', 5]],
        notes: ['Source: ministry.[^tnote]'],
      },
    };
    r.sections[0]!.blocks = [
      { p: 'Before.[^before]' },
      { table: 'donors' },
      { p: 'After.[^after]' },
    ];
    r.key_developments = ['No note.'];
    r.notes = { after: '1', before: '2', cap: '3', cell: '4', tnote: '5' };
    expect([...numberNotes(parse(r)).keys()]).toEqual(['before', 'cap', 'cell', 'tnote', 'after']);
  });

  it('numbers the non-numeric ids of the Arcadia fixture in text order', () => {
    const n = numberNotes(arcadia().data);
    expect(n.size).toBe(20);
    expect(n.get('ext-decision.21msp.box')).toBe(1); // KEY DATA: the deadline's note comes first
    expect(n.get('nmaa-2025-04')).toBe(2);
    expect(n.get('ext-decision.21msp')).toBe(3);
    expect(n.get('nmaa-strategy.p12')).toBe(4); // performance commentary, before the body
    expect(n.get('baseline_2019')).toBe(7);
    expect(n.get('fund-trust')).toBe(10); // a cell of the generic funding table
    expect(n.get('ext-request-2022')).toBe(20);
  });
});

describe('numberTablesAndFigures: tables and figures are numbered in the order the body places them', () => {
  it("numbers Kosovo's eight tables as published and its two charts", () => {
    const { tables, figures } = numberTablesAndFigures(kosovo().data);
    expect([...tables]).toEqual([
      ['mined_area_by_district', 1],
      ['contamination_by_type', 2],
      ['gender_composition', 3],
      ['clearance_capacity', 4],
      ['land_release_summary', 5],
      ['survey_by_district', 6],
      ['clearance_by_district', 7],
      ['five_year_clearance', 8],
    ]);
    expect([...figures]).toEqual([
      ['mined_area_by_district', 1],
      ['clearance_trend', 2],
    ]);
  });

  it('numbers generic tables in the same sequence as structured ones', () => {
    const { tables, figures } = numberTablesAndFigures(arcadia().data);
    expect(tables.get('funding_by_donor')).toBe(3);
    expect(tables.get('gender_composition')).toBe(4);
    expect(tables.size).toBe(9);
    expect([...figures.keys()]).toEqual([
      'mined_area_by_district',
      'land_release_outputs',
      'clearance_trend',
    ]);
  });
});
