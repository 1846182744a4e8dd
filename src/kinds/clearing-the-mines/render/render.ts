import type { DerivedReport } from '../../../derive/derive-report.js';
import type { RenderedReport } from '../../../render/render-report.js';
import { renderKindPage } from '../../../render/page.js';
import { buildClearingTheMinesView } from './view.js';

/** A Clearing the Mines country report as one standalone HTML page. */
export async function renderClearingTheMines(
  report: DerivedReport<'clearing-the-mines'>,
): Promise<RenderedReport> {
  const { data, meta, kind, derived } = report;
  const view = buildClearingTheMinesView(data, derived, meta);
  return {
    ...(await renderKindPage(kind, view, { publication: meta.title, country: data.country })),
    // Notes move from the end-of-report list to the foot of the page that cites them.
    layout: { flowRoot: '.kd-flow', notesSource: '.notes .note-list' },
    title: view.documentTitle,
    status: data.status,
    exports: view.exports,
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
