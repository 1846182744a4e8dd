import { NUMBER_WORDS } from '../format.js';
/**
 * The figures a text states, as a reader reads them: areas, percentages, money and counts
 * (in digits, or in words up to twenty). Years, dates, ranges of years, ordinals and the
 * numbers of articles, tables, standards or pages are not figures and are left out.
 */
import {
  type Bound,
  boundOf,
  NUMBER,
  parseArea,
  parseNumber,
  QUALIFIER,
} from '../prose-numbers.js';

export type FigureKind = 'area' | 'percent' | 'money' | 'count';

export interface StatedFigure {
  kind: FigureKind;
  /** As typed, qualifier included: "close to 1.12km²", "€1.1 million", "seven". */
  text: string;
  /** Offset of the figure in the text it was read from. */
  index: number;
  /** m² for an area, percentage points for a percentage, the amount for money. */
  value: number;
  /** Half the last digit typed, in the unit of value: what the figure may be rounded by. */
  tolerance: number;
  /** The same for a figure said to be approximate, rounded to its last non-zero digit. */
  roundTolerance: number;
  bound: Bound;
  currency?: string;
  /** The words that follow a count, up to the next punctuation: what it counts. */
  noun?: string;
}

/** Counts written as words, one to twenty. */
export const COUNT_WORDS = NUMBER_WORDS.slice(1);

const CURRENCY = '€|US\\$|\\$|£|CHF ?|EUR ?|USD ?|GBP ?';
const SCALE = '(?:\\s?(million|billion|m|bn)\\b)?';
const FIGURE = new RegExp(
  `(?<![\\w.,])${QUALIFIER}(?:(${CURRENCY})(${NUMBER})${SCALE}` +
    `|(${NUMBER})\\s?(m²|m2|km²|km2)(?![\\w²])` +
    `|(${NUMBER})\\s?(%|per cent\\b|percent\\b)` +
    `|(${NUMBER}|\\b(?:${COUNT_WORDS.join('|')})\\b))`,
  'gi',
);
const CURRENCY_CODE: Record<string, string> = { '€': 'EUR', $: 'USD', US$: 'USD', '£': 'GBP' };
const MULTIPLIER: Record<string, number> = { million: 1e6, m: 1e6, billion: 1e9, bn: 1e9 };

const MONTH =
  'January|February|March|April|May|June|July|August|September|October|November|December';
/** Words after which a number names something rather than counting it. */
const IDENTIFIER_BEFORE = new RegExp(
  `(?:\\b(?:Articles?|Tables?|Figures?|Objectives?|Protocols?|IMAS|NMAS|Resolutions?|Annex(?:es)?|Sections?|Chapters?|No\\.|p\\.|pp\\.|pages?|paras?\\.|paragraphs?|version|v\\.|Phases?|Levels?|Categor(?:y|ies)|Steps?|Outcomes?|Goals?|SDG|Rules?|Amendment|Decision|Meeting|MSP|Conference)|${MONTH})\\s*(?:\\d+\\s*(?:,|and|&)\\s*)*$`,
  'i',
);

function isYear(token: string): boolean {
  return /^\d{4}$/.test(token) && Number(token) >= 1900 && Number(token) <= 2100;
}

/** Whether a bare number at this place is not a figure: a year, date, range, ordinal or identifier. */
function notAFigure(text: string, index: number, token: string): boolean {
  const before = text.slice(Math.max(0, index - 60), index);
  const after = text.slice(index + token.length, index + token.length + 30);
  if (/^\d/.test(token)) {
    if (isYear(token)) return true;
    if (/^(?:st|nd|rd|th|s)\b/i.test(after)) return true; // 21st, 1990s
    if (/^[A-Za-z]|^-[A-Za-z]/.test(after)) return true; // 3D, 07A, 5-year
    if (/^[-–]\d/.test(after) && /^\d{1,2}$/.test(token)) return true; // pp. 5–6 handled too
    if (/\d{4}\s?[–-]$/.test(before)) return true; // 2025–30, 2021–22
    if (/[A-Za-z][-/]$|[\d.][-/–]$/.test(before)) return true; // COVID-19, 07.13, 5/6
    if (new RegExp(`^\\s(?:${MONTH})\\b`).test(after)) return true; // 3 July 2024
    if (/^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|hours?\b|h\b)/i.test(after) && /:$/.test(before))
      return true;
  } else {
    // "one of the", "no one", "between the two.": a pronoun; "five-year": an adjective.
    if (
      /^one$/i.test(token) &&
      (/^\s+(?:of|another|or|such)\b/i.test(after) || /\bno\s$/i.test(before))
    )
      return true;
    if (/^-/.test(after)) return true;
    if (/\bthe\s$/i.test(before) && /^\s*[.,;:)]/.test(after)) return true;
  }
  return IDENTIFIER_BEFORE.test(before);
}

function nounAfter(text: string, end: number): string {
  const rest = text.slice(end, end + 80);
  const upTo = rest.search(/[,;:.()!?—–]/);
  return (upTo < 0 ? rest : rest.slice(0, upTo)).trim().split(/\s+/).slice(0, 5).join(' ');
}

function tolerances(num: string, scale: number) {
  const { value, decimals } = parseNumber(num);
  const zeros = decimals === 0 ? (/0+$/.exec(num.replace(/,/g, ''))?.[0].length ?? 0) : 0;
  const tolerance = (0.5 * scale) / 10 ** decimals;
  return { value: value * scale, tolerance, roundTolerance: tolerance * 10 ** zeros };
}

/** Every figure of a text (as readableText gives it), in order. */
export function extractFigures(text: string): StatedFigure[] {
  const out: StatedFigure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const [whole, qualifier, cur, moneyNum, scale, areaNum, unit, pctNum, , bare] = m;
    const bound = boundOf(qualifier?.toLowerCase());
    const index = m.index ?? 0;
    const base = { text: whole, index, bound };
    if (cur && moneyNum) {
      const mult = MULTIPLIER[scale?.toLowerCase() ?? ''] ?? 1;
      out.push({
        ...base,
        kind: 'money',
        currency: CURRENCY_CODE[cur.trim()] ?? cur.trim(),
        ...tolerances(moneyNum, mult),
      });
    } else if (areaNum && unit) {
      const a = parseArea(areaNum, unit);
      out.push({
        ...base,
        kind: 'area',
        value: a.m2,
        tolerance: a.tolerance,
        roundTolerance: a.roundTolerance,
      });
    } else if (pctNum) {
      out.push({ ...base, kind: 'percent', ...tolerances(pctNum, 1) });
    } else if (bare) {
      const at = index + whole.length - bare.length;
      if (notAFigure(text, at, bare)) continue;
      const word = COUNT_WORDS.indexOf(bare.toLowerCase() as (typeof COUNT_WORDS)[number]);
      const counted =
        word >= 0 ? { value: word + 1, tolerance: 0.5, roundTolerance: 0.5 } : tolerances(bare, 1);
      out.push({ ...base, kind: 'count', ...counted, noun: nounAfter(text, index + whole.length) });
    }
  }
  return out;
}
