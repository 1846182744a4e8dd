import { describe, expect, it } from 'vitest';
import {
  casualtyFacts,
  casualtyRows,
  outcomeMismatches,
} from '../../src/derive/monitor-profile-casualties.js';
import { CasualtyFigures } from '../../src/schema/monitor-profile.js';

const kosovo = CasualtyFigures.parse({
  year: 2013,
  all_known: { to_end_of: 2013, total: 569, killed: 115, injured: 454 },
  in_year: { total: 0, killed: 0, injured: 0 },
  previous_year: { total: 7, killed: 1, injured: 6 },
  by_item_type: null,
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
      in_year: { total: 3, killed: 1, injured: 2 },
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

  it('finds each group whose killed plus injured is not its total', () => {
    expect(outcomeMismatches(kosovo)).toEqual([]);
    const bad = CasualtyFigures.parse({
      ...kosovo,
      all_known: { to_end_of: 2013, total: 569, killed: 115, injured: 450 },
    });
    expect(outcomeMismatches(bad)).toEqual([
      {
        path: ['all_known', 'total'],
        group: 'all known casualties by end 2013',
        figures: { to_end_of: 2013, total: 569, killed: 115, injured: 450 },
      },
    ]);
  });

  it('gives prose the figures by name', () => {
    const f = casualtyFacts(kosovo);
    expect(f.get('casualties_all_total')).toBe('569');
    expect(f.get('casualties_previous_total_words')).toBe('seven');
  });
});
