import { describe, expect, it } from 'vitest';
import {
  contributionNotes,
  deriveContributions,
  deriveContributionSummary,
  formatAmount,
  formatAmountInFull,
  formatContribution,
  formatRate,
  rateNoteText,
  sumKnown,
  usdPerUnit,
  usdValue,
} from '../../../../src/kinds/monitor-profile/derive/money.js';
import type { ExchangeRates } from '../../../../src/schema/exchange-rates.js';
import type { Contributions } from '../../../../src/kinds/monitor-profile/schema/report.js';
import { RATES } from '../../../helpers/monitor.js';

// The rates seed 000 states for 2012: €1 = US$1.2859 and CHF0.9377 = US$1.
const rates: ExchangeRates = {
  schema_version: 1,
  years: [
    {
      year: 2012,
      rates: [
        { currency: 'CHF', per_usd: 0.9377 },
        { currency: 'EUR', usd_per_unit: 1.2859 },
      ],
      source: {
        kind: 'web_page',
        author: 'US Federal Reserve',
        title: 'List of Exchange Rates (Annual)',
        date: '2013-01-03',
      },
    },
  ],
};

describe('US$ values from the year’s average rate', () => {
  it('reads both ways of quoting a rate', () => {
    expect(usdPerUnit(rates, 2012, 'EUR')).toBe(1.2859);
    expect(usdPerUnit(rates, 2012, 'CHF')).toBeCloseTo(1 / 0.9377, 12);
    expect(usdPerUnit(rates, 2012, 'USD')).toBe(1);
  });

  it('converts Belgium’s €750,528 to the published $965,104', () => {
    const v = usdValue(750_528, 'EUR', 2012, rates);
    expect(v?.from).toBe('rate');
    expect(v?.usd).toBeCloseTo(965_103.9552, 6);
    expect(Math.round(v?.usd ?? 0)).toBe(965_104);
  });

  it('divides by a per-dollar rate: CHF 100,000 at CHF0.9377 = US$1', () => {
    expect(Math.round(usdValue(100_000, 'CHF', 2012, rates)?.usd ?? 0)).toBe(106_644);
  });

  it('never invents a rate: without one, the published US$ value or nothing', () => {
    expect(usdPerUnit(rates, 2013, 'EUR')).toBeUndefined();
    expect(usdValue(480_097, 'EUR', 2013, rates)).toBeUndefined();
    expect(usdValue(480_097, 'EUR', 2013, rates, 657_733)).toEqual({
      usd: 657_733,
      from: 'stated',
    });
    expect(usdValue(1000, 'NOK', 2012, rates)).toBeUndefined();
    expect(usdValue(null, 'EUR', 2012, rates)).toBeUndefined();
  });

  it('prefers the rate to a published value when both exist (the check warns if they differ)', () => {
    expect(usdValue(750_528, 'EUR', 2012, rates, 965_000)?.from).toBe('rate');
  });

  it('the committed reference data holds exactly the rates seed 000 states', () => {
    expect(RATES).toEqual(rates);
  });
});

describe('totals and the multi-year summary', () => {
  const contributions = (rows: Contributions['rows'], stated?: number): Contributions => ({
    caption: 'International contributions: 2012',
    year: 2012,
    rows,
    ...(stated === undefined ? {} : { stated_total_usd: stated }),
  });

  it('sums only when every part is known', () => {
    expect(sumKnown([1, 2, 3])).toBe(6);
    expect(sumKnown([1, undefined, 3])).toBeUndefined();
    expect(sumKnown([1, null])).toBeUndefined();
  });

  it('derives a total from rows whose US$ values are all known, rounding once', () => {
    const d = deriveContributions(
      contributions([
        { donor: 'Belgium', sector: null, currency: 'EUR', amount: 750_528 },
        { donor: 'Switzerland', sector: null, currency: 'CHF', amount: 100_000 },
        { donor: 'United States', sector: null, currency: 'USD', amount: 250_000 },
      ]),
      rates,
    );
    expect(d.total?.from).toBe('rows');
    // 965,103.9552 + 106,643.916 + 250,000, rounded once.
    expect(Math.round(d.total?.usd ?? 0)).toBe(1_321_748);
    expect(d.currencies.map((c) => c.currency)).toEqual(['CHF', 'EUR']);
  });

  it('falls back to the published total when a part is lost, and to nothing without one', () => {
    const rows: Contributions['rows'] = [
      { donor: 'Belgium', sector: null, currency: 'EUR', amount: 750_528 },
      { donor: 'United States', sector: null, currency: 'USD', amount: null },
    ];
    expect(deriveContributions(contributions(rows, 1_330_814), rates).total).toEqual({
      usd: 1_330_814,
      from: 'stated',
    });
    expect(deriveContributions(contributions(rows), rates).total).toBeUndefined();
    expect(deriveContributions(contributions(rows, 1_330_814), rates).rowsTotal).toBeUndefined();
  });

  it('adds the profile’s own year to the summary from its contributions, totalling only complete years', () => {
    const c = deriveContributions(
      contributions([{ donor: 'Belgium', sector: null, currency: 'EUR', amount: 750_528 }]),
      rates,
    );
    const lost = deriveContributionSummary(
      {
        caption: 'x',
        years: [
          { year: 2011, usd: null },
          { year: 2010, usd: 5 },
        ],
      },
      c,
    );
    expect(
      lost.rows.map((r) => [r.year, r.usd === undefined ? null : Math.round(r.usd), r.from]),
    ).toEqual([
      [2010, 5, 'published'],
      [2011, null, 'published'],
      [2012, 965_104, 'contributions'],
    ]);
    expect(lost.total).toBeUndefined();
    const known = deriveContributionSummary(
      {
        caption: 'x',
        years: [
          { year: 2011, usd: 100 },
          { year: 2012, usd: 1 },
        ],
      },
      c,
    );
    expect(known.rows).toHaveLength(2);
    expect(Math.round(known.total ?? 0)).toBe(965_204);
  });
});

