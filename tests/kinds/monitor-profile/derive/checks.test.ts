import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../../src/data/problem.js';
import type { ExchangeRates } from '../../../../src/schema/exchange-rates.js';
import { baseMonitor, kosovo2014, monitorProblems } from '../../../helpers/monitor.js';
import { checkReport, deriveReport } from '../../../../src/commands/report.js';

/** Findings as sorted text: errors first, then by path. */
const messages = (value: unknown, rates?: ExchangeRates) =>
  monitorProblems(value, rates)
    .map((p) => `${p.severity}: ${p.path}: ${p.message}`)
    .sort();

/** The base profile with one more section: casualties or support, as given. */
function withSection(key: string, section: Record<string, unknown>) {
  const r = baseMonitor();
  r.sections[key] = section;
  return r;
}

describe('checks of a Monitor profile', () => {
  it('the base profile passes; the real Kosovo 2014 file warns only of its lost note', () => {
    expect(messages(baseMonitor())).toEqual([]);
    expect(checkReport(deriveReport(kosovo2014())).map(formatProblem)).toEqual([
      expect.stringMatching(
        /^kosovo\.yaml:\d+:9: warning: sections\.casualties_and_victim_assistance\.notes\.n6: the text of footnote \[6\] is not available/,
      ),
    ]);
  });

  it('refuses a profile left with no section at all (nothing updated, nothing inherited)', () => {
    const r = baseMonitor();
    r.sections = {};
    expect(messages(r)).toEqual([
      'error: sections: the profile has no section to print: this file updates none, and no earlier edition supplies one',
    ]);
  });

  it('resolves footnotes within their own section', () => {
    const r = baseMonitor();
    const s = r.sections.mine_ban_policy as {
      blocks: Record<string, unknown>[];
      notes: Record<string, unknown>;
    };
    s.blocks.push({ p: 'Again.[^a] Missing.[^zz]' });
    s.notes.unused = 'Never cited.';
    s.notes.b = { parts: [{ text: 'See[^a]' }] };
    expect(messages(r)).toEqual([
      'error: sections.mine_ban_policy.blocks.1.p: cites footnote [^a] a second time; a note is cited once (write a new note, e.g. "Ibid.")',
      "error: sections.mine_ban_policy.blocks.1.p: cites footnote [^zz], which is not defined under this section's notes",
      'error: sections.mine_ban_policy.notes.b: a footnote cannot cite another footnote ([^a])',
      'warning: sections.mine_ban_policy.notes.unused: footnote is defined but never cited in its section',
    ]);
  });

  it('warns when killed plus injured is not the total', () => {
    const r = withSection('casualties_and_victim_assistance', {
      last_updated: '2014-06-01',
      casualty_figures: {
        year: 2013,
        all_known: { to_end_of: 2013, total: 569, killed: 115, injured: 450 },
        annual: [
          { year: 2012, total: 7, killed: 2, injured: 6 },
          { year: 2013, total: 0, killed: 0, injured: 0 },
        ],
      },
      blocks: [{ table: 'casualty_overview' }],
    });
    expect(messages(r)).toEqual([
      'warning: sections.casualties_and_victim_assistance.casualty_figures.all_known.total: all known casualties by end 2013: killed plus injured is 565 (115 + 450), but the total is 569',
      'warning: sections.casualties_and_victim_assistance.casualty_figures.annual.0.total: casualties in 2012: killed plus injured is 8 (2 + 6), but the total is 7',
    ]);
  });

  it('counts unknown outcomes in the total, and a year not available is no error', () => {
    const r = withSection('casualties_and_victim_assistance', {
      last_updated: '2014-06-01',
      casualty_figures: {
        year: 2013,
        all_known: { to_end_of: 2013, total: 'unknown', at_least: 600 },
        annual: [
          { year: 2011, not_available: true },
          {
            year: 2012,
            total: 9,
            killed: 1,
            injured: 6,
            unknown_outcome: 2,
            civilians: 9,
            children: 4,
          },
          {
            year: 2013,
            total: 5,
            killed: 1,
            injured: 2,
            unknown_outcome: 1,
            children: 6,
            deminers: 1,
          },
        ],
      },
      blocks: [{ table: 'casualty_overview' }, { table: 'casualties_by_year' }],
    });
    expect(messages(r)).toEqual([
      'warning: sections.casualties_and_victim_assistance.casualty_figures.annual.2.children: 2013: 6 children is more than the 5 casualties of the year',
      'warning: sections.casualties_and_victim_assistance.casualty_figures.annual.2.total: casualties in 2013: killed plus injured plus unknown outcome is 4 (1 + 2 + 1), but the total is 5',
    ]);
  });

  it('checks tables are placed once and drawn from data the section gives', () => {
    const r = withSection('support_for_mine_action', {
      last_updated: '2014-06-01',
      blocks: [{ table: 'contributions' }, { table: 'casualty_overview' }, { table: 'nope' }],
      tables: { spare: { caption: 'Spare', columns: [{ label: 'A' }], rows: [['x']] } },
      contribution_summary: { caption: 'Summary', years: [] },
    });
    expect(messages(r)).toEqual([
      'error: sections.support_for_mine_action.blocks.0.table: the contributions table is drawn from contributions, which this section does not give',
      'error: sections.support_for_mine_action.blocks.1.table: the casualty_overview table belongs to the casualties_and_victim_assistance section',
      "error: sections.support_for_mine_action.blocks.2.table: no table 'nope' under this section's tables (defined: spare)",
      'warning: sections.support_for_mine_action.contribution_summary: contribution_summary is given but its table is never placed (add a `- table: contribution_summary` block)',
      'warning: sections.support_for_mine_action.tables.spare: table is defined but never placed (add a `- table: spare` block)',
    ]);
  });

  it('checks the retained balance year on year, and where the treaty tables may go', () => {
    const r = baseMonitor();
    const s = r.sections.mine_ban_policy as Record<string, unknown>;
    s.treaty = {
      status: 'state_party',
      joined: { how: 'accession', date: '1999-01-14' },
      entry_into_force: '1999-07-01',
      retained: [
        { year: 2023, balance: 1036 },
        { year: 2024, balance: 980, consumed: 56 },
        { year: 2025, balance: 950, added: 4, consumed: 56 },
      ],
    };
    s.blocks = [...(s.blocks as unknown[]), { table: 'treaty_status' }, { table: 'retained' }];
    r.sections.casualties_and_victim_assistance = {
      last_updated: '2014-06-01',
      blocks: [{ p: 'Text.' }, { table: 'treaty_status' }],
    };
    expect(messages(r)).toEqual([
      'error: sections.casualties_and_victim_assistance.blocks.1.table: the treaty_status table belongs to the mine_ban_policy or cluster_munition_ban_policy section',
      'warning: sections.mine_ban_policy.treaty.retained.2.balance: 2025: 980 + 4 - 56 = 928 mines (the 2024 balance, plus added, less consumed), but the balance given is 950',
    ]);
    s.blocks = (s.blocks as unknown[]).slice(0, 1);
    delete r.sections.casualties_and_victim_assistance;
    expect(messages(r)).toEqual([
      'warning: sections.mine_ban_policy.treaty.retained.2.balance: 2025: 980 + 4 - 56 = 928 mines (the 2024 balance, plus added, less consumed), but the balance given is 950',
      'warning: sections.mine_ban_policy.treaty: treaty is given but its table is never placed (add a `- table: treaty_status` block)',
    ]);
  });

  it('warns of text typed in a number or year column, at the cell', () => {
    const r = baseMonitor();
    const s = r.sections.mine_ban_policy as Record<string, unknown>;
    s.blocks = [...(s.blocks as unknown[]), { table: 't' }];
    s.tables = {
      t: {
        columns: [
          { label: 'Year', type: 'year' },
          { label: 'Area (km²)', type: 'number', decimals: 2 },
          { label: 'Note' },
        ],
        rows: [
          [2020, 1.5, 'fine'],
          ['2021', 'n/a', null],
        ],
      },
    };
    expect(messages(r)).toEqual([
      'warning: sections.mine_ban_policy.tables.t.rows.1.0: text "2021" in the year column "Year": write a number (null where the source lost it), or make the column type: text',
      'warning: sections.mine_ban_policy.tables.t.rows.1.1: text "n/a" in the number column "Area (km²)": write a number (null where the source lost it), or make the column type: text',
    ]);
  });

  it('says when a profile states rates for a year the reference already lists', () => {
    const r = withSection('support_for_mine_action', {
      last_updated: '2014-06-01',
      blocks: [{ table: 'contributions' }],
      contributions: {
        caption: 'International contributions: 2012',
        year: 2012,
        rows: [{ donor: 'Belgium', currency: 'EUR', amount: 750_528 }],
        stated_rates: {
          rates: [{ currency: 'EUR', usd_per_unit: 1.3 }],
          source: { kind: 'web_page', title: 'Rates', date: '2013-01-03' },
        },
      },
    });
    expect(messages(r)).toEqual([
      'warning: sections.support_for_mine_action.contributions.stated_rates: data/reference/exchange-rates.yaml already lists the 2012 rates; these are not used',
    ]);
  });

  it('checks money: unknown rates, published values and totals that disagree, a rate note without rates', () => {
    const r = withSection('support_for_mine_action', {
      last_updated: '2014-06-01',
      blocks: [{ p: '{=contributions_total}[^r] {=nothing}' }, { table: 'contributions' }],
      contributions: {
        caption: 'International contributions: 2012',
        year: 2012,
        stated_total_usd: 1_000_000,
        rows: [
          { donor: 'Belgium', currency: 'EUR', amount: 750_528, usd: 965_000 },
          { donor: 'Norway', currency: 'NOK', amount: 1000, usd: 170 },
        ],
      },
      notes: { r: { exchange_rates: 2011 } },
    });
    expect(messages(r)).toEqual([
      'error: sections.support_for_mine_action.blocks.0.p: unknown derived value {=nothing}; known: contributions_year, donor_count, contributions_total, contribution:belgium, contribution:norway',
      'error: sections.support_for_mine_action.notes.r.exchange_rates: no average exchange rates for 2011 in data/reference/exchange-rates.yaml (or stated_rates of the contributions)',
      'warning: sections.support_for_mine_action.contributions.rows.0.usd: the published US$965,000 differs from US$965,104 at the 2012 average rate; the PDF prints the derived value',
      'warning: sections.support_for_mine_action.contributions.stated_total_usd: the published total is US$1,000,000 but the rows sum to US$965,274; the PDF prints US$965,274',
    ]);
    const noRate = withSection('support_for_mine_action', {
      last_updated: '2014-06-01',
      blocks: [{ table: 'contributions' }],
      contributions: {
        caption: 'C',
        year: 2013,
        rows: [{ donor: 'Belgium', currency: 'EUR', amount: 1 }],
      },
    });
    expect(messages(noRate)).toEqual([
      'warning: sections.support_for_mine_action.contributions.rows.0.amount: no US$ value for EUR: no average rate for 2013 is known (add it to data/reference/exchange-rates.yaml with its source, or give the published usd); the PDF prints a dash and says so once under the table',
    ]);
  });

  it('warns of a section dated after the edition’s publication', () => {
    const r = baseMonitor();
    (r.sections.mine_ban_policy as Record<string, unknown>).last_updated = '2014-12-01';
    expect(messages(r)).toEqual([
      "warning: sections.mine_ban_policy.last_updated: last updated 1 December 2014, after the edition's publication date, 24 November 2014 (published in _edition.yaml)",
    ]);
  });
});
