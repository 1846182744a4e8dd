import type { RetainedYear, TreatyStatus } from '../schema/treaty.js';
import { formatDate, formatInt } from '../../../derive/format.js';

/**
 * A policy section's treaty facts in the Monitor's words: the key facts table ("Mine Ban
 * Treaty status: State Party", "Ratified: 14 January 1999"...), the retained mines by year
 * with their running balance checked, and the phrases prose names as {=mbt_*} / {=ccm_*}.
 */

export type TreatyKey = 'mbt' | 'ccm';

export const TREATIES = {
  mbt: { name: 'Mine Ban Treaty', items: 'mines', retained: 'Mines retained for training' },
  ccm: {
    name: 'Convention on Cluster Munitions',
    items: 'submunitions',
    retained: 'Submunitions retained for training',
  },
} as const;

export interface TreatyRow {
  label: string;
  /** Plain text, or keydata Markdown where `markdown` is set (a statement quoted from the data). */
  value: string;
  markdown?: boolean;
}

const STATUS = {
  state_party: 'State Party',
  signatory: 'Signatory',
  not_party: 'Not a State Party',
};
const JOINED = { ratification: 'Ratified', accession: 'Acceded', succession: 'Succeeded' };
const LEGISLATION = {
  enacted: 'Enacted',
  in_progress: 'In progress',
  existing_law_sufficient: 'Existing laws deemed sufficient',
  none: 'None',
};

/** [1999, 2000, 2001, 2003] -> "1999–2001 and 2003". */
export function yearRanges(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    ranges.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  if (ranges.length <= 1) return ranges.join('');
  return `${ranges.slice(0, -1).join(', ')} and ${ranges.at(-1)}`;
}

export function legislationText(l: NonNullable<TreatyStatus['legislation']>): string {
  if (l.status !== 'enacted' || !l.title)
    return `${LEGISLATION[l.status]}${l.date ? ` (${formatDate(l.date)})` : ''}`;
  return `${l.title}${l.date ? `, enacted ${formatDate(l.date)}` : ''}`;
}

export function transparencyText(r: NonNullable<TreatyStatus['transparency']>): string {
  if (r.years.length === 0)
    return `Not submitted${r.initial_due ? ` (initial report due ${formatDate(r.initial_due)})` : ''}`;
  const latest = r.latest ? `; latest submitted ${formatDate(r.latest)}` : '';
  return `Submitted for ${yearRanges(r.years)}${latest}`;
}

export function stockpileText(s: NonNullable<TreatyStatus['stockpile']>, items: string): string {
  if ('destruction_completed' in s) {
    const n = s.destroyed === undefined ? '' : ` (${formatInt(s.destroyed)} ${items} destroyed)`;
    return `Completed on ${formatDate(s.destruction_completed)}${n}`;
  }
  if ('deadline' in s) {
    const n =
      s.destroyed_so_far === undefined
        ? ''
        : ` (${formatInt(s.destroyed_so_far)} destroyed so far)`;
    return `Deadline ${formatDate(s.deadline)}${n}`;
  }
  return 'Never held a stockpile';
}

const latestRetained = (t: TreatyStatus) => t.retained?.at(-1);

export function treatyRows(t: TreatyStatus, key: TreatyKey): TreatyRow[] {
  const treaty = TREATIES[key];
  const rows: TreatyRow[] = [{ label: `${treaty.name} status`, value: STATUS[t.status] }];
  if (t.signed) rows.push({ label: 'Signed', value: formatDate(t.signed) });
  if (t.joined) rows.push({ label: JOINED[t.joined.how], value: formatDate(t.joined.date) });
  if (t.entry_into_force)
    rows.push({ label: 'Entry into force', value: formatDate(t.entry_into_force) });
  if (t.legislation)
    rows.push({
      label: 'National implementation legislation',
      value: legislationText(t.legislation),
    });
  if (t.transparency)
    rows.push({ label: 'Transparency reporting', value: transparencyText(t.transparency) });
  if (t.stockpile)
    rows.push({ label: 'Stockpile destruction', value: stockpileText(t.stockpile, treaty.items) });
  const r = latestRetained(t);
  if (r) rows.push({ label: treaty.retained, value: `${formatInt(r.balance)} (end of ${r.year})` });
  const conduct = t.conduct ?? {};
  for (const [field, label] of [
    ['use', 'Use'],
    ['production', 'Production'],
    ['stockpile', 'Stockpile'],
    ['transfer', 'Transfer'],
  ] as const) {
    const text = conduct[field];
    if (text) rows.push({ label, value: text, markdown: true });
  }
  return rows;
}

