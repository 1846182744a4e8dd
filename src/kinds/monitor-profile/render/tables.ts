import type { DerivedMonitorSection } from '../derive/report.js';
import { formatInt, formatNumber } from '../../../derive/format.js';
import { NOT_AVAILABLE } from '../derive/casualties.js';
import { contributionNotes, formatAmountInFull } from '../derive/money.js';
import { landReleaseRows } from '../derive/mine-action.js';
import { TREATIES } from '../derive/treaty.js';
import type { CasualtyFigures } from '../schema/casualties.js';
import type { MonitorColumn, MonitorTable } from '../schema/report.js';
import { escapeHtml, type CellView } from '../../../render/table-view.js';

/** A cell; `lost` marks a value the source lost, printed as a dash. */
export interface MonitorCell extends CellView {
  lost?: boolean;
}

export interface MonitorRow {
  cells: MonitorCell[];
  total?: boolean;
}

/** A Monitor table as printed: unnumbered, its caption the source's title. */
export interface MonitorTableView {
  id: string;
  captionHtml: string | undefined;
  head: MonitorRow[];
  body: MonitorRow[];
  notes: string[];
  kind: string;
  /** Short tables move whole to the next page rather than split. */
  small: boolean;
}

const SMALL_TABLE_ROWS = 10;
export const DASH = '–';

const text = (s: string): MonitorCell => ({ html: escapeHtml(s) });
const num = (s: string): MonitorCell => ({ html: escapeHtml(s), numeric: true });
const lost = (numeric: boolean): MonitorCell => ({ html: DASH, numeric, lost: true });
const head = (...labels: string[]): MonitorRow => ({ cells: labels.map(text) });

function view(
  id: string,
  kind: string,
  captionHtml: string | undefined,
  h: MonitorRow[],
  body: MonitorRow[],
  notes: string[] = [],
): MonitorTableView {
  return { id, kind, captionHtml, head: h, body, notes, small: body.length <= SMALL_TABLE_ROWS };
}

/** A figure as its column prints it: a year as written, a number with its column's decimals. */
export function formatCellNumber(n: number, column: MonitorColumn | undefined): string {
  if (column?.type === 'year') return String(n);
  if (column?.decimals === undefined) return formatNumber(n);
  return n.toLocaleString('en-GB', {
    minimumFractionDigits: column.decimals,
    maximumFractionDigits: column.decimals,
  });
}

/** A table written out in the data; a null cell (or heading) is one the source lost. */
export function genericTable(
  id: string,
  t: MonitorTable,
  md: (s: string) => string,
): MonitorTableView {
  const isNumeric = (c: MonitorColumn | undefined) => c !== undefined && c.type !== 'text';
  // A heading the source lost prints as a lost cell does, a dash: an empty header cell would
  // leave its column unnamed for a screen reader (axe: empty-table-header).
  const headRow: MonitorRow = {
    cells: t.columns.map((c) =>
      c.label === null ? lost(isNumeric(c)) : { html: escapeHtml(c.label), numeric: isNumeric(c) },
    ),
  };
  const body = t.rows.map((row) => ({
    cells: row.map((cell, i): MonitorCell => {
      const column = t.columns[i];
      const numeric = isNumeric(column);
      if (cell === null) return lost(numeric);
      if (typeof cell === 'number')
        return { html: escapeHtml(formatCellNumber(cell, column)), numeric };
      return { html: md(cell), numeric };
    }),
  }));
  const caption = t.caption === undefined ? undefined : md(t.caption);
  return view(id, 'generic', caption, [headRow], body, (t.notes ?? []).map(md));
}

/** A policy section's treaty key facts, each beside its label, like the casualty overview. */
export function treatyTable(
  id: string,
  s: DerivedMonitorSection,
  md: (s: string) => string,
): MonitorTableView | undefined {
  if (!s.treaty) return undefined;
  const body = s.treaty.rows.map((row) => ({
    cells: [text(row.label), row.markdown ? { html: md(row.value) } : text(row.value)],
  }));
  return { ...view(id, 'key-figures', undefined, [], body), small: true };
}

/** The Mine Action section's key figures: contamination, land release, treaty deadlines. */
export function mineActionTable(
  id: string,
  s: DerivedMonitorSection,
): MonitorTableView | undefined {
  if (!s.mineAction) return undefined;
  const body = s.mineAction.map((row) => ({ cells: [text(row.label), text(row.value)] }));
  return { ...view(id, 'key-figures', undefined, [], body), small: true };
}

/** Land release by year in km², each year's total and the total over the years derived. */
export function landReleaseTable(
  id: string,
  s: DerivedMonitorSection,
): MonitorTableView | undefined {
  const years = s.section.land_release;
  if (!years) return undefined;
  const rows = landReleaseRows(years);
  const body = rows.map((r, i) => ({
    cells: [text(r.year), ...r.cells.map(num)],
    ...(i === rows.length - 1 && { total: true }),
  }));
  return view(
    id,
    'land-release',
    escapeHtml('Land release (km²)'),
    [
      head(
        'Year',
        'Cleared',
        'Reduced by technical survey',
        'Cancelled by non-technical survey',
        'Total',
      ),
    ],
    body,
  );
}