describe('money as the Monitor writes it', () => {
  it('exact figures in full, round millions in millions', () => {
    expect(formatAmount(1_330_814, 'USD')).toBe('US$1,330,814');
    expect(formatAmount(1_230_000, 'USD')).toBe('US$1.23 million');
    expect(formatAmount(2_000_000, 'EUR')).toBe('€2 million');
    expect(formatAmount(750_528, 'EUR')).toBe('€750,528');
    expect(formatAmount(5000, 'NOK')).toBe('NOK5,000');
  });

  it('a contribution with its US$ value in parentheses', () => {
    expect(formatContribution(750_528, 'EUR', 965_103.95)).toBe('€750,528 ($965,104)');
    expect(formatContribution(750_528, 'EUR', undefined)).toBe('€750,528');
    expect(formatContribution(250_000, 'USD', 250_000)).toBe('US$250,000');
  });

  it('the rate note, as seed 000 prints it', () => {
    expect(formatRate({ currency: 'EUR', usd_per_unit: 1.2859 })).toBe('€1=US$1.2859');
    expect(formatRate({ currency: 'CHF', per_usd: 0.9377 })).toBe('CHF0.9377=US$1');
    expect(rateNoteText(rates.years[0] as never, ['CHF', 'EUR'])).toBe(
      'Average exchange rate for 2012: CHF0.9377=US$1; €1=US$1.2859.',
    );
    expect(rateNoteText(rates.years[0] as never, ['EUR'])).toBe(
      'Average exchange rate for 2012: €1=US$1.2859.',
    );
    expect(rateNoteText(rates.years[0] as never, ['GBP'])).toBeUndefined();
  });
});

describe('a year without a known rate, and a rate added for it', () => {
  const c: Contributions = {
    caption: 'International contributions: 2024',
    year: 2024,
    stated_total_usd: 2_000_000,
    rows: [
      { donor: 'European Union', sector: null, currency: 'EUR', amount: 1_250_000 },
      { donor: 'Japan', sector: null, currency: 'JPY', amount: null },
      { donor: 'United States', sector: null, currency: 'USD', amount: 350_000 },
    ],
  };

  it('says which US$ values are missing and why, and what the published total stands for', () => {
    const d = deriveContributions(c, rates);
    expect(d.missingRates).toEqual(['EUR']);
    expect(d.lostAmounts).toBe(true);
    expect(contributionNotes(d)).toEqual([
      'No average exchange rate for 2024 is known for EUR: the US$ values of those contributions are not available.',
      'The total is as published; the amounts of some contributions and the US$ values of the contributions in EUR are not available.',
    ]);
  });

  it('derives the US$ values once the year’s rate is listed, for any year', () => {
    const withRate: ExchangeRates = {
      ...rates,
      years: [
        ...rates.years,
        {
          year: 2024,
          rates: [{ currency: 'EUR', usd_per_unit: 1.1 }],
          source: { kind: 'web_page', title: 'A test source of 2024 rates', date: '2025-01-02' },
        },
      ],
    };
    const d = deriveContributions(
      { ...c, rows: [c.rows[0], c.rows[2]] as typeof c.rows },
      withRate,
    );
    expect(d.missingRates).toEqual([]);
    expect(d.total).toEqual({ usd: 1_725_000, from: 'rows' });
    expect(contributionNotes(d)).toEqual([]);
    expect(formatAmountInFull(1_250_000, 'EUR')).toBe('€1,250,000');
  });
});
