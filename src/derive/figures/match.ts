/** Whether a figure of the text is one the data states or derives, after units and rounding. */
import type { StatedFigure } from './extract.js';
import type { KnownFigure } from './known.js';

/** Words a text may use for what a field counts; a field's own word always counts. */
const SYNONYMS: Record<string, string[]> = {
  areas: [
    'area',
    'task',
    'site',
    'minefield',
    'polygon',
    'hazardous',
    'cha',
    'sha',
    'mined',
    'spot',
    'strike',
  ],
  area: ['area', 'task', 'site', 'minefield', 'polygon', 'hazardous'],
  cha: ['cha', 'confirmed'],
  sha: ['sha', 'suspected'],
  staff: ['staff', 'people', 'employee', 'personnel', 'deminer', 'manager', 'worker', 'member'],
  women: ['women', 'woman', 'female'],
  managerial: ['manag', 'senior', 'supervis'],
  operational: ['operational', 'field', 'deminer', 'operation'],
  mines: ['mine'],
  destroyed: ['destroy', 'found', 'clear', 'removed'],
  personnel: ['personnel', 'deminer', 'staff', 'people'],
  teams: ['team'],
  operators: ['operator', 'organisation', 'ngo'],
  districts: ['district', 'province', 'region', 'municipalit', 'governorate', 'state'],
  mdd: ['dog', 'mdd'],
  manual: ['manual'],
  mechanical: ['mechanical', 'machine'],
  assets: ['asset', 'machine'],
};

function wordMatches(word: string, tokens: string[]): boolean {
  const forms = SYNONYMS[word] ?? [word.replace(/s$/, '')];
  return tokens.some((t) => forms.some((f) => t.startsWith(f)));
}

/**
 * A count names what it counts: the field's first word must be among the words that
 * follow the figure, and at least half of its words.
 */
function namesSame(noun: string | undefined, words: string[] | undefined): boolean {
  if (!words || words.length === 0) return false;
  const tokens = (noun ?? '')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  if (!wordMatches(words[0] ?? '', tokens)) return false;
  return words.filter((w) => wordMatches(w, tokens)).length >= Math.ceil(words.length / 2);
}

/**
 * The value agrees within the rounding of the digits typed; "about" allows rounding to the
 * last non-zero digit; "more than" and "almost" hold the bound and stay within 5% of it, so
 * that "almost 1km²" is not taken for any smaller area.
 */
export function valueAgrees(stated: StatedFigure, actual: number): boolean {
  const near = Math.abs(actual - stated.value) <= Math.abs(stated.value) * 0.05 + 1e-9;
  switch (stated.bound) {
    case 'at-least':
      return actual >= stated.value - stated.tolerance && near;
    case 'at-most':
      return actual <= stated.value + stated.tolerance && near;
    case 'about':
      return Math.abs(actual - stated.value) < stated.roundTolerance + 1e-9;
    default:
      return Math.abs(actual - stated.value) < stated.tolerance + 1e-9;
  }
}

export function matches(stated: StatedFigure, known: KnownFigure): boolean {
  if (stated.kind !== known.kind) return false;
  if (!valueAgrees(stated, known.value)) return false;
  return stated.kind !== 'count' || namesSame(stated.noun, known.words);
}

/** The data's figures of the same kind closest in value: what the text could have meant. */
export function nearest(stated: StatedFigure, known: readonly KnownFigure[], n = 3): KnownFigure[] {
  const seen = new Set<number>();
  return known
    .filter((k) => k.kind === stated.kind)
    .sort((a, b) => Math.abs(a.value - stated.value) - Math.abs(b.value - stated.value))
    .filter((k) => {
      if (seen.has(k.value)) return false;
      seen.add(k.value);
      return true;
    })
    .slice(0, n);
}
