import type {
  AllKnownCasualties,
  AnnualCasualties,
  CasualtyFigures,
  YearCasualties,
} from '../schema/casualties.js';
import { formatCountWord, formatInt } from '../../../derive/format.js';

/**
 * The Monitor's "Casualties Overview" key figures, worded as its profiles print them:
 * "569 mine/ERW casualties (115 killed; 454 injured)", "0 (2012: 7)",
 * "0 (2012: 1 killed; 6 injured)"; and the casualties by year. A year without figures is
 * "not available", an unknown all-time total "Unknown"; a value the source lost is undefined
 * (printed as a dash).
 */

export const NOT_AVAILABLE = 'Not available';

export interface CasualtyRow {
  label: string;
  value: string | undefined;
}

/** A group whose outcomes do not add up to its total, or a part larger than its whole. */
export interface CasualtyMismatch {
  path: (string | number)[];
  message: string;
}

const figures = (a: AnnualCasualties | undefined): YearCasualties | undefined =>
  a && 'total' in a ? a : undefined;

type Outcomes = { killed?: number; injured?: number; unknown_outcome?: number };

/** "115 killed; 454 injured", with "; 3 unknown" where outcomes are not known. */
export function outcomes(o: Outcomes): string | undefined {
  if (o.killed === undefined || o.injured === undefined) return undefined;
  const parts = [`${formatInt(o.killed)} killed`, `${formatInt(o.injured)} injured`];
  if (o.unknown_outcome) parts.push(`${formatInt(o.unknown_outcome)} unknown`);
  return parts.join('; ');
}

