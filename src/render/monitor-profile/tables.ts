import type { DerivedMonitorSection } from '../../derive/monitor-profile.js';
import { formatInt, formatNumber } from '../../derive/format.js';
import { formatAmount } from '../../derive/monitor-profile-money.js';
import type { MonitorTable } from '../../schema/monitor-profile.js';
import { escapeHtml, type CellView } from '../table-view.js';

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

/** A table written out in the data; a null cell (or heading) is one the source lost. */
export function genericTable(
  id: string,
  t: MonitorTable,
  md: (s: string) => string,
): MonitorTableView {
  const headRow: MonitorRow = {
    cells: t.columns.map((c) => ({
      html: c.label === null ? '' : escapeHtml(c.label),
      numeric: c.numeric,
    })),
  };
  const body = t.rows.map((row) => ({
    cells: row.map((cell, i): MonitorCell => {
      const numeric = t.columns[i]?.numeric ?? false;
      if (cell === null) return lost(numeric);
      if (typeof cell === 'number') return { html: escapeHtml(formatNumber(cell)), numeric };
      return { html: md(cell), numeric };
    }),
  }));
  return view(id, 'generic', md(t.caption), [headRow], body, (t.notes ?? []).map(md));
}

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
        : num(formatAmount(row.amount, row.currency)),
      row.value === undefined ? lost(true) : num(formatInt(row.value.usd)),
    ],
  }));
  body.push({
    cells: [text('Total'), text(''), text(''), c.total ? num(formatInt(c.total.usd)) : lost(true)],
    total: true,
  });
  const notes: string[] = [];
  if (c.total?.from === 'stated')
    notes.push('The total is as published; the amounts of some contributions are not available.');
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
