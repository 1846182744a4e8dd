/**
 * One country's line of the edition overview, read from its derived report. The only place
 * the overview reads the Clearing the Mines model: when the model changes (schema v2: the
 * deadline history, a stated level, "not reported" figures, the likelihood of meeting the
 * completion target), this is the module to adapt.
 */
import type { ClearingTheMinesReport } from '../../schema/clearing-the-mines.js';
import type { ClearingTheMinesDerived } from '../clearing-the-mines.js';
import type { ContaminationLevel } from '../contamination.js';
import type { PerformanceRating } from '../performance.js';

/** A figure the country reported, or undefined when it did not: never counted as 0. */
export type Reported = number | undefined;

export interface ReleaseYear {
  year: number;
  clearance_m2: Reported;
  technical_survey_m2: Reported;
  non_technical_survey_m2: Reported;
  mines_destroyed: Reported;
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
    /** The band, or how the estimate stands when there is no area. */
    level: ContaminationLevel | 'Extent unknown' | 'No reliable estimate';
    km2: number | undefined;
  };
  article5: {
    party: boolean;
    /** The deadline in force (ISO date). */
    deadline: string | undefined;
    extension: 'none' | 'requested' | 'granted' | undefined;
    /** Mine Action Review's assessment of progress towards the deadline. */
    progress: 'on_track' | 'just_on_track' | 'not_on_track' | undefined;
  };
  /** The likelihood of meeting the national completion target; not in the v1 model. */
  likelihood: string | undefined;
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
} as const;

export function overviewRow(
  slug: string,
  r: ClearingTheMinesReport,
  d: ClearingTheMinesDerived,
): OverviewRow {
  const c = d.contamination;
  const a5 = r.key_data.article5;
  const year = (y: ClearingTheMinesReport['land_release']['current']): ReleaseYear => ({
    year: y.year,
    clearance_m2: y.clearance_m2,
    technical_survey_m2: y.technical_survey_m2,
    non_technical_survey_m2: y.non_technical_survey_m2,
    mines_destroyed: y.mines_destroyed,
  });
  return {
    slug,
    country: r.country,
    contamination:
      c.kind === 'area'
        ? { level: c.level, km2: c.km2 }
        : { level: LEVEL_OF_KIND[c.kind], km2: undefined },
    article5:
      a5.status === 'party'
        ? { party: true, deadline: a5.deadline, extension: a5.extension, progress: a5.progress }
        : { party: false, deadline: undefined, extension: undefined, progress: undefined },
    likelihood: undefined,
    release: { current: year(r.land_release.current), previous: year(r.land_release.previous) },
    performance: d.performance && {
      score: d.performance.score,
      rating: d.performance.rating,
      previous: d.performance.previous,
    },
  };
}
