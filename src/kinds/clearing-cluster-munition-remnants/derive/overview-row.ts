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
  RELEASE_FIELDS,
  type ReleaseYear,
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
    article5: overviewDeadline(a4),
    // Clearing Cluster Munition Remnants assesses no likelihood of completion.
    likelihood: undefined,
    // What a draft has still to fill reads 'Still to fill', not a dash.
    stillToFill: [
      ...(progressToFill(a4) ? ['progress' as const] : []),
      ...(d.performance?.toFill !== undefined ? ['performance' as const] : []),
    ],
    release: {
      current: releaseYear(r.land_release.current.year, d, 'current'),
      previous: releaseYear(r.land_release.previous.year, d, 'previous'),
    },
    performance: overviewPerformance(d.performance),
  };
}
