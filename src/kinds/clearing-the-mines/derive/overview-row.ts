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
  overviewReleaseYear,
} from '../../../derive/overview/overview-row.js';
import type { ClearingTheMinesReport } from '../schema/report.js';
import type { ClearingTheMinesDerived } from './report.js';
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
      current: overviewReleaseYear(r.land_release.current.year, d.release, d.mines, 'current'),
      previous: overviewReleaseYear(r.land_release.previous.year, d.release, d.mines, 'previous'),
    },
    performance: overviewPerformance(d.performance),
  };
}
