/**
 * House style of Mine Action Review, as printed in Clearing the Mines:
 * "47,065m²", "1.12km²", "5 May 2025", "€1.1 million", "26%".
 */

const intFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export function formatInt(n: number): string {
  return intFormat.format(Math.round(n));
}

export function formatM2(m2: number): string {
  return `${formatInt(m2)}m²`;
}

export const M2_PER_KM2 = 1_000_000;

export function m2ToKm2(m2: number): number {
  return m2 / M2_PER_KM2;
}

/**
 * km² as KEY DATA and tables print them, whatever the size: two decimals below 10km² (0.05,
 * 1.12), whole numbers with thousands separators from 10km² (30, 1,000); an exact zero is "0".
 */
export function formatKm2Number(km2: number): string {
  if (km2 === 0) return '0';
  if (Math.round(km2 * 100) / 100 < 10) return twoDecimals.format(km2);
  return formatInt(km2);
}

// Not toFixed: 2,815,000m² is 2.815 in binary as 2.81499..., which toFixed rounds down to
// "2.81" while prose (Intl, below) prints "2.82km²". One rounding for one figure.
const twoDecimals = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

export function formatKm2(km2: number): string {
  return `${formatKm2Number(km2)}km²`;
}

const proseKm2Format = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

export type AreaUnit = 'm2' | 'km2';

/**
 * An area in running text: below 1km² in m² ("47,065m²"), from 1km² in km² to two decimals
 * ("39.16km²", "1,000km²"). `unit` overrides the choice for one placeholder.
 */
export function formatArea(m2: number, unit?: AreaUnit): string {
  const u = unit ?? (m2 < M2_PER_KM2 ? 'm2' : 'km2');
  return u === 'm2' ? formatM2(m2) : `${proseKm2Format.format(m2ToKm2(m2))}km²`;
}

/** English month names, January first, as the publications print them. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "2025-05-05" -> "5 May 2025". */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) throw new Error(`not an ISO date: ${iso}`);
  return `${Number(m[3])} ${month} ${m[1]}`;
}

const CURRENCY_SYMBOLS: Record<string, string> = { EUR: '€', USD: 'US$', GBP: '£' };

/** 1_100_000 EUR -> "€1.1 million"; below a million, the whole amount: "€950,000". */
export function formatMoney(amount: number, currency: string): string {
  const symbol = CURRENCY_SYMBOLS[currency] ?? `${currency} `;
  if (Math.abs(amount) >= 1_000_000) {
    const millions = Math.round(amount / 100_000) / 10;
    return `${symbol}${millions.toString()} million`;
  }
  return `${symbol}${formatInt(amount)}`;
}

/** A share as a whole percentage, "26%"; undefined when the whole is zero. */
export function percent(part: number, whole: number): number | undefined {
  if (whole === 0) return undefined;
  return Math.round((part / whole) * 100);
}

export function formatPercent(p: number | undefined): string {
  return p === undefined ? '–' : `${p}%`;
}

/** Counts as the house style and editors write them in words: index n is the word for n. */
export const NUMBER_WORDS = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
] as const;

/** "one", "two" ... for counts written in words in prose (up to ten; figures above). */
export function formatCountWord(n: number): string {
  return (n <= 10 ? NUMBER_WORDS[n] : undefined) ?? formatInt(n);
}

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A number as given, with thousands separators and up to two decimals. */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}
