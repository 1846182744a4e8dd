import { toFillText } from '../derive/to-fill.js';
import { formatDate } from '../derive/format.js';
import type { Reported } from '../derive/land-release.js';
import { filled, toFillEdition, type ToFill } from '../schema/figure.js';
import { escapeHtml, type CellView } from './table-view.js';

/**
 * The printed mark of a value still to fill, "TO FILL 2026", highlighted where the value
 * would stand (styles/base.css `mark.to-fill`). Drafts only: a final profile cannot hold one.
 */
export const toFillMark = (edition: number): string =>
  `<mark class="to-fill">${escapeHtml(toFillText(edition))}</mark>`;

/** A table figure that may be still to fill, as derive reads it. */
export function asReported(v: number | ToFill | Reported): Reported {
  if (typeof v === 'number') return { value: v, missing: undefined, note: undefined };
  if ('to_fill' in v)
    return { value: undefined, missing: 'to_fill', note: undefined, toFill: v.to_fill };
  return v;
}

/**
 * A table cell of a figure: the number; the mark where it is still to fill; otherwise a
 * dash (a line under the table says what the dash stands for). `prefix` is a cell's mark
 * (e.g. "*") pointing to a note under the table.
 */
export function figureHtml(
  v: number | ToFill | Reported,
  format: (n: number) => string,
  prefix = '',
): string {
  const x = asReported(v);
  if (x.value !== undefined) return escapeHtml(`${prefix}${format(x.value)}`);
  if (x.missing === 'to_fill' && x.toFill !== undefined)
    return `${escapeHtml(prefix)}${toFillMark(x.toFill)}`;
  return escapeHtml(`${prefix}–`);
}

export const figureCellView = (
  v: number | ToFill | Reported,
  format: (n: number) => string,
): CellView => ({ html: figureHtml(v, format), numeric: true });

/** The publication date as printed: "14 November 2025", or the mark while still to fill. */
export function publishedHtml(published: string | ToFill): string {
  const edition = toFillEdition(published);
  return edition === undefined ? escapeHtml(formatDate(published as string)) : toFillMark(edition);
}

/**
 * The date a PDF carries (creation and modification, so the same data gives the same file):
 * the publication date, or 1 January of the edition while that is still to fill.
 */
export const documentDate = (meta: { published: string | ToFill; edition: number }): string =>
  filled(meta.published) ?? `${meta.edition}-01-01`;
