/**
 * The figures a report's data states or derives, each with where it comes from and, for a
 * count, the words a text must use with it: a count is too easily equal to another ("nine
 * women received stipends" is not KSF's nine women deminers), so it matches only when the
 * text names what it counts.
 */
import type { FigureKind } from './extract.js';

export interface KnownFigure {
  kind: FigureKind;
  /** m² for areas, percentage points (unrounded) for percentages. */
  value: number;
  /** The field that states it, or how it is derived. */
  source: string;
  /** For counts: what it counts, as words (the first must appear next to the figure). */
  words?: string[];
}

/** Parts of field names that say how a figure is stored, not what it counts. */
const STOP = new Set([
  'count',
  'total',
  'number',
  'm2',
  'km2',
  'of',
  'the',
  'by',
  'in',
  'and',
  'pct',
  'stated',
  'totals',
]);
/** Keys that hold no figure: identifiers, years, versions, scores on a scale, page numbers. */
const NOT_FIGURES = new Set([
  'year',
  'schema_version',
  'edition',
  'score',
  'previous_score',
  'pages',
  // The edition a value is still to fill for (the data's marker, derive's Reported).
  'to_fill',
  'toFill',
]);

export function wordsOf(key: string): string[] {
  return key
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length > 0 && !STOP.has(w));
}

function kindOf(key: string): { kind: FigureKind; scale: number } {
  if (/km2$/i.test(key)) return { kind: 'area', scale: 1_000_000 };
  if (/m2$/i.test(key)) return { kind: 'area', scale: 1 };
  if (/pct|percent|share/.test(key)) return { kind: 'percent', scale: 1 };
  if (/usd|amount|money|contribution|funding/.test(key)) return { kind: 'money', scale: 1 };
  return { kind: 'count', scale: 1 };
}

const CONTAINERS = new Set([
  'rows',
  'totals',
  'other_rows',
  'tables',
  'stated_totals',
  'current',
  'previous',
]);

/** What a figure with an uninformative name counts: the name of the table it belongs to. */
function enclosingWords(keys: string[]): string[] {
  for (let i = keys.length - 2; i >= 0; i--) {
    const k = keys[i] ?? '';
    if (CONTAINERS.has(k)) continue;
    const words = wordsOf(k);
    if (words.length > 0) return words;
  }
  return [];
}

/**
 * Every number stored in the data, under its field path. What it counts comes from its
 * field name, else from the column it sits in (generic tables), else from the table's name.
 */
export function statedFigures(
  data: unknown,
  columnLabel: (path: (string | number)[]) => string | undefined = () => undefined,
): KnownFigure[] {
  const out: KnownFigure[] = [];
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'number') {
      // A figure written { value, note } is named by its field, not by "value".
      const keys = path.filter((p): p is string => typeof p === 'string' && p !== 'value');
      const key = keys.at(-1) ?? '';
      if (NOT_FIGURES.has(key)) return;
      const label = typeof path.at(-1) === 'number' ? columnLabel(path) : undefined;
      const { kind, scale } = kindOf(label ? '' : key);
      const words = wordsOf(label ?? key);
      const named = words.length > 0 ? words : enclosingWords(keys);
      out.push({
        kind,
        value: value * scale,
        source: path.join('.'),
        ...(kind === 'count' ? { words: named } : {}),
      });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => {
        walk(v, [...path, i]);
      });
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    }
  };
  walk(data, []);
  return out;
}
