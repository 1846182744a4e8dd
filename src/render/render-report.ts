import type { LoadedReport } from '../data/load-report.js';
import { renderClearingTheMines } from './clearing-the-mines/render.js';

/** What the page layout pass needs to know about a report kind's document. */
export interface LayoutHints {
  /** Selector of the element whose children flow into pages. */
  flowRoot: string;
  /** Selector of the notes list printed at page feet; null when notes stay where they are. */
  notesSource: string | null;
}

export interface RenderedReport {
  html: string;
  layout: LayoutHints;
  title: string;
  /** Text for PDF metadata. */
  meta: { title: string; author: string; subject: string; keywords: string[]; language: string; published: string };
}

/** Derives, builds the view and merges it into the kind's template: one standalone HTML page. */
export async function renderReport(report: LoadedReport): Promise<RenderedReport> {
  switch (report.kind) {
    case 'clearing-the-mines':
      return renderClearingTheMines(report as LoadedReport<'clearing-the-mines'>);
  }
}
