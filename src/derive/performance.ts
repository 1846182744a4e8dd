import { filled, toFillEdition } from '../schema/figure.js';
import {
  assessmentOf,
  type Performance,
  type PerformanceCriteria,
  type PerformanceCriterionKey,
} from '../schema/performance.js';

/**
 * Mine Action Review's performance score, shared by its kinds: the criteria's weighted
 * score, its rating, and last edition's when every criterion has a previous score.
 */

export type PerformanceRating = 'Very good' | 'Good' | 'Average' | 'Poor' | 'Very poor';

/** Rated after rounding to one decimal: >= 8.0 very good, 7.0-7.9 good, 5.0-6.9 average, 4.0-4.9 poor. */
export function rateScore(score: number): PerformanceRating {
  if (score >= 8) return 'Very good';
  if (score >= 7) return 'Good';
  if (score >= 5) return 'Average';
  if (score >= 4) return 'Poor';
  return 'Very poor';
}

export function roundOneDecimal(n: number): number {
  return Math.round((n + Number.EPSILON) * 10) / 10;
}

export interface DerivedPerformance {
  rows: {
    key: PerformanceCriterionKey;
    label: string;
    weightPercent: number;
    /** Undefined while still to fill (`scoreToFill` says for which edition). */
    score: number | undefined;
    scoreToFill: number | undefined;
    previousScore: number | undefined;
    commentaryPath: (string | number)[];
  }[];
  /** The weighted score and its rating; undefined while any criterion's score is still to fill. */
  score: number | undefined;
  rating: PerformanceRating | undefined;
  /** The edition a criterion's score is still to fill for, if any. */
  toFill: number | undefined;
  previous: { score: number; rating: PerformanceRating } | undefined;
}

function weighted(criteria: PerformanceCriteria, scores: number[]): number {
  // Weights sum to 1; integer arithmetic in tenths avoids 0.1 + 0.2 drift.
  const total = criteria.reduce(
    (sum, c, i) => sum + Math.round(c.weight * 100) * (scores[i] ?? 0),
    0,
  );
  return roundOneDecimal(total / 100);
}

export function derivePerformance(
  performance: Performance | undefined,
  criteria: PerformanceCriteria,
): DerivedPerformance | undefined {
  const p = assessmentOf(performance);
  if (!p) return undefined;
  const rows = criteria.map((c) => ({
    key: c.key,
    label: c.label,
    weightPercent: Math.round(c.weight * 100),
    score: filled(p[c.key].score),
    scoreToFill: toFillEdition(p[c.key].score),
    previousScore: p[c.key].previous_score,
    commentaryPath: ['performance', c.key, 'commentary'],
  }));
  // A score still to fill leaves the weighted score unknown, never counted as 0.
  const scores = rows.map((row) => row.score);
  const toFill = rows.find((row) => row.scoreToFill !== undefined)?.scoreToFill;
  const score = scores.every((s): s is number => s !== undefined)
    ? weighted(criteria, scores)
    : undefined;
  const prevScores = rows.map((row) => row.previousScore);
  const previous = prevScores.every((s): s is number => s !== undefined)
    ? { score: weighted(criteria, prevScores), rating: rateScore(weighted(criteria, prevScores)) }
    : undefined;
  return {
    rows,
    score,
    rating: score === undefined ? undefined : rateScore(score),
    toFill,
    previous,
  };
}
