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
  type ReleaseYear,
} from '../../../derive/overview/overview-row.js';
import type { ClearingTheMinesReport } from '../schema/report.js';
import type { ClearingTheMinesDerived } from './report.js';
import type { ReleaseKind } from './land-release.js';
import {
  deadlineInForce,
  deadlineStatus,
  extensionPending,
} from '../../../derive/treaty-deadline.js';

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
  const area = (kind: ReleaseKind) => d.release.find((x) => x.kind === kind)?.[which].value;
  return {
    year,
    clearance_m2: area('clearance'),
    technical_survey_m2: area('technical_survey'),
    non_technical_survey_m2: area('non_technical_survey'),
    mines_destroyed: d.mines[which].value,
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
    article5: {
      party: a5.status === 'party',
      deadline: deadlineInForce(a5),
      status: deadlineStatus(a5),
      pending: extensionPending(a5),
      progress: a5.status === 'party' ? a5.progress : undefined,
    },
    likelihood: r.key_data.likelihood?.oslo_action_plan,
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
