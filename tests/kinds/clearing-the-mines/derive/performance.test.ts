import { describe, expect, it } from 'vitest';
import {
  derivePerformance,
  rateScore,
  roundOneDecimal,
} from '../../../../src/kinds/clearing-the-mines/derive/performance.js';
import {
  ClearingTheMinesReport,
  PERFORMANCE_CRITERIA,
} from '../../../../src/kinds/clearing-the-mines/schema/report.js';
import { arcadia, baseReport, kosovo } from '../../../helpers/reports.js';

type Scores = [number, number, number, number, number, number, number];

/** A States Party report with the seven scores (in published order) and optional previous scores. */
function assessed(scores: Scores, previous?: (number | undefined)[]) {
  const r = baseReport();
  r.key_data.article5 = {
    status: 'party',
    original_deadline: '2028-03-01',
    progress: 'on_track',
  };
  const performance = Object.fromEntries(
    PERFORMANCE_CRITERIA.map((c, i) => [
      c.key,
      {
        score: scores[i],
        ...(previous?.[i] !== undefined ? { previous_score: previous[i] } : {}),
        commentary: `Commentary on ${c.label}.`,
      },
    ]),
  );
  return ClearingTheMinesReport.parse({ ...r, performance });
}

describe('the seven criteria', () => {
  it('are weighted 20, 10, 10, 10, 10, 20 and 20 per cent, in the published order', () => {
    expect(PERFORMANCE_CRITERIA.map((c) => [c.key, Math.round(c.weight * 100)])).toEqual([
      ['understanding_of_contamination', 20],
      ['national_ownership', 10],
      ['gender_and_diversity', 10],
      ['information_management', 10],
      ['planning_and_tasking', 10],
      ['land_release_system', 20],
      ['land_release_outputs', 20],
    ]);
    expect(PERFORMANCE_CRITERIA.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 12);
  });
});

describe('rateScore (applied to a score already rounded to one decimal)', () => {
  it.each([
    [10, 'Very good'],
    [8.0, 'Very good'],
    [7.9, 'Good'],
    [7.0, 'Good'],
    [6.9, 'Average'],
    [5.0, 'Average'],
    [4.9, 'Poor'],
    [4.0, 'Poor'],
    [3.9, 'Very poor'],
    [0, 'Very poor'],
  ] as const)('%s is %s', (score, rating) => {
    expect(rateScore(score)).toBe(rating);
  });

  it('rounds first: 7.95 rounds to 8.0 and is very good; 7.94 rounds to 7.9 and is good', () => {
    expect(roundOneDecimal(7.95)).toBe(8);
    expect(rateScore(roundOneDecimal(7.95))).toBe('Very good');
    expect(roundOneDecimal(7.94)).toBe(7.9);
    expect(rateScore(roundOneDecimal(7.94))).toBe('Good');
  });

  it('rounds every reachable weighted score (a multiple of 0.05) half up', () => {
    for (let hundredths = 0; hundredths <= 1000; hundredths += 5) {
      expect(roundOneDecimal(hundredths / 100)).toBe(Math.round(hundredths / 10) / 10);
    }
  });
});

describe('derivePerformance', () => {
  it('is absent for a report without an assessment (Kosovo is not a State Party)', () => {
    expect(derivePerformance(kosovo().data)).toBeUndefined();
  });

  it('weights the scores: all 8 but national ownership 7.5 gives 7.95, printed 8.0, very good', () => {
    const p = derivePerformance(assessed([8, 7.5, 8, 8, 8, 8, 8]));
    expect(p?.score).toBe(8);
    expect(p?.rating).toBe('Very good');
  });

  it('counts a 20% criterion twice as much as a 10% one', () => {
    // understanding (20%) down by 1: 8 - 0.2 = 7.8; planning (10%) down by 1: 8 - 0.1 = 7.9
    expect(derivePerformance(assessed([7, 8, 8, 8, 8, 8, 8]))?.score).toBe(7.8);
    expect(derivePerformance(assessed([8, 8, 8, 8, 7, 8, 8]))?.score).toBe(7.9);
  });

  it('rates at the band edges after weighting', () => {
    expect(derivePerformance(assessed([7, 7, 7, 7, 7, 7, 7]))).toMatchObject({
      score: 7,
      rating: 'Good',
    });
    // 6.95 rounds up to 7.0
    expect(derivePerformance(assessed([7, 6.5, 7, 7, 7, 7, 7]))).toMatchObject({
      score: 7,
      rating: 'Good',
    });
    // 6.9
    expect(derivePerformance(assessed([7, 6, 7, 7, 7, 7, 7]))).toMatchObject({
      score: 6.9,
      rating: 'Average',
    });
    expect(derivePerformance(assessed([4, 4, 4, 4, 4, 4, 4]))).toMatchObject({
      score: 4,
      rating: 'Poor',
    });
    // 3.9
    expect(derivePerformance(assessed([4, 3, 4, 4, 4, 4, 4]))).toMatchObject({
      score: 3.9,
      rating: 'Very poor',
    });
  });

  it('lists the criteria with labels, weights, scores and where each commentary is', () => {
    const p = derivePerformance(assessed([6, 5, 6.5, 5.5, 5, 6, 4]));
    expect(p?.rows).toHaveLength(7);
    expect(p?.rows[0]).toEqual({
      key: 'understanding_of_contamination',
      label: 'Understanding of AP mine contamination',
      weightPercent: 20,
      score: 6,
      previousScore: undefined,
      commentaryPath: ['performance', 'understanding_of_contamination', 'commentary'],
    });
    expect(p?.rows.map((r) => r.weightPercent)).toEqual([20, 10, 10, 10, 10, 20, 20]);
  });

  it('gives a previous score only when every criterion has a previous score', () => {
    const scores: Scores = [6, 5, 6.5, 5.5, 5, 6, 4];
    const all = derivePerformance(assessed(scores, [6, 5.5, 6, 5, 5, 6.5, 5]));
    expect(all?.previous).toEqual({ score: 5.7, rating: 'Average' });
    const oneMissing = derivePerformance(assessed(scores, [6, 5.5, 6, 5, 5, 6.5, undefined]));
    expect(oneMissing?.previous).toBeUndefined();
    expect(oneMissing?.rows[0]?.previousScore).toBe(6);
    expect(derivePerformance(assessed(scores))?.previous).toBeUndefined();
  });

  it('scores the Arcadia fixture 5.4 (average), previously 5.65 printed as 5.7', () => {
    const p = derivePerformance(arcadia().data);
    expect(p).toMatchObject({
      score: 5.4,
      rating: 'Average',
      previous: { score: 5.7, rating: 'Average' },
    });
  });
});
