/**
 * One country's line of a Mine Action Review edition overview, whatever the kind: its
 * contamination, its treaty deadline (Article 5 of the APMBC, Article 4 of the CCM), the land
 * released and items destroyed in two years, and its performance score. Each kind reads its
 * own model into this line (src/kinds/<kind>/derive/overview-row.ts); the overview's words
 * (OverviewWords) say which treaty and which items.
 */
import type { ContaminationLevel, DerivedContamination } from '../contamination.js';
import type { DerivedPerformance, PerformanceRating } from '../performance.js';
import {
  type DeadlineStatus,
  deadlineInForce,
  deadlineStatus,
  extensionPending,
} from '../treaty-deadline.js';
import { filled, type ToFill } from '../../schema/figure.js';
import type { Reported as ReportedFigure } from '../land-release.js';
import type { DeadlineProgress, TreatyDeadline } from '../../schema/treaty-deadline.js';

/** Mine Action Review's likelihood of meeting a completion target. */
export type Likelihood = 'high' | 'medium' | 'low' | 'very_low' | 'not_assessed';

/** A figure the country reported, or undefined when it did not: never counted as 0. */
export type Reported = number | undefined;

export interface ReleaseYear {
  year: number;
  clearance_m2: Reported;
  technical_survey_m2: Reported;
  non_technical_survey_m2: Reported;
  /** The items destroyed: AP mines, or submunitions (named by OverviewWords). */
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
  /** The treaty deadline (named article5 in Clearing the Mines' overview.json). */
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
  /** The likelihood of meeting the completion target (the Oslo Action Plan's), where assessed. */
  likelihood: Likelihood | undefined;
  /** What a draft has still to fill, printed so rather than as "not assessed" or a dash. */
  stillToFill: ('progress' | 'likelihood' | 'performance')[];
  release: { current: ReleaseYear; previous: ReleaseYear };
  performance:
    | {
        score: number;
        rating: PerformanceRating;
        previous: { score: number; rating: PerformanceRating } | undefined;
      }
    | undefined;
}

/** What an overview's text and files call things, per kind. */
export interface OverviewWords {
  /** The publication, e.g. "Clearing the Mines" (the ranking chart's title). */
  publication: string;
  /** What contaminates, e.g. "AP mine", "CMR". */
  contamination: string;
  /** The treaty article of the deadline, e.g. "Article 5". */
  article: string;
  /** The items destroyed, e.g. "AP mines destroyed". */
  destroyed: string;
  /** Whether the kind assesses the likelihood of meeting the completion target (a column). */
  likelihood: boolean;
  /** The names overview.json gives the deadline and the items destroyed. */
  jsonKeys: { article5: string; mines_destroyed: string };
}

const LEVEL_OF_KIND = {
  extent_unknown: 'Extent unknown',
  no_reliable_estimate: 'No reliable estimate',
  none_known: 'None known',
} as const;

/** The overview's contamination cell: the level (stated, else the band's) and km², or how the estimate stands. */
export function overviewContamination(c: DerivedContamination): OverviewRow['contamination'] {
  if (c.kind === 'area') return { level: c.level, km2: c.km2 };
  // An estimate still to fill is unknown: no area, the stated level if any.
  if (c.kind === 'to_fill') return { level: c.level ?? 'Still to fill', km2: undefined };
  if (c.level) return { level: c.level, km2: undefined };
  return { level: c.kind === 'level' ? 'Extent unknown' : LEVEL_OF_KIND[c.kind], km2: undefined };
}

/** A treaty deadline with Mine Action Review's progress, which a draft may leave to fill. */
type AssessedDeadline = TreatyDeadline & { progress?: DeadlineProgress | ToFill | undefined };

/** The overview's deadline columns; progress still to fill reads as unknown here (a dash). */
export function overviewDeadline(a: AssessedDeadline): OverviewRow['article5'] {
  return {
    party: a.status === 'party',
    deadline: deadlineInForce(a),
    status: deadlineStatus(a),
    pending: extensionPending(a),
    progress: a.status === 'party' ? filled(a.progress) : undefined,
  };
}

/** Whether a State Party's progress is still to fill (a draft): the row says so, not a dash. */
export const progressToFill = (a: AssessedDeadline): boolean =>
  a.status === 'party' && a.progress !== undefined && filled(a.progress) === undefined;

/** The performance columns; a score still to fill is no score for the overview (a dash). */
export function overviewPerformance(p: DerivedPerformance | undefined): OverviewRow['performance'] {
  return p?.score !== undefined && p.rating !== undefined
    ? { score: p.score, rating: p.rating, previous: p.previous }
    : undefined;
}

/**
 * One land-release year of an overview line, from a kind's reported figures: a figure not
 * reported (or not applicable, or unknown) stays undefined, never a 0; figures still to fill
 * are named.
 */
export function overviewReleaseYear(
  year: number,
  release: readonly { kind: string; current: ReportedFigure; previous: ReportedFigure }[],
  destroyed: { current: ReportedFigure; previous: ReportedFigure },
  which: 'current' | 'previous',
): ReleaseYear {
  const figure = (kind: string) => release.find((x) => x.kind === kind)?.[which];
  const figures = {
    clearance_m2: figure('clearance'),
    technical_survey_m2: figure('technical_survey'),
    non_technical_survey_m2: figure('non_technical_survey'),
    mines_destroyed: destroyed[which],
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
