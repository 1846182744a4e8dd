/** A table as the templates print it: every cell already formatted and escaped. */
export interface CellView {
  html: string;
  numeric?: boolean;
  colspan?: number;
}

export interface RowView {
  cells: CellView[];
  /** A header row inside the body, e.g. Table 5's second part. */
  subhead?: boolean;
  total?: boolean;
}

export interface TableView {
  id: string;
  number: number;
  captionHtml: string;
  head: RowView[];
  body: RowView[];
  notes: string[];
  /** Extra class naming the table kind, for column widths in the stylesheet. */
  kind: string;
  /** Short tables are kept whole on one page rather than split. */
  small: boolean;
}

export interface FigureView {
  id: string;
  number: number;
  caption: string;
  svgDataUrl: string;
  /** The same chart as inline SVG, for the site's pages (src/render/site/inline-svg.ts). */
  inlineSvg: string;
  alt: string;
  width: number;
  height: number;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

export const text = (s: string): CellView => ({ html: escapeHtml(s) });
export const num = (s: string): CellView => ({ html: escapeHtml(s), numeric: true });
export const headRow = (...labels: string[]): RowView => ({ cells: labels.map(text) });
