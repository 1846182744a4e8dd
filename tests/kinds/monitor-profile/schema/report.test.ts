import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MonitorProfileReport } from '../../../../src/kinds/monitor-profile/schema/report.js';
import {
  baseMonitor,
  MONITOR_2014_FILE,
  MONITOR_2019_FILE,
  RATES_FILE,
} from '../../../helpers/monitor.js';

const issues = (v: unknown) => {
  const r = MonitorProfileReport.safeParse(v);
  return r.success
    ? []
    : r.error.issues.map((i) => `${i.path.join('.')}: ${i.code === 'custom' ? i.message : i.code}`);
};

describe('the Monitor profile schema', () => {
  it('accepts both Kosovo files', () => {
    for (const f of [MONITOR_2014_FILE, MONITOR_2019_FILE])
      expect(issues(parse(readFileSync(f, 'utf8'))), f).toEqual([]);
  });

  it('takes an edition file that updates no section: it carries the profile forward (new-edition writes one)', () => {
    const r = baseMonitor();
    r.sections = {};
    expect(issues(r)).toEqual([]);
    r.sections = { mine_action: { withdrawn: true, reason: 'merged into another section' } };
    expect(issues(r)).toEqual([]);
  });

  it('takes a review status (a draft when none is given) and dated corrections', () => {
    const r = baseMonitor() as Record<string, unknown>;
    expect(MonitorProfileReport.parse(r).status).toBe('draft');
    r.status = 'final';
    r.corrections = [
      { date: '2014-12-01', change: 'Casualties in 2013: 5, not 4', reason: 'a late report' },
    ];
    expect(issues(r)).toEqual([]);
    r.status = 'approved';
    expect(issues(r)).toEqual(['status: invalid_value']);
  });

  it('knows the five sections only', () => {
    const r = baseMonitor();
    r.sections.risk_education = { last_updated: '2014-01-01', blocks: [{ p: 'x' }] };
    expect(issues(r)).toEqual(['sections: unrecognized_keys']);
  });

  it('keeps casualty figures to the casualties section, money to the support section', () => {
    const r = baseMonitor();
    (r.sections.mine_ban_policy as Record<string, unknown>).contributions = {
      caption: 'x',
      year: 2012,
      rows: [],
    };
    expect(issues(r)).not.toEqual([]);
  });

  it('writes a lost value as null, and checks table rows against the columns', () => {
    const r = baseMonitor();
    const s = r.sections.mine_ban_policy as Record<string, unknown>;
    s.tables = {
      t: {
        caption: 'T',
        columns: [{ label: null }, { label: 'B', type: 'number' }],
        rows: [[null, null], ['x']],
      },
    };
    expect(issues(r)).toEqual([
      'sections.mine_ban_policy.tables.t.rows.1: has 1 cell(s); the table has 2 column(s)',
    ]);
  });

  it('wants a currency with every amount, and no published US$ for an amount in US$', () => {
    const r = baseMonitor();
    r.sections.support_for_mine_action = {
      last_updated: '2014-01-01',
      blocks: [{ table: 'contributions' }],
      contributions: {
        caption: 'C',
        year: 2012,
        rows: [
          { donor: 'A', currency: null, amount: 5 },
          { donor: 'B', currency: 'USD', amount: 5, usd: 5 },
          { donor: null, sector: null, currency: 'eur', amount: null },
        ],
      },
    };
    expect(issues(r)).toEqual([
      'sections.support_for_mine_action.contributions.rows.0.currency: an amount needs its currency',
      'sections.support_for_mine_action.contributions.rows.1.usd: the amount is already in US$; leave usd out',
      'sections.support_for_mine_action.contributions.rows.2.currency: invalid_format',
    ]);
  });
});

describe('the Monitor data files', () => {
  it('point editors at their JSON Schemas', () => {
    for (const f of [MONITOR_2014_FILE, MONITOR_2019_FILE]) {
      expect(readFileSync(f, 'utf8').split('\n')[0]).toBe(
        '# yaml-language-server: $schema=../../../../schemas/monitor-profile.json',
      );
    }
    expect(readFileSync(RATES_FILE, 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../schemas/exchange-rates.json',
    );
  });
});
