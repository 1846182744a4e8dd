import type { WithDerived } from '../../../derive/derive-report.js';
import { documentDate } from '../../../render/to-fill-mark.js';
import { renderKindPage } from '../../../render/page.js';
import { CMR_PAGE } from './page.js';
import type { RenderedReport } from '../../../render/render-report.js';
import type { CmrDerived } from '../derive/report.js';
import { buildCmrView } from './view.js';

/** A Clearing Cluster Munition Remnants country report as one standalone HTML page. */
export async function renderCmr(
  report: WithDerived<'clearing-cluster-munition-remnants', CmrDerived>,
): Promise<RenderedReport> {
  const { data, meta, derived } = report;
  const view = buildCmrView(data, derived, meta);
  return {
    ...(await renderKindPage(CMR_PAGE, view, { publication: meta.title, country: data.country })),
    // Notes move from the end-of-report list to the foot of the page that cites them.
    layout: { flowRoot: '.kd-flow', notesSource: '.notes .note-list' },
    title: view.documentTitle,
    status: data.status,
    exports: view.exports,
    meta: {
      title: view.documentTitle,
      author: meta.publisher,
      subject: `${meta.title}: country report on ${data.country}`,
      keywords: [
        meta.title,
        data.country,
        'mine action',
        'cluster munition remnants',
        'Convention on Cluster Munitions',
        'land release',
      ],
      language: meta.language,
      published: documentDate(meta),
    },
  };
}
