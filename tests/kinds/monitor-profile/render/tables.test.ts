import { describe, expect, it } from 'vitest';
import { deriveMonitorProfile } from '../../../../src/kinds/monitor-profile/derive/report.js';
import {
  casualtiesByYearTable,
  contributionsTable,
  genericTable,
} from '../../../../src/kinds/monitor-profile/render/tables.js';
import {
  CasualtyFigures,
  MonitorTable,
} from '../../../../src/kinds/monitor-profile/schema/report.js';
import { baseMonitor, monitorFromObject, monitorProblems } from '../../../helpers/monitor.js';

const md = (s: string) => s;
const cells = (t: { body: { cells: { html: string }[] }[] }) =>
  t.body.map((r) => r.cells.map((c) => c.html));

describe('Monitor tables', () => {
  it('print a year column as written, decimals per column, and no caption unless given', () => {
    const t = MonitorTable.parse({
      columns: [
        { label: 'Year', type: 'year' },
        { label: 'Cleared (km²)', type: 'number', decimals: 2 },
        { label: 'Areas', type: 'number' },
      ],
      rows: [
        [2020, 1.5, 1200],
        [2021, 0.125, null],
      ],
    });
    const v = genericTable('t', t, md);
    expect(cells(v)).toEqual([
      ['2020', '1.50', '1,200'],
      ['2021', '0.13', '–'],
    ]);
    expect(v.captionHtml).toBeUndefined();
    expect(
      MonitorTable.safeParse({ ...t, columns: [{ label: 'A', decimals: 1 }], rows: [[1]] }).error
        ?.issues[0]?.message,
    ).toBe('decimals apply to a number column, not a text column');
  });

  it('print casualties by year, a year without figures as "Not available", only the groups recorded', () => {
    const f = CasualtyFigures.parse({
      year: 2024,
      all_known: { to_end_of: 2024, total: 'unknown' },
      annual: [
        { year: 2022, not_available: true },
        { year: 2023, total: 41, killed: 12, injured: 26, unknown_outcome: 3 },
        { year: 2024, total: 37, killed: 10, injured: 25, unknown_outcome: 2, children: 14 },
      ],
    });
    const v = casualtiesByYearTable('c', f);
    expect(v?.head[0]?.cells.map((c) => c.html)).toEqual([
      'Year',
      'Killed',
      'Injured',
      'Unknown outcome',
      'Total',
      'Children',
    ]);
    expect(cells(v as NonNullable<typeof v>)).toEqual([
      ['2022', 'Not available', '', '', '', ''],
      ['2023', '12', '26', '3', '41', '–'],
      ['2024', '10', '25', '2', '37', '14'],
    ]);
  });

  it('print one amount style per column, and say once which US$ values are missing and why', () => {
    const r = baseMonitor();
    r.sections.support_for_mine_action = {
      last_updated: '2014-06-01',
      blocks: [{ table: 'contributions' }],
      contributions: {
        caption: 'International contributions: 2013',
        year: 2013,
        stated_total_usd: 2_000_000,
        rows: [
          { donor: 'European Union', currency: 'EUR', amount: 1_250_000 },
          { donor: 'Norway', currency: 'NOK', amount: 350_000 },
          { donor: 'Japan', currency: 'JPY', amount: 1_000_000, usd: 10_200 },
          { donor: 'United States', currency: 'USD', amount: 350_000 },
        ],
      },
    };
    const d = deriveMonitorProfile(monitorFromObject(r).data);
    const v = contributionsTable('c', d.sections[1] as (typeof d.sections)[number], md);
    expect(cells(v as NonNullable<typeof v>).map((row) => row.slice(2))).toEqual([
      ['€1,250,000', '–'],
      ['NOK350,000', '–'],
      ['¥1,000,000', '10,200'],
      ['US$350,000', '350,000'],
      ['', '2,000,000'],
    ]);
    expect(v?.notes).toEqual([
      'No average exchange rate for 2013 is known for EUR and NOK: the US$ values of those contributions are not available.',
      'The total is as published; the US$ values of the contributions in EUR and NOK are not available.',
    ]);
  });

  it('derive US$ from rates the profile states for a year the reference lacks, and print their note', () => {
    const r = baseMonitor();
    r.sections.support_for_mine_action = {
      last_updated: '2014-06-01',
      blocks: [{ table: 'contributions' }],
      contributions: {
        caption: 'International contributions: 2013[^r]',
        year: 2013,
        rows: [
          { donor: 'European Union', currency: 'EUR', amount: 1_000_000 },
          { donor: 'Norway', currency: 'NOK', amount: 600_000 },
        ],
        stated_rates: {
          rates: [
            { currency: 'EUR', usd_per_unit: 1.3281 },
            { currency: 'NOK', per_usd: 5.8772 },
          ],
          source: {
            kind: 'web_page',
            author: 'A Test Bank',
            title: 'Annual Rates',
            date: '2014-01-02',
          },
        },
      },
      notes: { r: { exchange_rates: 2013 } },
    };
    const d = deriveMonitorProfile(monitorFromObject(r).data);
    const s = d.sections[1] as (typeof d.sections)[number];
    const v = contributionsTable('c', s, md);
    expect(cells(v as NonNullable<typeof v>).map((row) => row[3])).toEqual([
      '1,328,100',
      '102,089',
      '1,430,189',
    ]);
    expect(v?.notes).toEqual([]);
    expect(s.notes[0]?.markdown).toBe(
      'Average exchange rate for 2013: €1=US$1.3281; NOK5.8772=US$1. A Test Bank, “Annual Rates,” 2 January 2014.',
    );
    expect(monitorProblems(r)).toEqual([]);
  });
});