export interface RetainedMismatch {
  index: number;
  message: string;
}

/** Each year's balance must be the year before's, plus what was added, less what was consumed. */
export function retainedMismatches(
  retained: readonly RetainedYear[],
  items: string,
): RetainedMismatch[] {
  return retained.flatMap((r, i) => {
    const before = retained[i - 1];
    if (!before) return [];
    const added = r.added ?? 0;
    const consumed = r.consumed ?? 0;
    const expected = before.balance + added - consumed;
    if (expected === r.balance) return [];
    if (r.added === undefined && r.consumed === undefined) {
      return [
        {
          index: i,
          message: `${r.year}: the balance moved from ${formatInt(before.balance)} to ${formatInt(r.balance)} ${items}, but neither added nor consumed is given`,
        },
      ];
    }
    const sum = `${formatInt(before.balance)}${r.added ? ` + ${formatInt(added)}` : ''}${r.consumed ? ` - ${formatInt(consumed)}` : ''}`;
    return [
      {
        index: i,
        message: `${r.year}: ${sum} = ${formatInt(expected)} ${items} (the ${before.year} balance, plus added, less consumed), but the balance given is ${formatInt(r.balance)}`,
      },
    ];
  });
}

/** "980 mines at the end of 2024, down from 1,036 at the end of 2023 (56 consumed)". */
export function retainedChange(retained: readonly RetainedYear[], items: string): string {
  const last = retained.at(-1) as RetainedYear;
  const now = `${formatInt(last.balance)} ${items} at the end of ${last.year}`;
  const before = retained.at(-2);
  if (!before) return now;
  const direction =
    last.balance < before.balance
      ? 'down from'
      : last.balance > before.balance
        ? 'up from'
        : 'the same as';
  const moves = [
    last.added ? `${formatInt(last.added)} added` : '',
    last.consumed ? `${formatInt(last.consumed)} consumed` : '',
  ].filter(Boolean);
  return `${now}, ${direction} ${formatInt(before.balance)} at the end of ${before.year}${moves.length ? ` (${moves.join(', ')})` : ''}`;
}

/** The phrases prose may name, prefixed mbt_ or ccm_. */
export function treatyFacts(t: TreatyStatus, key: TreatyKey): Map<string, string> {
  const f = new Map<string, string>();
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined) f.set(`${key}_${name}`, value);
  };
  const treaty = TREATIES[key];
  // Phrases run on inside a sentence: "Veldoria {=mbt_joined} and ...".
  set('status', STATUS[t.status]);
  set('signed', t.signed && formatDate(t.signed));
  set(
    'joined',
    t.joined && `${JOINED[t.joined.how].toLowerCase()} on ${formatDate(t.joined.date)}`,
  );
  set('joined_date', t.joined && formatDate(t.joined.date));
  set('entry_into_force', t.entry_into_force && formatDate(t.entry_into_force));
  set('legislation_title', t.legislation?.title);
  const years = t.transparency?.years;
  set('transparency_years', years?.length ? yearRanges(years) : undefined);
  set('transparency_latest', t.transparency?.latest && formatDate(t.transparency.latest));
  const stock = t.stockpile;
  if (stock && 'destruction_completed' in stock) {
    set('stockpile_completed', formatDate(stock.destruction_completed));
    set(
      'stockpile_destroyed',
      stock.destroyed === undefined ? undefined : formatInt(stock.destroyed),
    );
  }
  if (stock && 'deadline' in stock) set('stockpile_deadline', formatDate(stock.deadline));
  const r = latestRetained(t);
  set('retained', r && formatInt(r.balance));
  set('retained_year', r && String(r.year));
  set('retained_change', t.retained && retainedChange(t.retained, treaty.items));
  const prev = t.retained?.at(-2);
  set('retained_previous', prev && formatInt(prev.balance));
  set('retained_consumed', r?.consumed === undefined ? undefined : formatInt(r.consumed));
  return f;
}
