/**
 * One country's line of the Clearing Cluster Munition Remnants overview, read from its
 * derived report: the Article 4 deadline in force, CMR contamination, land release and
 * submunitions destroyed in both years, and the performance score.
 */
import {
  type OverviewRow,
  type OverviewWords,
  overviewContamination,
  overviewDeadline,
  overviewPerformance,
  progressToFill,
  overviewReleaseYear,
} from '../../../derive/overview/overview-row.js';
import type { ClearingClusterMunitionRemnantsReport as Cmr } from '../schema/report.js';
import type { CmrDerived } from './report.js';

/** What its overview calls things: Article 4, submunitions; no likelihood column. */
export const CMR_OVERVIEW_WORDS: OverviewWords = {
  publication: 'Clearing Cluster Munition Remnants',
  contamination: 'CMR',
  article: 'Article 4',
  destroyed: 'Submunitions destroyed',
  likelihood: false,
  jsonKeys: { article5: 'article4', mines_destroyed: 'submunitions_destroyed' },
};

export function cmrOverviewRow(slug: string, r: Cmr, d: CmrDerived): OverviewRow {
  const a4 = r.key_data.article4;
  return {
    slug,
    country: r.country,
    contamination: overviewContamination(d.contamination),
    article5: overviewDeadline(a4),
    // Clearing Cluster Munition Remnants assesses no likelihood of completion.
    likelihood: undefined,
    // What a draft has still to fill reads 'Still to fill', not a dash.
    stillToFill: [
      ...(progressToFill(a4) ? ['progress' as const] : []),
      ...(d.performance?.toFill !== undefined ? ['performance' as const] : []),
    ],
    release: {
      current: overviewReleaseYear(
        r.land_release.current.year,
        d.release,
        d.submunitions,
        'current',
      ),
      previous: overviewReleaseYear(
        r.land_release.previous.year,
        d.release,
        d.submunitions,
        'previous',
      ),
    },
    performance: overviewPerformance(d.performance),
  };
}