/** Mines (or submunitions) retained for training, by year: added, consumed, the balance. */
export function retainedTable(id: string, s: DerivedMonitorSection): MonitorTableView | undefined {
  const retained = s.section.treaty?.retained;
  if (!retained || !s.treaty) return undefined;
  const treaty = TREATIES[s.treaty.key];
  const maybe = (n: number | undefined) => (n === undefined ? lost(true) : num(formatInt(n)));
  const body = retained.map((r) => ({
    cells: [text(String(r.year)), maybe(r.added), maybe(r.consumed), num(formatInt(r.balance))],
  }));
  return view(
    id,
    'retained',
    escapeHtml(`${treaty.retained}, by year`),
    [head('Year', 'Added', 'Consumed', 'Retained at year end')],
    body,
  );
}

const GROUPS = [
  ['civilians', 'Civilians'],
  ['children', 'Children'],
  ['deminers', 'Deminers'],
  ['military', 'Military'],
] as const;

/** Casualties by year; a year without figures says so, and only the groups recorded get a column. */
export function casualtiesByYearTable(
  id: string,
  f: CasualtyFigures | undefined,
): MonitorTableView | undefined {
  if (!f) return undefined;
  const known = f.annual.flatMap((a) => ('total' in a ? [a] : []));
  const unknown = known.some((a) => a.unknown_outcome !== undefined);
  const groups = GROUPS.filter(([k]) => known.some((a) => a[k] !== undefined));
  const labels = ['Year', 'Killed', 'Injured', ...(unknown ? ['Unknown outcome'] : []), 'Total'];
  const body = f.annual.map((a): MonitorRow => {
    const width = labels.length - 1 + groups.length;
    if (!('total' in a))
      return {
        cells: [
          text(String(a.year)),
          text(NOT_AVAILABLE),
          ...Array.from({ length: width - 1 }, () => text('')),
        ],
      };
    const n = (v: number | undefined) => (v === undefined ? lost(true) : num(formatInt(v)));
    return {
      cells: [
        text(String(a.year)),
        n(a.killed),
        n(a.injured),
        ...(unknown ? [n(a.unknown_outcome)] : []),
        n(a.total),
        ...groups.map(([k]) => n(a[k])),
      ],
    };
  });
  return view(
    id,
    'casualties-by-year',
    escapeHtml(`${capitalType(f.casualty_type)} casualties by year`),
    [head(...labels, ...groups.map(([, l]) => l))],
    body,
  );
}

const capitalType = (t: string) => t.replace(/^[a-z]/, (c) => c.toUpperCase());

/** "Casualties Overview": each key figure beside its label. */
export function casualtyTable(id: string, s: DerivedMonitorSection): MonitorTableView | undefined {
  if (!s.casualties) return undefined;
  const body = s.casualties.map((row) => ({
    cells: [text(row.label), row.value === undefined ? lost(false) : text(row.value)],
  }));
  return { ...view(id, 'key-figures', undefined, [], body), small: true };
}

/** International contributions of the year: each in the donor's currency, and in US$. */
export function contributionsTable(
  id: string,
  s: DerivedMonitorSection,
  md: (s: string) => string,
): MonitorTableView | undefined {
  const c = s.contributions;
  const src = s.section.contributions;
  if (!c || !src) return undefined;
  const body: MonitorRow[] = c.rows.map((row) => ({
    cells: [
      row.donor === null ? lost(false) : text(row.donor),
      row.sector === null ? lost(false) : text(row.sector),
      row.amount === null || row.currency === null
        ? lost(true)
        : num(formatAmountInFull(row.amount, row.currency)),
      row.value === undefined ? lost(true) : num(formatInt(row.value.usd)),
    ],
  }));
  body.push({
    cells: [text('Total'), text(''), text(''), c.total ? num(formatInt(c.total.usd)) : lost(true)],
    total: true,
  });
  const notes = contributionNotes(c);
  return view(
    id,
    'contributions',
    md(src.caption),
    [head('Donor', 'Sector', 'Amount (national currency)', 'Amount (US$)')],
    body,
    notes.map(escapeHtml),
  );
}

/** The multi-year summary, in US$; a total only where every year is known. */
export function summaryTable(
  id: string,
  s: DerivedMonitorSection,
  md: (s: string) => string,
): MonitorTableView | undefined {
  const sum = s.summary;
  const src = s.section.contribution_summary;
  if (!sum || !src) return undefined;
  const body: MonitorRow[] = sum.rows.map((row) => ({
    cells: [text(String(row.year)), row.usd === undefined ? lost(true) : num(formatInt(row.usd))],
  }));
  body.push({
    cells: [text('Total'), sum.total === undefined ? lost(true) : num(formatInt(sum.total))],
    total: true,
  });
  return view(id, 'summary', md(src.caption), [head('Year', 'Amount ($)')], body);
}

/** Headings of numeric columns align with their figures. */
export function alignHead(t: MonitorTableView): MonitorTableView {
  const first = t.body[0];
  if (!first) return t;
  return {
    ...t,
    head: t.head.map((row) => ({
      ...row,
      cells: row.cells.map((c, i) => ({ ...c, numeric: first.cells[i]?.numeric === true })),
    })),
  };
}
