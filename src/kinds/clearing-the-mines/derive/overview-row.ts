/**
 * One country's line of the edition overview, read from its derived report. The only place
 * the overview reads the Clearing the Mines model (schema 2: the deadline in force from its
 * history, the stated level, figures not reported, the likelihood of meeting the completion
 * target): when the model changes, this is the module to adapt.
 */
import type { ClearingTheMinesReport, LIKELIHOODS } from '../schema/report.js';
import type { DeadlineProgress } from '../../../schema/treaty-deadline.js';
import type { ClearingTheMinesDerived } from './report.js';
import type { ContaminationLevel, DerivedContamination } from './contamination.js';
import type { ReleaseKind } from './land-release.js';
import type { PerformanceRating } from './performance.js';
import { filled } from '../../../schema/figure.js';
import {
  type DeadlineStatus,
  deadlineInForce,
  deadlineStatus,
  extensionPending,
} from '../../../derive/treaty-deadline.js';

export type Likelihood = (typeof LIKELIHOODS)[number];

/** A figure the country reported, or undefined when it did not: never counted as 0. */
export type Reported = number | undefined;

export interface ReleaseYear {
  year: number;
  clearance_m2: Reported;
  technical_survey_m2: Reported;
  non_technical_survey_m2: Reported;
  mines_destroyed: Reported;
  /** The figures still to fill (a draft of a new edition): unknown, like the unreported. */
  toFill: ReleaseField[];
}

export const RELEASE_FIELDS = [
  'clearance_m2',
  'technical_survey_m2',
  'non_technical_survey_m2',
  'mines_destroyed',
] as const;
export type ReleaseField = (typeof RELEASE_FIELDS)[number];

export interface OverviewRow {
  slug: string;
  country: string;
  contamination: {
    /** The level printed in KEY DATA (stated, else the band's), or how the estimate stands. */
    level:
      | ContaminationLevel
      | 'Extent unknown'
      | 'No reliable estimate'
      | 'None known'
      | 'Still to fill';
    km2: number | undefined;
  };
  article5: {
    party: boolean;
    /** The deadline in force (ISO date), from the deadline's history. */
    deadline: string | undefined;
    status: DeadlineStatus;
    /** An extension requested and not yet decided. */
    pending: boolean;
    /** Mine Action Review's assessment of progress towards the deadline. */
    progress: DeadlineProgress | undefined;
  };
  /** The likelihood of meeting the completion target (the Oslo Action Plan's). */
  likelihood: Likelihood | undefined;
  release: { current: ReleaseYear; previous: ReleaseYear };
  performance:
    | {
        score: number;
        rating: PerformanceRating;
        previous: { score: number; rating: PerformanceRating } | undefined;
      }
    | undefined;
}

const LEVEL_OF_KIND = {
  extent_unknown: 'Extent unknown',
  no_reliable_estimate: 'No reliable estimate',
  none_known: 'None known',
} as const;

function contaminationOf(c: DerivedContamination): OverviewRow['contamination'] {
  if (c.kind === 'area') return { level: c.level, km2: c.km2 };
  // An estimate still to fill is unknown: no area, the stated level if any.
  if (c.kind === 'to_fill') return { level: c.level ?? 'Still to fill', km2: undefined };
  if (c.level) return { level: c.level, km2: undefined };
  return { level: c.kind === 'level' ? 'Extent unknown' : LEVEL_OF_KIND[c.kind], km2: undefined };
}

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
    contamination: contaminationOf(d.contamination),
    article5: {
      party: a5.status === 'party',
      deadline: deadlineInForce(a5),
      status: deadlineStatus(a5),
      pending: extensionPending(a5),
      // Still to fill reads as unknown here: a dash.
      progress: a5.status === 'party' ? filled(a5.progress) : undefined,
    },
    likelihood: filled(r.key_data.likelihood?.oslo_action_plan),
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
