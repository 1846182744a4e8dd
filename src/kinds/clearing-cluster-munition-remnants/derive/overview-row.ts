/**
 * One country's line of the Clearing Cluster Munition Remnants overview, read from its
 * derived report: the Article 4 deadline in force, CMR contamination, land release and
 * submunitions destroyed in both years, and the performance score.
 */
import {
  type OverviewRow,
  type OverviewWords,
  overviewContamination,
  RELEASE_FIELDS,
  type ReleaseYear,
} from '../../../derive/overview/overview-row.js';
import {
  deadlineInForce,
  deadlineStatus,
  extensionPending,
} from '../../../derive/treaty-deadline.js';
import { filled } from '../../../schema/figure.js';
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
  const figure = (kind: string) => d.release.find((x) => x.kind === kind)?.[which];
  const figures = {
    clearance_m2: figure('clearance'),
    technical_survey_m2: figure('technical_survey'),
    non_technical_survey_m2: figure('non_technical_survey'),
    mines_destroyed: d.submunitions[which],
  };
  return {
    year,
    clearance_m2: figures.clearance_m2?.value,
    technical_survey_m2: figures.technical_survey_m2?.value,
    non_technical_survey_m2: figures.non_technical_survey_m2?.value,
    mines_destroyed: figures.mines_destroyed.value,
    toFill: RELEASE_FIELDS.filter((f) => figures[f]?.missing === 'to_fill'),
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
      // Still to fill reads as unknown here: a dash.
      progress: a4.status === 'party' ? filled(a4.progress) : undefined,
    },
    // Clearing Cluster Munition Remnants assesses no likelihood of completion.
    likelihood: undefined,
    // What a draft has still to fill reads 'Still to fill', not a dash.
    stillToFill: [
      ...(a4.status === 'party' && a4.progress !== undefined && filled(a4.progress) === undefined
        ? ['progress' as const]
        : []),
      ...(d.performance?.toFill !== undefined ? ['performance' as const] : []),
    ],
    release: {
      current: releaseYear(r.land_release.current.year, d, 'current'),
      previous: releaseYear(r.land_release.previous.year, d, 'previous'),
    },
    // A score still to fill is no score for the overview: the row prints a dash.
    performance:
      d.performance?.score !== undefined && d.performance.rating !== undefined
        ? {
            score: d.performance.score,
            rating: d.performance.rating,
            previous: d.performance.previous,
          }
        : undefined,
  };
}
