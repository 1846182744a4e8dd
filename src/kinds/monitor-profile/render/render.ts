import { originAt } from '../../../data/cascade.js';
import type { DerivedReport } from '../../../derive/derive-report.js';
import type { RenderedReport } from '../../../render/render-report.js';
import { renderKindPage } from '../../../render/page.js';
import { buildMonitorProfileView } from './view.js';

/** A Landmine and Cluster Munition Monitor country profile as one standalone HTML page. */
export async function renderMonitorProfile(
  report: DerivedReport<'monitor-profile'>,
): Promise<RenderedReport> {
  const { data, meta, kind, derived } = report;
  const editionOf = (key: string) =>
    originAt(report.origins, ['sections', key])?.edition ?? data.edition;
  const view = buildMonitorProfileView(data, derived, meta, editionOf);
  return {
    ...(await renderKindPage(kind, view, { publication: meta.title, country: data.country })),
    // Notes stay at the end of their section; the pass still paginates and keeps headings with what follows.
    layout: { flowRoot: '.kd-flow', notesSource: null },
    title: view.documentTitle,
    status: data.status,
    exports: view.exports,
    meta: {
      title: view.documentTitle,
      author: meta.publisher,
      subject: `${meta.title}: ${data.country}`,
      keywords: [
        meta.title,
        data.country,
        'mine ban policy',
        'cluster munitions',
        'mine action',
        'casualties',
        'support for mine action',
      ],
      language: meta.language,
      published: meta.published,
    },
  };
}
