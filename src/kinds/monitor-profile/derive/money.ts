import type {
  ExchangeRate,
  ExchangeRates,
  ExchangeRateYear,
} from '../../../schema/exchange-rates.js';
import type { Contribution, Contributions, ContributionSummary } from '../schema/report.js';
import { formatInt } from '../../../derive/format.js';

/**
 * Money in a Monitor profile. Amounts are stored in the donor's currency; a US$ value is
 * derived from the year's average rate when the reference data has it, else the value the
 * publication states is kept; otherwise there is none. No rate is ever assumed. Totals add
 * unrounded values and are rounded once when printed; a total whose parts are not all known
 * is not derived (the published total is printed instead, where there is one).
 */

export type UsdSource = 'usd' | 'rate' | 'stated';
export interface UsdValue {
  usd: number;
  from: UsdSource;
}

/**
 * The reference rates, with the rates a profile states for its contributions' year where the
 * reference has none for that year (the reference wins: one rate per currency and year).
 */
export function withStatedRates(rates: ExchangeRates, c: Contributions | undefined): ExchangeRates {
  if (!c?.stated_rates || rates.years.some((y) => y.year === c.year)) return rates;
  return { ...rates, years: [...rates.years, { year: c.year, ...c.stated_rates }] };
}

/** US$ for one unit of `currency` in `year`, from the reference data; undefined if not listed. */
export function usdPerUnit(
  rates: ExchangeRates,
  year: number,
  currency: string,
): number | undefined {
  if (currency === 'USD') return 1;
  const rate = rates.years.find((y) => y.year === year)?.rates.find((r) => r.currency === currency);
  if (!rate) return undefined;
  return 'usd_per_unit' in rate ? rate.usd_per_unit : 1 / rate.per_usd;
}

/** The US$ value of an amount: the amount itself, converted at the year's rate, or as stated. */
export function usdValue(
  amount: number | null,
  currency: string | null,
  year: number,
  rates: ExchangeRates,
  stated?: number,
): UsdValue | undefined {
  if (amount !== null && currency !== null) {
    if (currency === 'USD') return { usd: amount, from: 'usd' };
    const perUnit = usdPerUnit(rates, year, currency);
    if (perUnit !== undefined) return { usd: amount * perUnit, from: 'rate' };
  }
  return stated === undefined ? undefined : { usd: stated, from: 'stated' };
}

/** The sum of values that are all known; undefined as soon as one is not. */
export function sumKnown(values: readonly (number | undefined | null)[]): number | undefined {
  let total = 0;
  for (const v of values) {
    if (v === undefined || v === null) return undefined;
    total += v;
  }
  return total;
}

export interface ContributionRow extends Contribution {
  value: UsdValue | undefined;
}

export interface DerivedContributions {
  year: number;
  rows: ContributionRow[];
  /** The derived total where every row's US$ is known, else the published one. */
  total: { usd: number; from: 'rows' | 'stated' } | undefined;
  /** The rows' sum when every row is known (for checking a published total). */
  rowsTotal: number | undefined;
  /** Currencies other than US$ that the rows use, sorted, with their rates where known. */
  currencies: { currency: string; rate: ExchangeRate | undefined }[];
  /** Currencies of rows with an amount but no US$ value: no rate for the year, none published. */
  missingRates: string[];
  /** Some row's amount (or currency) is lost. */
  lostAmounts: boolean;
}

export function deriveContributions(c: Contributions, rates: ExchangeRates): DerivedContributions {
  const rows = c.rows.map((row) => ({
    ...row,
    value: usdValue(row.amount, row.currency, c.year, rates, row.usd),
  }));
  const rowsTotal = sumKnown(rows.map((r) => r.value?.usd));
  const total =
    rowsTotal !== undefined
      ? { usd: rowsTotal, from: 'rows' as const }
      : c.stated_total_usd !== undefined
        ? { usd: c.stated_total_usd, from: 'stated' as const }
        : undefined;
  const year = rates.years.find((y) => y.year === c.year);
  const currencies = [
    ...new Set(c.rows.map((r) => r.currency).filter((x): x is string => x !== null && x !== 'USD')),
  ]
    .sort()
    .map((currency) => ({ currency, rate: year?.rates.find((r) => r.currency === currency) }));
  const missingRates = [
    ...new Set(
      rows
        .filter((r) => r.amount !== null && r.currency !== null && r.value === undefined)
        .map((r) => r.currency as string),
    ),
  ].sort();
  const lostAmounts = rows.some((r) => (r.amount === null || r.currency === null) && !r.value);
  return { year: c.year, rows, total, rowsTotal, currencies, missingRates, lostAmounts };
}

