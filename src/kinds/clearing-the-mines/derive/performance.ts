import {
  type DerivedPerformance,
  derivePerformance as deriveScores,
} from '../../../derive/performance.js';
import { type ClearingTheMinesReport, PERFORMANCE_CRITERIA } from '../schema/report.js';

export {
  type DerivedPerformance,
  type PerformanceRating,
  rateScore,
  roundOneDecimal,
} from '../../../derive/performance.js';

/** Clearing the Mines' performance table, on its criteria (AP mines, Article 5). */
export const derivePerformance = (r: ClearingTheMinesReport): DerivedPerformance | undefined =>
  deriveScores(r.performance, PERFORMANCE_CRITERIA);
