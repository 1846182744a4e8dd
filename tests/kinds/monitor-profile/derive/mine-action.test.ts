import { describe, expect, it } from 'vitest';
import {
  landReleaseMismatches,
  landReleaseRows,
  mineActionFacts,
  mineActionRows,
} from '../../../../src/kinds/monitor-profile/derive/mine-action.js';
import { MineActionSection } from '../../../../src/kinds/monitor-profile/schema/report.js';
import { baseMonitor, monitorProblems } from '../../../helpers/monitor.js';

const section = MineActionSection.parse({
  last_updated: '2025-09-30',
  blocks: [{ table: 'mine_action_figures' }],
  contamination: {
    at_end_of: 2024,
    confirmed_km2: 4.82,
    confirmed_areas: 37,
    suspected_km2: 1.35,
    suspected_areas: 1,
  },
  land_release: [
    { year: 2023, cleared_km2: 0.38, reduced_km2: 0.05, cancelled_km2: 0.22 },
    { year: 2024, cleared_km2: 0.46, cancelled_km2: 0.17, stated_total_km2: 0.72 },
  ],
  article5: {
    status: 'party',
    original_deadline: '2009-07-01',
    extensions: [{ decided: '2008-11-28', deadline: '2014-07-01' }],
    pending_request: { submitted: '2025-03-31', deadline: '2029-07-01' },
  },
  article4: { status: 'not_party' },
});

describe('Monitor mine action figures', () => {
  it('print contamination, the year’s land release and the deadlines with their history', () => {
    expect(mineActionRows(section)).toEqual([
      {
        label: 'Confirmed antipersonnel mine contamination (end 2024)',
        value: '4.82km² in 37 areas',
      },
      {
        label: 'Suspected antipersonnel mine contamination (end 2024)',
        value: '1.35km² in 1 area',
      },
      { label: 'Total antipersonnel mine contamination (end 2024)', value: '6.17km²' },
      { label: 'Land released in 2024', value: '0.63km² (0.46km² cleared; 0.17km² cancelled)' },
      {
        label: 'Mine Ban Treaty Article 5 deadline',
        value: '1 July 2014 (extended) (request for extension to 1 July 2029 pending)',
      },
      {
        label: 'Article 5 deadline history',
        value:
          'Original deadline 1 July 2009; extended on 28 November 2008 to 1 July 2014; extension to 1 July 2029 requested on 31 March 2025',
      },
      {
        label: 'Convention on Cluster Munitions Article 4 deadline',
        value: 'Not party to the Convention on Cluster Munitions',
      },
    ]);
  });

  it('derive each year’s total and the total over the years, and check a published total', () => {
    const years = section.land_release ?? [];
    expect(landReleaseRows(years)).toEqual([
      { year: '2023', cells: ['0.38', '0.05', '0.22', '0.65'] },
      { year: '2024', cells: ['0.46', '0', '0.17', '0.63'] },
      { year: 'Total', cells: ['0.84', '0.05', '0.39', '1.28'] },
    ]);
    expect(landReleaseMismatches(years)).toEqual([
      {
        index: 1,
        message:
          '2024: the parts sum to 0.63km² (0.46km² + 0km² + 0.17km²), but the total given is 0.72km²; the PDF prints 0.63km²',
      },
    ]);
    const f = mineActionFacts(section);
    expect(f.get('land_release_all_km2')).toBe('1.28km²');
    expect(f.get('land_release_years')).toBe('2023–2024');
    expect(f.get('article5_deadline')).toBe('1 July 2014 (extended)');
  });

  it('warn when the deadline contradicts the policy section’s treaty status', () => {
    const r = baseMonitor();
    (r.sections.mine_ban_policy as Record<string, unknown>).treaty = { status: 'not_party' };
    (r.sections.mine_ban_policy as Record<string, unknown>).blocks = [
      { p: 'Testland supports the ban.[^a] It has no stockpile.[^b]' },
      { table: 'treaty_status' },
    ];
    r.sections.mine_action = {
      last_updated: '2014-06-01',
      blocks: [{ table: 'mine_action_figures' }],
      article5: { status: 'party', original_deadline: '2009-07-01' },
    };
    expect(monitorProblems(r).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'sections.mine_action.article5.status: article5 says party, but mine_ban_policy.treaty says not party: a Mine Ban Treaty deadline applies to a State Party only',
    ]);
  });
});
