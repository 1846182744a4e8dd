import type { LandReleaseYear, MonitorContamination } from '../schema/mine-action.js';
import type { MineActionSection } from '../schema/report.js';
import type { TreatyDeadline, TreatyObligation } from '../../../schema/treaty-deadline.js';
import { formatInt, formatKm2 } from '../../../derive/format.js';
import { deadlineHistory, deadlinePhrases } from '../../../derive/treaty-deadline.js';

/**
 * The Mine Action section's figures in the Monitor's words: contamination in km², land
 * released by year with its derived totals, and the treaty deadlines with their history
 * (the kind-neutral model in src/derive/treaty-deadline.ts, named as the Monitor names the
 * treaties).
 */

export const MONITOR_OBLIGATIONS = {
  article5: { treaty: 'Mine Ban Treaty', article: 'Article 5' },
  article4: { treaty: 'Convention on Cluster Munitions', article: 'Article 4' },
} as const satisfies Record<string, TreatyObligation>;

export interface FigureRow {
  label: string;
  value: string;
}

/** Sums of km² are rounded once, to the two decimals the Monitor prints. */
const km2 = (n: number) => formatKm2(Math.round(n * 100) / 100);

export const landReleaseTotal = (y: LandReleaseYear): number =>
  y.cleared_km2 + y.reduced_km2 + y.cancelled_km2;

function contaminationRows(c: MonitorContamination): FigureRow[] {
  const rows: FigureRow[] = [];
  const areas = (n: number | undefined) =>
    n === undefined ? '' : ` in ${formatInt(n)} ${n === 1 ? 'area' : 'areas'}`;
  const end = `(end ${c.at_end_of})`;
  if (c.confirmed_km2 !== undefined)
    rows.push({
      label: `Confirmed ${c.contaminant} contamination ${end}`,
      value: `${km2(c.confirmed_km2)}${areas(c.confirmed_areas)}`,
    });
  if (c.suspected_km2 !== undefined)
    rows.push({
      label: `Suspected ${c.contaminant} contamination ${end}`,
      value: `${km2(c.suspected_km2)}${areas(c.suspected_areas)}`,
    });
  if (c.confirmed_km2 !== undefined && c.suspected_km2 !== undefined)
    rows.push({
      label: `Total ${c.contaminant} contamination ${end}`,
      value: km2(c.confirmed_km2 + c.suspected_km2),
    });
  return rows;
}

/** "0.62km² (0.40km² cleared; 0.12km² reduced; 0.10km² cancelled)". */
export function landReleaseText(y: LandReleaseYear): string {
  const parts = [`${km2(y.cleared_km2)} cleared`];
  if (y.reduced_km2 > 0) parts.push(`${km2(y.reduced_km2)} reduced`);
  if (y.cancelled_km2 > 0) parts.push(`${km2(y.cancelled_km2)} cancelled`);
  return `${km2(landReleaseTotal(y))} (${parts.join('; ')})`;
}

const capital = (s: string) => s.replace(/^[a-z]/, (c) => c.toUpperCase());

function deadlineRows(d: TreatyDeadline, o: TreatyObligation): FigureRow[] {
  const p = deadlinePhrases(d, o);
  const rows: FigureRow[] = [
    {
      label: `${o.treaty} ${o.article} deadline`,
      value: p.pending ? `${p.line} ${p.pending}` : p.line,
    },
  ];
  const history = deadlineHistory(d);
  if (history.length > 1)
    rows.push({
      label: `${o.article} deadline history`,
      value: capital(history.map((h) => h.phrase).join('; ')),
    });
  return rows;
}

export function mineActionRows(s: Partial<MineActionSection>): FigureRow[] {
  const rows = s.contamination ? contaminationRows(s.contamination) : [];
  const latest = s.land_release?.at(-1);
  if (latest)
    rows.push({ label: `Land released in ${latest.year}`, value: landReleaseText(latest) });
  if (s.article5) rows.push(...deadlineRows(s.article5, MONITOR_OBLIGATIONS.article5));
  if (s.article4) rows.push(...deadlineRows(s.article4, MONITOR_OBLIGATIONS.article4));
  return rows;
}

/** Land release by year, and the total over the years listed. */
export function landReleaseRows(
  years: readonly LandReleaseYear[],
): { year: string; cells: string[] }[] {
  const rows = years.map((y) => ({
    year: String(y.year),
    cells: [y.cleared_km2, y.reduced_km2, y.cancelled_km2, landReleaseTotal(y)].map((n) =>
      km2(n).replace('km²', ''),
    ),
  }));
  const sum = (f: (y: LandReleaseYear) => number) => years.reduce((t, y) => t + f(y), 0);
  rows.push({
    year: 'Total',
    cells: [
      sum((y) => y.cleared_km2),
      sum((y) => y.reduced_km2),
      sum((y) => y.cancelled_km2),
      sum(landReleaseTotal),
    ].map((n) => km2(n).replace('km²', '')),
  });
  return rows;
}

/** A published year's total that differs from its parts, beyond the published rounding. */
export function landReleaseMismatches(
  years: readonly LandReleaseYear[],
): { index: number; message: string }[] {
  return years.flatMap((y, index) => {
    if (y.stated_total_km2 === undefined) return [];
    const total = landReleaseTotal(y);
    if (Math.abs(total - y.stated_total_km2) < 0.005) return [];
    return [
      {
        index,
        message: `${y.year}: the parts sum to ${km2(total)} (${km2(y.cleared_km2)} + ${km2(y.reduced_km2)} + ${km2(y.cancelled_km2)}), but the total given is ${km2(y.stated_total_km2)}; the PDF prints ${km2(total)}`,
      },
    ];
  });
}

/** Values prose may name. */
export function mineActionFacts(s: Partial<MineActionSection>): Map<string, string> {
  const f = new Map<string, string>();
  const c = s.contamination;
  if (c?.confirmed_km2 !== undefined) f.set('contamination_confirmed_km2', km2(c.confirmed_km2));
  if (c?.suspected_km2 !== undefined) f.set('contamination_suspected_km2', km2(c.suspected_km2));
  if (c?.confirmed_km2 !== undefined && c.suspected_km2 !== undefined)
    f.set('contamination_total_km2', km2(c.confirmed_km2 + c.suspected_km2));
  if (c) f.set('contamination_year', String(c.at_end_of));
  const latest = s.land_release?.at(-1);
  if (latest && s.land_release) {
    f.set('land_release_year', String(latest.year));
    f.set('land_release_total_km2', km2(landReleaseTotal(latest)));
    f.set('land_release_cleared_km2', km2(latest.cleared_km2));
    const first = s.land_release[0] as LandReleaseYear;
    f.set(
      'land_release_years',
      first.year === latest.year ? String(first.year) : `${first.year}–${latest.year}`,
    );
    f.set('land_release_all_km2', km2(s.land_release.reduce((t, y) => t + landReleaseTotal(y), 0)));
  }
  for (const key of ['article5', 'article4'] as const) {
    const d = s[key];
    if (!d) continue;
    const p = deadlinePhrases(d, MONITOR_OBLIGATIONS[key]);
    f.set(`${key}_deadline`, p.line);
    const history = deadlineHistory(d);
    if (history.length > 0) f.set(`${key}_history`, history.map((h) => h.phrase).join('; '));
  }
  return f;
}
