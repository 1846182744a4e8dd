import type { EditionMeta } from '../schema/edition.js';
import type { Emit, Path } from './emit.js';
import { formatDate, MONTHS } from './format.js';
import { filled } from '../schema/figure.js';

const MONTH = `(${MONTHS.join('|')})`;
/** "5 May 2025" (groups: day, month, year) or "May 2025" (groups: -, month, year). */
const DATE = new RegExp(`\\b(?:(\\d{1,2}) )?${MONTH},? (\\d{4})\\b`, 'g');
/** In prose, only a date the data is "as at" cannot lie after publication; plans can. */
const AS_AT = /\b(?:as at|as of|dated)\s+$/i;

export interface DateMention {
  text: string;
  /** The first day the mention can mean, YYYY-MM-DD ("May 2025" means 1 May at the earliest). */
  earliest: string;
  /** False for a day the calendar does not have, such as "31 April 2025". */
  real: boolean;
  index: number;
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Every date written out in words in a text: "5 May 2025", "May 2025". */
export function datesIn(text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(DATE)) {
    const month = (MONTHS as readonly string[]).indexOf(m[2] ?? '') + 1;
    const year = Number(m[3]);
    const day = m[1] === undefined ? 1 : Number(m[1]);
    const real = day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
    out.push({ text: m[0], earliest: iso(year, month, day), real, index: m.index ?? 0 });
  }
  return out;
}

/** A date given as data (a citation's `date`): 2013, "2013-08" or "2013-08-12". */
export function structuredDate(value: string | number): DateMention | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(value));
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)];
  const real = mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return { text: String(value), earliest: iso(y, mo, d), real, index: 0 };
}

/** Every string (and number) in a value, with its path, depth first in document order. */
function* strings(value: unknown, path: Path): Generator<{ path: Path; text: string | number }> {
  if (typeof value === 'string' || typeof value === 'number') yield { path, text: value };
  else if (Array.isArray(value))
    for (const [i, v] of value.entries()) yield* strings(v, [...path, i]);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
  }
}

/**
 * Dates after the edition's publication date. A footnote cites sources that existed when the
 * edition went to print, so any date in it ("Email from ..., 5 May 2025") must not be later;
 * elsewhere only a date the data is "as at" is checked, since prose may name future deadlines.
 * Works on any report kind: footnotes are the entries of a `notes` mapping keyed by note id
 * (at the top, or a section's), as text or as citations with a `date` (2013, "2013-08",
 * "2013-08-12"); a table's `notes` list is lines printed under it, not sources. A date the calendar does not have ("31 April
 * 2025") is reported wherever it is.
 */
export function checkDates(data: unknown, meta: Pick<EditionMeta, 'published'>, emit: Emit): void {
  // A publication date still to fill compares with nothing: the check waits for it.
  const published = filled(meta.published);
  if (published === undefined) return;
  for (const { path, text } of strings(data, [])) {
    const inNote = path.some((seg, i) => seg === 'notes' && typeof path[i + 1] === 'string');
    const given = inNote && path.at(-1) === 'date' ? structuredDate(text) : undefined;
    if (typeof text === 'number' && !given) continue;
    for (const date of given ? [given] : datesIn(String(text))) {
      if (!date.real) {
        emit('warning', path, `'${date.text}' is not a date the calendar has`);
        continue;
      }
      const checked = inNote || AS_AT.test(String(text).slice(0, date.index));
      if (checked && date.earliest > published) {
        emit(
          'warning',
          path,
          `${inNote ? 'cites' : 'gives data as at'} ${date.text}, after the edition's publication date, ${formatDate(published)} (published in _edition.yaml)`,
        );
      }
    }
  }
}
