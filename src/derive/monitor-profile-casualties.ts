import type { CasualtyFigures } from '../schema/monitor-profile.js';
import { formatCountWord, formatInt } from './format.js';

/**
 * The Monitor's "Casualties Overview" key figures, worded as its profiles print them:
 * "569 mine/ERW casualties (115 killed; 454 injured)", "0 (2012: 7)",
 * "0 (2012: 1 killed; 6 injured)". A value the source lost is undefined (printed as a dash).
 */

type Outcomes = { total: number; killed: number; injured: number };

export interface CasualtyRow {
  label: string;
  value: string | undefined;
}

/** Groups whose killed and injured do not add up to their total, with their field path. */
export interface OutcomeMismatch {
  path: (string | number)[];
  group: string;
  figures: Outcomes;
}

const outcomes = (o: Outcomes) => `${formatInt(o.killed)} killed; ${formatInt(o.injured)} injured`;

export function casualtyRows(f: CasualtyFigures): CasualtyRow[] {
  const prev = f.year - 1;
  const inYear = f.in_year.total === 0 ? '0' : outcomes(f.in_year);
  const rows: CasualtyRow[] = [
    {
      label: `All known casualties by end ${f.all_known.to_end_of}`,
      value: `${formatInt(f.all_known.total)} ${f.casualty_type} casualties (${outcomes(f.all_known)})`,
    },
    {
      label: `Casualties in ${f.year}`,
      value: `${formatInt(f.in_year.total)} (${prev}: ${formatInt(f.previous_year.total)})`,
    },
    {
      label: `${f.year} casualties by outcome`,
      value: `${inYear} (${prev}: ${outcomes(f.previous_year)})`,
    },
  ];
  if (f.by_item_type !== undefined) {
    rows.push({
      label: `${f.year} casualties by item type`,
      value:
        f.by_item_type === null
          ? undefined
          : f.by_item_type.map((x) => `${formatInt(x.casualties)} ${x.item}`).join('; '),
    });
  }
  return rows;
}

/** Killed plus injured must equal the total of each group. */
export function outcomeMismatches(f: CasualtyFigures): OutcomeMismatch[] {
  const groups = [
    {
      key: 'all_known',
      group: `all known casualties by end ${f.all_known.to_end_of}`,
      figures: f.all_known,
    },
    { key: 'in_year', group: `casualties in ${f.year}`, figures: f.in_year },
    { key: 'previous_year', group: `casualties in ${f.year - 1}`, figures: f.previous_year },
  ] as const;
  return groups
    .filter((g) => g.figures.killed + g.figures.injured !== g.figures.total)
    .map((g) => ({ path: [g.key, 'total'], group: g.group, figures: g.figures }));
}

/** Values prose may name as {=name}, so the text repeats the key figures instead of retyping them. */
export function casualtyFacts(f: CasualtyFigures): Map<string, string> {
  return new Map([
    ['casualty_year', String(f.year)],
    ['casualties_all_total', formatInt(f.all_known.total)],
    ['casualties_all_killed', formatInt(f.all_known.killed)],
    ['casualties_all_injured', formatInt(f.all_known.injured)],
    ['casualties_year_total', formatInt(f.in_year.total)],
    ['casualties_previous_total', formatInt(f.previous_year.total)],
    ['casualties_previous_total_words', formatCountWord(f.previous_year.total)],
  ]);
}
