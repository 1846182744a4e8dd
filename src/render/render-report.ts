import type { LoadedReport } from '../data/load-report.js';
import { deriveClearingTheMines } from '../derive/clearing-the-mines.js';
import { buildClearingTheMinesView } from './clearing-the-mines/view.js';
import { runningHeadCss, loadStyles } from './styles.js';
import { loadTemplate } from './templates.js';

export interface RenderedReport {
  html: string;
  title: string;
  /** Text for PDF metadata. */
  meta: { title: string; author: string; subject: string; keywords: string[]; language: string; published: string };
}

/** Derives, builds the view and merges it into the kind's template: one standalone HTML page. */
export async function renderReport(report: LoadedReport): Promise<RenderedReport> {
  const { data, meta, kind } = report;
  const derived = deriveClearingTheMines(data);
  const view = buildClearingTheMinesView(data, derived, meta);
  const css = `${await loadStyles(kind)}\n${runningHeadCss(meta.title, data.country)}`;
  const template = await loadTemplate(kind);
  const html = template({ ...view, css });
  return {
    html,
    title: view.documentTitle,
    meta: {
      title: view.documentTitle,
      author: meta.publisher,
      subject: `${meta.title}: country report on ${data.country}`,
      keywords: [meta.title, data.country, 'mine action', 'anti-personnel mines', 'land release'],
      language: meta.language,
      published: meta.published,
    },
  };
}