/** "5 civilians (2 children); 1 deminer; 2 military", from the groups the record breaks out. */
export function groups(y: YearCasualties): string | undefined {
  const parts: string[] = [];
  const plural = (n: number, one: string, many: string) =>
    `${formatInt(n)} ${n === 1 ? one : many}`;
  const children = y.children === undefined ? '' : ` (${plural(y.children, 'child', 'children')})`;
  if (y.civilians !== undefined)
    parts.push(`${plural(y.civilians, 'civilian', 'civilians')}${children}`);
  else if (y.children !== undefined) parts.push(plural(y.children, 'child', 'children'));
  if (y.deminers !== undefined) parts.push(plural(y.deminers, 'deminer', 'deminers'));
  if (y.military !== undefined) parts.push(`${formatInt(y.military)} military`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

export function allKnownText(a: AllKnownCasualties, type: string): string {
  if (a.total === 'unknown') {
    return a.at_least === undefined
      ? 'Unknown'
      : `Unknown; at least ${formatInt(a.at_least)} ${type} casualties`;
  }
  const o = outcomes(a);
  return `${formatInt(a.total)} ${type} casualties${o ? ` (${o})` : ''}`;
}

const yearTotal = (a: AnnualCasualties | undefined) => {
  const f = figures(a);
  return f ? formatInt(f.total) : NOT_AVAILABLE.toLowerCase();
};
const yearOutcomes = (a: AnnualCasualties | undefined) => {
  const f = figures(a);
  if (!f) return NOT_AVAILABLE.toLowerCase();
  return f.total === 0 ? '0' : (outcomes(f) ?? formatInt(f.total));
};

export function casualtyRows(f: CasualtyFigures): CasualtyRow[] {
  const prev = f.year - 1;
  const now = f.annual.find((a) => a.year === f.year);
  const before = f.annual.find((a) => a.year === prev);
  const beside = (text: (a: AnnualCasualties | undefined) => string) =>
    before ? ` (${prev}: ${text(before)})` : '';
  const capital = (s: string) => s.replace(/^n/, 'N');
  const rows: CasualtyRow[] = [
    {
      label: `All known casualties by end ${f.all_known.to_end_of}`,
      value: allKnownText(f.all_known, f.casualty_type),
    },
    { label: `Casualties in ${f.year}`, value: `${capital(yearTotal(now))}${beside(yearTotal)}` },
    {
      label: `${f.year} casualties by outcome`,
      value: `${capital(yearOutcomes(now))}${beside(yearOutcomes)}`,
    },
  ];
  const byGroup = figures(now) && groups(figures(now) as YearCasualties);
  if (byGroup) rows.push({ label: `${f.year} casualties by group`, value: byGroup });
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

function sumCheck(o: Outcomes & { total: number }, group: string): string | undefined {
  if (o.killed === undefined || o.injured === undefined) return undefined;
  const sum = o.killed + o.injured + (o.unknown_outcome ?? 0);
  if (sum === o.total) return undefined;
  const terms = [
    o.killed,
    o.injured,
    ...(o.unknown_outcome === undefined ? [] : [o.unknown_outcome]),
  ];
  const names =
    o.unknown_outcome === undefined
      ? 'killed plus injured'
      : 'killed plus injured plus unknown outcome';
  return `${group}: ${names} is ${formatInt(sum)} (${terms.map(formatInt).join(' + ')}), but the total is ${formatInt(o.total)}`;
}

function partChecks(y: YearCasualties, i: number): CasualtyMismatch[] {
  const out: CasualtyMismatch[] = [];
  for (const key of ['civilians', 'children', 'deminers', 'military'] as const) {
    const n = y[key];
    if (n !== undefined && n > y.total)
      out.push({
        path: ['annual', i, key],
        message: `${y.year}: ${formatInt(n)} ${key} is more than the ${formatInt(y.total)} casualties of the year`,
      });
  }
  if (y.children !== undefined && y.civilians !== undefined && y.children > y.civilians)
    out.push({
      path: ['annual', i, 'children'],
      message: `${y.year}: ${formatInt(y.children)} children is more than the ${formatInt(y.civilians)} civilians they are counted among`,
    });
  return out;
}

/** Outcomes must add up to each total (unknown outcomes included); a part cannot exceed its whole. */
export function casualtyMismatches(f: CasualtyFigures): CasualtyMismatch[] {
  const out: CasualtyMismatch[] = [];
  const a = f.all_known;
  if (a.total !== 'unknown') {
    const m = sumCheck({ ...a, total: a.total }, `all known casualties by end ${a.to_end_of}`);
    if (m) out.push({ path: ['all_known', 'total'], message: m });
  }
  f.annual.forEach((y, i) => {
    if (!('total' in y)) return;
    const m = sumCheck(y, `casualties in ${y.year}`);
    if (m) out.push({ path: ['annual', i, 'total'], message: m });
    out.push(...partChecks(y, i));
  });
  return out;
}

/** Values prose may name as {=name}, so the text repeats the key figures instead of retyping them. */
export function casualtyFacts(f: CasualtyFigures): Map<string, string> {
  const facts = new Map<string, string>([['casualty_year', String(f.year)]]);
  const a = f.all_known;
  facts.set('casualties_all_total', a.total === 'unknown' ? 'unknown' : formatInt(a.total));
  if (a.at_least !== undefined) facts.set('casualties_all_at_least', formatInt(a.at_least));
  if (a.killed !== undefined) facts.set('casualties_all_killed', formatInt(a.killed));
  if (a.injured !== undefined) facts.set('casualties_all_injured', formatInt(a.injured));
  if (a.unknown_outcome !== undefined)
    facts.set('casualties_all_unknown', formatInt(a.unknown_outcome));
  const put = (prefix: string, y: YearCasualties | undefined) => {
    if (!y) return;
    facts.set(`${prefix}_total`, formatInt(y.total));
    facts.set(`${prefix}_total_words`, formatCountWord(y.total));
    for (const key of [
      'killed',
      'injured',
      'civilians',
      'children',
      'deminers',
      'military',
    ] as const) {
      const n = y[key];
      if (n !== undefined) facts.set(`${prefix}_${key}`, formatInt(n));
    }
    if (y.unknown_outcome !== undefined)
      facts.set(`${prefix}_unknown`, formatInt(y.unknown_outcome));
  };
  put('casualties_year', figures(f.annual.find((y) => y.year === f.year)));
  put('casualties_previous', figures(f.annual.find((y) => y.year === f.year - 1)));
  return facts;
}