export interface SummaryRow {
  year: number;
  usd: number | undefined;
  /** 'contributions': this profile's own year, the total of its contributions table. */
  from: 'published' | 'contributions';
}

/** The multi-year summary: earlier years as published, the profile's year from its contributions. */
export function deriveContributionSummary(
  s: ContributionSummary,
  contributions: DerivedContributions | undefined,
): { rows: SummaryRow[]; total: number | undefined } {
  const rows: SummaryRow[] = s.years
    .filter((y) => y.year !== contributions?.year)
    .map((y) => ({ year: y.year, usd: y.usd ?? undefined, from: 'published' as const }));
  if (contributions)
    rows.push({ year: contributions.year, usd: contributions.total?.usd, from: 'contributions' });
  rows.sort((a, b) => a.year - b.year);
  return { rows, total: sumKnown(rows.map((r) => r.usd)) };
}

// ---------------------------------------------------------------- wording

const SYMBOLS: Record<string, string> = { EUR: '€', GBP: '£', USD: 'US$', JPY: '¥' };

/** The Monitor writes currencies before the figure, closed up: "€750,528", "CHF0.9377", "US$1". */
export const currencyPrefix = (currency: string): string => SYMBOLS[currency] ?? currency;

/**
 * An amount as the Monitor writes it: exact figures in full ("US$1,330,814"), round
 * figures of a million or more in millions ("US$1.23 million").
 */
export function formatAmount(amount: number, currency: string): string {
  const rounded = Math.round(amount);
  if (rounded >= 1_000_000 && rounded % 10_000 === 0) {
    return `${currencyPrefix(currency)}${Number((rounded / 1_000_000).toFixed(2)).toString()} million`;
  }
  return `${currencyPrefix(currency)}${formatInt(rounded)}`;
}

/** An amount in a table column: always the whole figure, so a column reads in one style. */
export function formatAmountInFull(amount: number, currency: string): string {
  return `${currencyPrefix(currency)}${formatInt(amount)}`;
}

/** "CHF and EUR". */
const listed = (xs: readonly string[]) =>
  xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;

/** The notes under the contributions table: what is missing, said once, and why. */
export function contributionNotes(c: DerivedContributions): string[] {
  const notes: string[] = [];
  if (c.missingRates.length > 0) {
    notes.push(
      `No average exchange rate for ${c.year} is known for ${listed(c.missingRates)}: the US$ values of those contributions are not available.`,
    );
  }
  if (c.total?.from === 'stated') {
    const missing = [
      c.lostAmounts ? 'the amounts of some contributions' : '',
      c.missingRates.length > 0
        ? `the US$ values of the contributions in ${listed(c.missingRates)}`
        : '',
    ].filter(Boolean);
    notes.push(
      `The total is as published; ${missing.length ? listed(missing) : 'some US$ values'} are not available.`,
    );
  }
  return notes;
}

/** A contribution in prose: "€750,528 ($965,104)"; an amount in US$: "US$250,000". */
export function formatContribution(
  amount: number,
  currency: string,
  usd: number | undefined,
): string {
  if (currency === 'USD') return formatAmount(amount, 'USD');
  const national = formatAmount(amount, currency);
  return usd === undefined ? national : `${national} ($${formatInt(usd)})`;
}

/** One rate as quoted: "€1=US$1.2859" or "CHF0.9377=US$1". */
export function formatRate(rate: ExchangeRate): string {
  const prefix = currencyPrefix(rate.currency);
  return 'usd_per_unit' in rate
    ? `${prefix}1=US$${rate.usd_per_unit}`
    : `${prefix}${rate.per_usd}=US$1`;
}

/** The rate note's text: "Average exchange rate for 2012: CHF0.9377=US$1; €1=US$1.2859." */
export function rateNoteText(
  year: ExchangeRateYear,
  currencies: readonly string[],
): string | undefined {
  const rates = currencies
    .map((c) => year.rates.find((r) => r.currency === c))
    .filter((r): r is ExchangeRate => r !== undefined);
  if (rates.length === 0) return undefined;
  return `Average exchange rate for ${year.year}: ${rates.map(formatRate).join('; ')}.`;
}
