import { describe, expect, it } from 'vitest';
import {
  formatArea,
  formatCountWord,
  formatDate,
  formatInt,
  formatKm2,
  formatKm2Number,
  formatM2,
  formatMoney,
  formatPercent,
  m2ToKm2,
  percent,
} from '../../src/derive/format.js';

describe('areas in house style', () => {
  it('prints m² with thousands separators and no space: "47,065m²"', () => {
    expect(formatM2(47_065)).toBe('47,065m²');
    expect(formatM2(1_115_699)).toBe('1,115,699m²');
    expect(formatM2(0)).toBe('0m²');
  });

  it('rounds m² to whole square metres', () => {
    expect(formatM2(999.5)).toBe('1,000m²');
    expect(formatM2(12.4)).toBe('12m²');
  });

  it('converts m² to km² at one million m² per km²', () => {
    expect(m2ToKm2(1_000_000)).toBe(1);
    expect(m2ToKm2(47_065)).toBeCloseTo(0.047065, 12);
  });

  it('prints km² to two decimals: 1,115,699m² is "1.12km²"', () => {
    expect(formatKm2(m2ToKm2(1_115_699))).toBe('1.12km²');
    expect(formatKm2(m2ToKm2(890_699))).toBe('0.89km²');
  });

  it('prints an exact zero km² as "0", but 0.1 as "0.10"', () => {
    expect(formatKm2Number(0)).toBe('0');
    expect(formatKm2(0)).toBe('0km²');
    expect(formatKm2Number(0.1)).toBe('0.10');
    expect(formatKm2Number(2)).toBe('2.00');
  });

  it('rounds a tie as running text does: 2,815,000m² is 2.82 in tables and prose alike', () => {
    expect(formatKm2Number(m2ToKm2(2_815_000))).toBe('2.82');
    expect(formatArea(2_815_000)).toBe('2.82km²');
    expect(formatKm2Number(m2ToKm2(1_005_000))).toBe('1.01');
  });

  it("gives Kosovo's KEY DATA release figures as published (0.05, 0.03, 0.06, 0)", () => {
    expect(formatKm2Number(m2ToKm2(47_065))).toBe('0.05');
    expect(formatKm2Number(m2ToKm2(29_309))).toBe('0.03');
    expect(formatKm2Number(m2ToKm2(56_822))).toBe('0.06');
    expect(formatKm2Number(m2ToKm2(0))).toBe('0');
  });
});

describe('whole numbers', () => {
  it('groups thousands with commas and rounds', () => {
    expect(formatInt(1742)).toBe('1,742');
    expect(formatInt(8)).toBe('8');
    expect(formatInt(2.5)).toBe('3');
  });

  it('writes small counts as words, larger ones as figures', () => {
    expect(formatCountWord(0)).toBe('no');
    expect(formatCountWord(8)).toBe('eight');
    expect(formatCountWord(10)).toBe('ten');
    expect(formatCountWord(11)).toBe('11');
    expect(formatCountWord(1500)).toBe('1,500');
  });
});

describe('formatDate', () => {
  it('prints "2025-05-05" as "5 May 2025" (no leading zero)', () => {
    expect(formatDate('2025-05-05')).toBe('5 May 2025');
  });

  it('prints every month by name', () => {
    expect(formatDate('2028-03-01')).toBe('1 March 2028');
    expect(formatDate('2024-12-31')).toBe('31 December 2024');
    expect(formatDate('2025-01-15')).toBe('15 January 2025');
  });

  it('refuses what is not an ISO date', () => {
    expect(() => formatDate('5 May 2025')).toThrow(/not an ISO date/);
    expect(() => formatDate('2025-13-01')).toThrow(/not an ISO date/);
    expect(() => formatDate('2025-00-01')).toThrow(/not an ISO date/);
  });
});

describe('formatMoney', () => {
  it('prints 1,100,000 EUR as "€1.1 million"', () => {
    expect(formatMoney(1_100_000, 'EUR')).toBe('€1.1 million');
  });

  it('prints whole millions without a decimal and rounds to one decimal', () => {
    expect(formatMoney(21_000_000, 'EUR')).toBe('€21 million');
    expect(formatMoney(3_500_000, 'EUR')).toBe('€3.5 million');
    expect(formatMoney(1_249_999, 'EUR')).toBe('€1.2 million');
    expect(formatMoney(1_250_000, 'EUR')).toBe('€1.3 million');
  });

  it('prints amounts below a million in full', () => {
    expect(formatMoney(950_000, 'EUR')).toBe('€950,000');
    expect(formatMoney(999_999, 'GBP')).toBe('£999,999');
  });

  it('uses US$ for dollars and the code for unknown currencies', () => {
    expect(formatMoney(2_000_000, 'USD')).toBe('US$2 million');
    expect(formatMoney(5000, 'CHF')).toBe('CHF 5,000');
  });
});

describe('percent', () => {
  it("rounds to whole percentages as in Kosovo's Table 3: 70/272 is 26, 8/43 is 19", () => {
    expect(percent(70, 272)).toBe(26);
    expect(percent(8, 43)).toBe(19);
    expect(percent(45, 197)).toBe(23);
  });

  it('rounds half up', () => {
    expect(percent(1, 8)).toBe(13); // 12.5
    expect(percent(1, 200)).toBe(1); // 0.5
  });

  it('is 0 for none of a whole and 100 for all of it', () => {
    expect(percent(0, 3)).toBe(0);
    expect(percent(5, 5)).toBe(100);
  });

  it('has no value when the whole is zero, printed as a dash', () => {
    expect(percent(0, 0)).toBeUndefined();
    expect(percent(3, 0)).toBeUndefined();
    expect(formatPercent(percent(0, 0))).toBe('–');
  });

  it('prints a percentage with a % sign', () => {
    expect(formatPercent(26)).toBe('26%');
    expect(formatPercent(0)).toBe('0%');
  });
});
