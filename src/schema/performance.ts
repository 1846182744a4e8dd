import { z } from 'zod';
import { Markdown, PlainText } from './common.js';
import { fillable } from './figure.js';

/**
 * Mine Action Review's assessment of national programme performance: seven weighted criteria,
 * scored 0-10, the same in Clearing the Mines and Clearing Cluster Munition Remnants. Only two
 * labels name what is cleared (the contamination, the treaty article), so each kind makes its
 * criteria with `performanceCriteria` and its schema with `performanceSchema`.
 */
export function performanceCriteria(words: { contamination: string; article: string }) {
  return [
    {
      key: 'understanding_of_contamination',
      label: `Understanding of ${words.contamination} contamination`,
      weight: 0.2,
    },
    {
      key: 'national_ownership',
      label: 'National ownership and programme management',
      weight: 0.1,
    },
    { key: 'gender_and_diversity', label: 'Gender and diversity', weight: 0.1 },
    {
      key: 'information_management',
      label: 'Information management and reporting',
      weight: 0.1,
    },
    { key: 'planning_and_tasking', label: 'Planning and tasking', weight: 0.1 },
    { key: 'land_release_system', label: 'Land release system', weight: 0.2 },
    {
      key: 'land_release_outputs',
      label: `Land release outputs and ${words.article} compliance`,
      weight: 0.2,
    },
  ] as const;
}
export type PerformanceCriteria = ReturnType<typeof performanceCriteria>;
export type PerformanceCriterionKey = PerformanceCriteria[number]['key'];

const Score = z
  .number()
  .min(0)
  .max(10)
  .multipleOf(0.5)
  .describe('A score from 0 to 10, in steps of 0.5');

export const CriterionAssessment = z.strictObject({
  score: fillable(Score).describe("This edition's score"),
  previous_score: Score.optional().describe(
    "Last edition's score; the column is printed when any criterion has one",
  ),
  commentary: Markdown.describe('The performance commentary printed beside the scores'),
});

/** The performance schema of a kind: every criterion, or the reason it does not apply. */
export function performanceSchema(criteria: PerformanceCriteria, treaty: string) {
  const PerformanceAssessment = z
    .strictObject({
      ...(Object.fromEntries(
        criteria.map((c) => [
          c.key,
          CriterionAssessment.describe(
            `${c.label}: weighs ${Math.round(c.weight * 100)}% of the performance score`,
          ),
        ]),
      ) as {
        [K in PerformanceCriterionKey]: typeof CriterionAssessment;
      }),
      change_reason: PlainText.optional().describe(
        "Why the rating is in another band than the previous edition's; `keydata validate` warns about an unexplained change",
      ),
    })
    .describe(
      'Assessment of national programme performance (States Parties only): all seven criteria',
    );
  const PerformanceNotApplicable = z
    .strictObject({
      not_applicable: Markdown.describe(
        `Why the table does not apply, printed where it would stand, e.g. "Kosovo is not a State Party to the ${treaty}."`,
      ),
    })
    .describe('No performance table, with the reason printed in its place');
  const Performance = z
    .union([PerformanceAssessment, PerformanceNotApplicable])
    .describe(
      'The assessment of national programme performance (all seven criteria), or { not_applicable: reason }',
    );
  return { PerformanceAssessment, PerformanceNotApplicable, Performance };
}

/** One criterion's scores and commentary, whatever the kind. */
export type CriterionAssessment = z.infer<typeof CriterionAssessment>;
export type PerformanceAssessment = { [K in PerformanceCriterionKey]: CriterionAssessment } & {
  change_reason?: string | undefined;
};
export type Performance = PerformanceAssessment | { not_applicable: string };

/** The assessment, or undefined when the report has none or says it does not apply. */
export const assessmentOf = (p: Performance | undefined): PerformanceAssessment | undefined =>
  p === undefined || 'not_applicable' in p ? undefined : p;
