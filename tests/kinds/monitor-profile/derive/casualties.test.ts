import { describe, expect, it } from 'vitest';
import {
  casualtyFacts,
  casualtyMismatches,
  casualtyRows,
} from '../../../../src/kinds/monitor-profile/derive/casualties.js';
import { CasualtyFigures } from '../../../../src/kinds/monitor-profile/schema/report.js';

const kosovo = CasualtyFigures.parse({
  year: 2013,
  all_known: { to_end_of: 2013, total: 569, killed: 115, injured: 454 },
  annual: [
    { year: 2012, total: 7, killed: 1, injured: 6 },
    { year: 2013, total: 0, killed: 0, injured: 0 },
  ],
  by_item_type: null,
});

/** A record as real ones are: an unknown all-time total, unknown outcomes, a lost year. */
const fuller = CasualtyFigures.parse({
  year: 2024,
  all_known: { to_end_of: 2024, total: 'unknown', at_least: 3120 },
  annual: [
    { year: 2022, not_available: true },
    { year: 2023, total: 41, killed: 12, injured: 26, unknown_outcome: 3 },
    {
      year: 2024,
      total: 37,
      killed: 10,
      injured: 25,
      unknown_outcome: 2,
      civilians: 35,
      children: 14,
      deminers: 1,
    },
  ],
});

describe('casualty key figures', () => {
  it('read as seed 000 prints them, the lost item types as a dash', () => {
    expect(casualtyRows(kosovo)).toEqual([
      {
        label: 'All known casualties by end 2013',
        value: '569 mine/ERW casualties (115 killed; 454 injured)',
      },
      { label: 'Casualties in 2013', value: '0 (2012: 7)' },
      { label: '2013 casualties by outcome', value: '0 (2012: 1 killed; 6 injured)' },
      { label: '2013 casualties by item type', value: undefined },
    ]);
  });

  it('word a year with casualties by outcome, and list item types when known', () => {
    const f = CasualtyFigures.parse({
      ...kosovo,
      annual: [kosovo.annual[0], { year: 2013, total: 3, killed: 1, injured: 2 }],
      by_item_type: [
        { item: 'antipersonnel mine', casualties: 2 },
        { item: 'ERW', casualties: 1 },
      ],
    });
    const rows = casualtyRows(f);
    expect(rows[2]?.value).toBe('1 killed; 2 injured (2012: 1 killed; 6 injured)');
    expect(rows[3]?.value).toBe('2 antipersonnel mine; 1 ERW');
    const { by_item_type: _, ...without } = kosovo;
    expect(casualtyRows(CasualtyFigures.parse(without))).toHaveLength(3);
  });

  it('say "Unknown" for an unknown total, count unknown outcomes and name the groups', () => {
    expect(casualtyRows(fuller)).toEqual([
      {
        label: 'All known casualties by end 2024',
        value: 'Unknown; at least 3,120 mine/ERW casualties',
      },
      { label: 'Casualties in 2024', value: '37 (2023: 41)' },
      {
        label: '2024 casualties by outcome',
        value: '10 killed; 25 injured; 2 unknown (2023: 12 killed; 26 injured; 3 unknown)',
      },
      { label: '2024 casualties by group', value: '35 civilians (14 children); 1 deminer' },
    ]);
  });

  it('say "not available" for a year the source has no figures for', () => {
    const f = CasualtyFigures.parse({ ...fuller, year: 2023 });
    expect(casualtyRows(f)[1]).toEqual({
      label: 'Casualties in 2023',
      value: '41 (2022: not available)',
    });
    const g = CasualtyFigures.parse({
      ...fuller,
      annual: [
        { year: 2023, total: 1, killed: 1, injured: 0 },
        { year: 2024, not_available: true },
      ],
    });
    expect(casualtyRows(g)[1]?.value).toBe('Not available (2023: 1)');
  });

  it('find each group whose outcomes do not add up to its total, unknown outcomes counted', () => {
    expect(casualtyMismatches(kosovo)).toEqual([]);
    expect(casualtyMismatches(fuller)).toEqual([]);
    const bad = CasualtyFigures.parse({
      ...kosovo,
      all_known: { to_end_of: 2013, total: 569, killed: 115, injured: 450 },
    });
    expect(casualtyMismatches(bad)).toEqual([
      {
        path: ['all_known', 'total'],
        message:
          'all known casualties by end 2013: killed plus injured is 565 (115 + 450), but the total is 569',
      },
    ]);
  });

  it('refuse a key-figure year missing from annual, a year listed twice, and at_least with a known total', () => {
    const issues = (v: unknown) =>
      CasualtyFigures.safeParse(v).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ ...kosovo, year: 2014 })).toEqual([
      'year: annual has no entry for 2014, the year the key figures report',
    ]);
    expect(issues({ ...kosovo, annual: [...kosovo.annual, kosovo.annual[1]] })).toEqual([
      'annual.2.year: 2013 is listed twice',
    ]);
    expect(issues({ ...kosovo, all_known: { ...kosovo.all_known, at_least: 3 } })).toEqual([
      'all_known.at_least: at_least goes with total: unknown; a known total says the number itself',
    ]);
  });

  it('give prose the figures by name, an unknown total as "unknown"', () => {
    const f = casualtyFacts(kosovo);
    expect(f.get('casualties_all_total')).toBe('569');
    expect(f.get('casualties_previous_total_words')).toBe('seven');
    const g = casualtyFacts(fuller);
    expect(g.get('casualties_all_total')).toBe('unknown');
    expect(g.get('casualties_all_at_least')).toBe('3,120');
    expect(g.get('casualties_year_unknown')).toBe('2');
    expect(g.get('casualties_year_children')).toBe('14');
    expect(g.has('casualties_all_killed')).toBe(false);
  });
});
