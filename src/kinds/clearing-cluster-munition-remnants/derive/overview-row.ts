/**
 * One country's line of the Clearing Cluster Munition Remnants overview, read from its
 * derived report: the Article 4 deadline in force, CMR contamination, land release and
 * submunitions destroyed in both years, and the performance score.
 */
import {
  type OverviewRow,
  type OverviewWords,
  overviewContamination,
  type ReleaseYear,
} from '../../../derive/overview/overview-row.js';
import {
  deadlineInForce,
  deadlineStatus,
  extensionPending,
} from '../../../derive/treaty-deadline.js';
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

function releaseYear(year: number, d: CmrDerived, which: 'current' | 'previous'): ReleaseYear {
  // A figure not reported (or not applicable, or unknown) stays undefined: never a 0.
  const area = (kind: string) => d.release.find((x) => x.kind === kind)?.[which].value;
  return {
    year,
    clearance_m2: area('clearance'),
    technical_survey_m2: area('technical_survey'),
    non_technical_survey_m2: area('non_technical_survey'),
    mines_destroyed: d.submunitions[which].value,
  };
}

export function cmrOverviewRow(slug: string, r: Cmr, d: CmrDerived): OverviewRow {
  const a4 = r.key_data.article4;
  return {
    slug,
    country: r.country,
    contamination: overviewContamination(d.contamination),
    article5: {
      party: a4.status === 'party',
      deadline: deadlineInForce(a4),
      status: deadlineStatus(a4),
      pending: extensionPending(a4),
      progress: a4.status === 'party' ? a4.progress : undefined,
    },
    likelihood: undefined,
    release: {
      current: releaseYear(r.land_release.current.year, d, 'current'),
      previous: releaseYear(r.land_release.previous.year, d, 'previous'),
    },
    performance: d.performance && {
      score: d.performance.score,
      rating: d.performance.rating,
      previous: d.performance.previous,
    },
  };
}
