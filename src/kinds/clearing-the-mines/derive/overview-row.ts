/**
 * One country's line of the edition overview, read from its derived report. The only place
 * the overview reads the Clearing the Mines model (schema 2: the deadline in force from its
 * history, the stated level, figures not reported, the likelihood of meeting the completion
 * target): when the model changes, this is the module to adapt.
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
import type { ClearingTheMinesReport } from '../schema/report.js';
import type { ClearingTheMinesDerived } from './report.js';
import type { ReleaseKind } from './land-release.js';
import { filled } from '../../../schema/figure.js';

export {
  type Likelihood,
  type OverviewRow,
  RELEASE_FIELDS,
  type ReleaseField,
  type ReleaseYear,
  type Reported,
} from '../../../derive/overview/overview-row.js';

/** What Clearing the Mines' overview calls things (its files' names stay as they were). */
export const CTM_OVERVIEW_WORDS: OverviewWords = {
  publication: 'Clearing the Mines',
  contamination: 'AP mine',
  article: 'Article 5',
  destroyed: 'AP mines destroyed',
  likelihood: true,
  jsonKeys: { article5: 'article5', mines_destroyed: 'mines_destroyed' },
};

function releaseYear(
  year: number,
  d: ClearingTheMinesDerived,
  which: 'current' | 'previous',
): ReleaseYear {
  // A figure not reported (or not applicable, or unknown) stays undefined: never a 0.
  const figure = (kind: ReleaseKind) => d.release.find((x) => x.kind === kind)?.[which];
  const figures = {
    clearance_m2: figure('clearance'),
    technical_survey_m2: figure('technical_survey'),
    non_technical_survey_m2: figure('non_technical_survey'),
    mines_destroyed: d.mines[which],
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

export function overviewRow(
  slug: string,
  r: ClearingTheMinesReport,
  d: ClearingTheMinesDerived,
): OverviewRow {
  const a5 = r.key_data.article5;
  return {
    slug,
    country: r.country,
    contamination: overviewContamination(d.contamination),
    article5: overviewDeadline(a5),
    likelihood: filled(r.key_data.likelihood?.oslo_action_plan),
    stillToFill: [
      ...(progressToFill(a5) ? ['progress' as const] : []),
      ...(r.key_data.likelihood && filled(r.key_data.likelihood.oslo_action_plan) === undefined
        ? ['likelihood' as const]
        : []),
      ...(d.performance?.toFill !== undefined ? ['performance' as const] : []),
    ],
    release: {
      current: releaseYear(r.land_release.current.year, d, 'current'),
      previous: releaseYear(r.land_release.previous.year, d, 'previous'),
    },
    performance: overviewPerformance(d.performance),
  };
}
