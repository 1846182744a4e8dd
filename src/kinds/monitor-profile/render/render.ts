import { originAt } from '../../../data/cascade.js';
import type { WithDerived } from '../../../derive/derive-report.js';
import type { RenderedReport } from '../../../render/render-report.js';
import { renderKindPage } from '../../../render/page.js';
import { MONITOR_PROFILE_PAGE } from './page.js';
import type { MonitorProfileDerived as Derived } from '../derive/report.js';
import { buildMonitorProfileView } from './view.js';
import { documentDate } from '../../../render/to-fill-mark.js';

/** A Landmine and Cluster Munition Monitor country profile as one standalone HTML page. */
export async function renderMonitorProfile(
  report: WithDerived<'monitor-profile', Derived>,
): Promise<RenderedReport> {
  const { data, meta, derived } = report;
  const editionOf = (key: string) =>
    originAt(report.origins, ['sections', key])?.edition ?? data.edition;
  const view = buildMonitorProfileView(data, derived, meta, editionOf);
  return {
    ...(await renderKindPage(MONITOR_PROFILE_PAGE, view, {
      publication: meta.title,
      country: data.country,
    })),
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
      published: documentDate(meta),
    },
  };
}
