import { chartPng, type RenderedChart } from './charts.js';
import type { CellView } from './table-view.js';

/**
 * A report's tables and charts as files of their own, beside its PDF: each table as CSV
 * (from the same table views the templates print, so the figures are the printed ones),
 * each chart as the SVG the PDF places and as a PNG drawn at twice its size.
 */

/** A table's rows as the templates get them: every cell formatted and escaped HTML. */
export interface ExportTable {
  /** Its key in the data, e.g. "clearance_by_district": the file is <country>.<name>.csv. */
  name: string;
  head: readonly { cells: readonly CellView[] }[];
  body: readonly { cells: readonly CellView[] }[];
}

export interface ExportChart {
  /** e.g. "clearance_trend": the files are <country>.<name>.svg and .png. */
  name: string;
  chart: RenderedChart;
}

export interface ReportExports {
  tables: ExportTable[];
  charts: ExportChart[];
}

export const EXPORT_FORMATS = ['csv', 'svg', 'png'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  format: ExportFormat;
  /** Table or chart name. */
  name: string;
  /** File extension. */
  ext: ExportFormat;
  data: string | Uint8Array;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  nbsp: '\u00a0',
};

/**
 * A cell's text: note references dropped (a "12" glued to a figure would change it), tags
 * removed, entities decoded, white space collapsed. A numeric cell that is a plain number
 * loses its thousands separators, so a spreadsheet reads it as a number.
 */
export function cellText(cell: Pick<CellView, 'html' | 'numeric'>): string {
  const text = cell.html
    .replace(/<sup class="note-ref">.*?<\/sup>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] as string)
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/\s+/g, ' ')
    .trim();
  return cell.numeric && /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, '') : text;
}

/**
 * A spreadsheet reads a cell starting with =, +, -, @, tab or carriage return as a formula
 * (and runs =HYPERLINK, =cmd|...); OWASP's advice is to prefix such a cell with a single
 * quote. A plain number (-1,234 or +5.5, read here without separators) stays a number.
 */
const PLAIN_NUMBER = /^[-+]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?%?$/;

export function defuseFormula(s: string): string {
  if (!/^[=+\-@\t\r]/.test(s) || s === '-' || PLAIN_NUMBER.test(s)) return s;
  return `'${s}`;
}

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(s: string): string {
  const safe = defuseFormula(s);
  return /[",\r\n]/.test(safe) || /^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A table as CSV: its header row(s), then its body (subheadings and totals included), one
 * line per row; a cell spanning columns is followed by empty fields so the columns line up.
 * UTF-8 with a byte-order mark, which spreadsheet programs need to read "m²" right; CRLF
 * line ends, as RFC 4180 has them.
 */
export function tableCsv(t: Pick<ExportTable, 'head' | 'body'>): string {
  const line = (cells: readonly CellView[]) =>
    cells
      .flatMap((c) => [
        csvField(cellText(c)),
        ...Array.from({ length: Math.max(0, (c.colspan ?? 1) - 1) }, () => ''),
      ])
      .join(',');
  const rows = [...t.head, ...t.body].filter((r) => r.cells.length > 0);
  return `\ufeff${rows.map((r) => `${line(r.cells)}\r\n`).join('')}`;
}

/** The files of the export formats asked for, in a stable order: tables, then charts. */
export function exportFiles(exports: ReportExports, formats: readonly string[]): ExportFile[] {
  const files: ExportFile[] = [];
  if (formats.includes('csv')) {
    for (const t of exports.tables)
      files.push({ format: 'csv', name: t.name, ext: 'csv', data: tableCsv(t) });
  }
  for (const c of exports.charts) {
    if (formats.includes('svg'))
      files.push({ format: 'svg', name: c.name, ext: 'svg', data: c.chart.svg });
    if (formats.includes('png'))
      files.push({ format: 'png', name: c.name, ext: 'png', data: chartPng(c.chart, 2) });
  }
  return files;
}
