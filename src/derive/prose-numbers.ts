import { NUMBER_WORDS } from './format.js';
import { withoutHandChecks } from './figures/hand-check.js';

/**
 * Reading figures out of the prose, as an editor typed them: "47,065m²", "1.12km²", "seven",
 * "35%". Used by the checks that compare what the text says with the data.
 */

const WORDS: readonly string[] = NUMBER_WORDS;

/** A count as digits ("1,742") or a word up to twenty ("seven"). */
export const COUNT = `(?:\\d{1,3}(?:,\\d{3})+|\\d+|${WORDS.slice(1).join('|')})`;

/** A figure: digits with optional thousands separators and decimals. */
export const NUMBER = `(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?`;

/** An area as printed: "47,065m²", "1.12 km²", "0.5km2". Groups: number, unit. */
export const AREA = `(${NUMBER})\\s?(m²|m2|km²|km2)(?![\\w²])`;

export function parseCount(text: string): number {
  const word = WORDS.indexOf(text.toLowerCase());
  return word >= 0 ? word : Number(text.replace(/,/g, ''));
}

/** A number as typed, and how many decimals it was given with. */
export function parseNumber(text: string): { value: number; decimals: number } {
  const plain = text.replace(/,/g, '');
  return {
    value: Number(plain),
    decimals: plain.includes('.') ? plain.length - plain.indexOf('.') - 1 : 0,
  };
}

export interface StatedArea {
  m2: number;
  /** Half the last digit typed: "1.12km²" stands for 1,115,000 to 1,125,000m². */
  tolerance: number;
  /** Half the last non-zero digit, for a figure said to be approximate: "about 47,000m²". */
  roundTolerance: number;
}

/** An area as typed, in m², with the rounding the text allows. */
export function parseArea(num: string, unit: string): StatedArea {
  const { value, decimals } = parseNumber(num);
  const scale = unit.startsWith('km') ? 1_000_000 : 1;
  const zeros = decimals === 0 ? (/0+$/.exec(num.replace(/,/g, ''))?.[0].length ?? 0) : 0;
  const tolerance = (0.5 * scale) / 10 ** decimals;
  return { m2: value * scale, tolerance, roundTolerance: tolerance * 10 ** zeros };
}

/**
 * Prose reduced to what a reader reads: footnote references, emphasis and link targets
 * removed, so that "47,065m²[^n53]" and "**47,065m²**" read as the figure.
 */
export function readableText(markdown: string): string {
  return withoutHandChecks(markdown)
    .replace(/\[\^[^\]]*\]/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*{1,2}|\^/g, '')
    .replace(/\s+/g, ' ');
}

/** Sentences, split after ".", "!" or "?" followed by a capital or an opening quote. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z“"‘(])/);
}

/**
 * How a figure was qualified: none (exact, to the digits typed), "about 47,000m²" (rounded),
 * "more than 0.89km²" (a lower bound), "almost 1km²" (an upper one).
 */
export type Bound = 'exact' | 'about' | 'at-least' | 'at-most';

export const QUALIFIER =
  '(?:(more than|over|just over|above|in excess of|almost|nearly|just under|less than|under|up to|close to|about|around|approximately|roughly|some) )?';

export function boundOf(qualifier: string | undefined): Bound {
  if (!qualifier) return 'exact';
  if (/^(more than|over|just over|above|in excess of)$/.test(qualifier)) return 'at-least';
  if (/^(almost|nearly|just under|less than|under|up to)$/.test(qualifier)) return 'at-most';
  return 'about';
}

/** Whether the data's value agrees with a figure the text gives, within the text's rounding. */
export function agrees(actual: number, stated: StatedArea, bound: Bound): boolean {
  if (bound === 'at-least') return actual >= stated.m2;
  if (bound === 'at-most') return actual <= stated.m2;
  const tolerance = bound === 'about' ? stated.roundTolerance : stated.tolerance;
  return Math.abs(actual - stated.m2) < tolerance + 1e-9;
}
