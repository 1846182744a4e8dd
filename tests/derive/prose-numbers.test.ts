/** Reading figures as editors type them in prose. */
import { describe, expect, it } from 'vitest';
import {
  agrees,
  boundOf,
  parseArea,
  parseCount,
  parseNumber,
  readableText,
  sentences,
} from '../../src/derive/prose-numbers.js';

describe('prose numbers', () => {
  it('reads counts in digits and in words', () => {
    expect([
      parseCount('1,742'),
      parseCount('seven'),
      parseCount('Eighteen'),
      parseCount('twenty'),
    ]).toEqual([1742, 7, 18, 20]);
  });

  it('keeps the decimals a number was typed with', () => {
    expect(parseNumber('1.12')).toEqual({ value: 1.12, decimals: 2 });
    expect(parseNumber('47,065')).toEqual({ value: 47065, decimals: 0 });
  });

  it('reads an area with the rounding its digits allow', () => {
    expect(parseArea('1.12', 'km²')).toEqual({
      m2: 1_120_000,
      tolerance: 5_000,
      roundTolerance: 5_000,
    });
    expect(parseArea('47,000', 'm²')).toEqual({ m2: 47_000, tolerance: 0.5, roundTolerance: 500 });
  });

  it('agrees exactly, roughly, or as a bound, as the qualifier says', () => {
    expect(agrees(47_065, parseArea('47,000', 'm²'), boundOf(undefined))).toBe(false);
    expect(agrees(47_065, parseArea('47,000', 'm²'), boundOf('about'))).toBe(true);
    expect(agrees(890_699, parseArea('0.89', 'km²'), boundOf('more than'))).toBe(true);
    expect(agrees(980_000, parseArea('1', 'km²'), boundOf('almost'))).toBe(true);
    expect(agrees(1_200_000, parseArea('1', 'km²'), boundOf('almost'))).toBe(false);
  });

  it('reads prose as a reader does: without footnote marks, emphasis or link targets', () => {
    expect(readableText('A **total** of *47,065m²*[^n53] ([GICHD](https://x.org)).')).toBe(
      'A total of 47,065m² (GICHD).',
    );
  });

  it('splits sentences', () => {
    expect(sentences('In 2024, it rose. This is more. “Quoted” too.')).toEqual([
      'In 2024, it rose.',
      'This is more.',
      '“Quoted” too.',
    ]);
  });
});
