import { describe, expect, it } from 'vitest';
import {
  deriveMonitorProfile,
  donorKey,
  numberSectionNotes,
  presentSections,
  resolveNote,
  TEXT_NOT_AVAILABLE,
} from '../../../../src/kinds/monitor-profile/derive/report.js';
import { MonitorProfileReport } from '../../../../src/kinds/monitor-profile/schema/report.js';
import { baseMonitor, kosovo2014, RATES } from '../../../helpers/monitor.js';

describe('a Monitor profile, derived', () => {
  const d = deriveMonitorProfile(kosovo2014().data, RATES);

  it('numbers each section’s notes afresh, in the order its text cites them', () => {
    expect(d.sections.map((s) => s.notes.length)).toEqual([3, 4, 12, 7, 3]);
    for (const s of d.sections)
      expect(s.notes.map((n) => n.n)).toEqual(s.notes.map((_, i) => i + 1));
    expect(
      numberSectionNotes([
        { path: [], text: 'a[^x] b[^y]' },
        { path: [], text: 'c[^x] d[^z]' },
      ]),
    ).toEqual(
      new Map([
        ['x', 1],
        ['y', 2],
        ['z', 3],
      ]),
    );
  });

  it('marks the note whose text the source lost', () => {
    const casualties = d.sections.find((s) => s.key === 'casualties_and_victim_assistance');
    expect(casualties?.notes.filter((n) => n.unavailable).map((n) => n.n)).toEqual([6]);
    expect(resolveNote({ text_not_available: true }, RATES, undefined)).toBe(TEXT_NOT_AVAILABLE);
  });

  it('writes the rate note from the reference data, for the currencies the table uses', () => {
    const support = d.sections.find((s) => s.key === 'support_for_mine_action');
    expect(support?.notes[1]?.markdown).toBe(
      'Average exchange rate for 2012: CHF0.9377=US$1; €1=US$1.2859. US Federal Reserve, “List of Exchange Rates (Annual),” 3 January 2013.',
    );
    expect(resolveNote({ exchange_rates: 1999 }, RATES, undefined)).toBe(TEXT_NOT_AVAILABLE);
  });

  it('gives prose the money and casualty figures by name', () => {
    expect(d.facts.get('donor_count')).toBe('four');
    expect(d.facts.get('contributions_total')).toBe('US$1,330,814');
    expect(d.facts.get('contribution:belgium')).toBe('€750,528 ($965,104)');
    expect(d.facts.has('contribution:switzerland')).toBe(false);
    expect(d.facts.get('casualties_all_killed')).toBe('115');
    expect(donorKey('United States')).toBe('united_states');
  });

  it('leaves withdrawn and absent sections out, in the published order', () => {
    const r = baseMonitor();
    r.sections.mine_action = { withdrawn: true };
    r.sections.cluster_munition_ban_policy = { last_updated: '2014-01-01', blocks: [{ p: 'x' }] };
    const parsed = MonitorProfileReport.parse(r);
    expect(presentSections(parsed).map((s) => s.key)).toEqual([
      'mine_ban_policy',
      'cluster_munition_ban_policy',
    ]);
  });
});
