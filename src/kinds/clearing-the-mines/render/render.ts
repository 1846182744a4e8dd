import type { WithDerived } from '../../../derive/derive-report.js';
import type { RenderedReport } from '../../../render/render-report.js';
import { renderKindPage } from '../../../render/page.js';
import { CLEARING_THE_MINES_PAGE } from './page.js';
import type { ClearingTheMinesDerived as Derived } from '../derive/report.js';
import { buildClearingTheMinesView } from './view.js';
import { documentDate } from '../../../render/to-fill-mark.js';

/** A Clearing the Mines country report as one standalone HTML page. */
export async function renderClearingTheMines(
  report: WithDerived<'clearing-the-mines', Derived>,
): Promise<RenderedReport> {
  const { data, meta, derived } = report;
  const view = buildClearingTheMinesView(data, derived, meta);
  return {
    ...(await renderKindPage(CLEARING_THE_MINES_PAGE, view, {
      publication: meta.title,
      country: data.country,
    })),
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
      published: documentDate(meta),
    },
  };
}
