import { z } from 'zod';
import { Footnote } from '../../../schema/citation.js';
import {
  AreaM2,
  Count,
  Markdown,
  NoteId,
  PlainText,
  schemaVersion,
  Year,
} from '../../../schema/common.js';
import { figure, fillable } from '../../../schema/figure.js';
import { NoteRefs } from '../../../schema/note-refs.js';
import { performanceCriteria, performanceSchema } from '../../../schema/performance.js';
import { reportHeader } from '../../../schema/report-header.js';
import { DeadlineProgress, treatyDeadline } from '../../../schema/treaty-deadline.js';

/**
 * The data of one country report of Mine Action Review's "Clearing Cluster Munition
 * Remnants": the Convention on Cluster Munitions' Article 4 deadline and its history, CMR
 * contamination, land release and submunitions destroyed, the performance assessment, the
 * report's sections and notes. Figures are stored once, in the unit reported; km², totals,
 * levels and scores are derived (src/kinds/clearing-cluster-munition-remnants/derive).
 */

/** The current format version of these files (no migration yet). */
export const CMR_VERSION = 1;

/** The CCM Article 4 deadline's history, with Mine Action Review's view of progress. */
export const Article4 = treatyDeadline(
  { treaty: 'CCM', article: 'Article 4' },
  { progress: fillable(DeadlineProgress) },
);
export type Article4 = z.infer<typeof Article4>;

export const CMR_LEVELS = ['light', 'medium', 'heavy', 'massive'] as const;
const LevelName = z
  .enum(CMR_LEVELS)
  .describe(
    "Mine Action Review's level of CMR contamination: light (< 5km²), medium (5-19km²), heavy (20-99km²), massive (>= 100km²)",
  );

/** What every form of the estimate may add. */
const estimateNotes = {
  source: PlainText.optional().describe(
    'Whose estimate, printed in brackets, e.g. "National estimate", "Mine Action Review estimate"',
  ),
  caveat: PlainText.optional().describe(
    'What the estimate leaves out or assumes, printed after it, e.g. "excluding areas not yet surveyed"',
  ),
  note: NoteRefs.optional().describe('Footnote reference(s) after the estimate, e.g. "[^n3]"'),
  level_note: NoteRefs.optional().describe('Footnote reference(s) after the level, e.g. "[^n4]"'),
};

export const CmrContamination = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('area').describe('An area of CMR contamination is estimated'),
      area_m2: fillable(AreaM2).describe('The estimate in m²; KEY DATA prints it in km²'),
      qualifier: z
        .enum(['more_than', 'at_least', 'about', 'almost', 'up_to'])
        .optional()
        .describe('Printed before the area: "More than 30km²", "About 12km²"'),
      level: LevelName.optional().describe(
        'The level, when stated; otherwise derived from the area by the bands. A stated level ' +
          'that contradicts the band draws a warning',
      ),
      ...estimateNotes,
    }),
    z.strictObject({
      kind: z
        .literal('level')
        .describe('Only a level is stated, no area: "MEDIUM (Mine Action Review estimate)"'),
      level: LevelName,
      ...estimateNotes,
    }),
    z.strictObject({
      kind: z.literal('extent_unknown').describe('The extent of CMR contamination is unknown'),
      level: LevelName.optional(),
      ...estimateNotes,
    }),
    z.strictObject({
      kind: z
        .literal('no_reliable_estimate')
        .describe('No reliable estimate; with a level: "HEAVY but no reliable estimate"'),
      level: LevelName.optional(),
      ...estimateNotes,
    }),
    z.strictObject({
      kind: z
        .literal('none_known')
        .describe('No CMR contamination is known to remain, e.g. after completion: "None known"'),
      ...estimateNotes,
    }),
  ])
  .describe('CMR contamination as printed in KEY DATA');
export type CmrContamination = z.infer<typeof CmrContamination>;

const AreaFigure = (what: string) => figure(AreaM2, `${what}, in m²`);

export const CmrReleaseYear = z
  .strictObject({
    year: Year.describe('The calendar year these outputs are for'),
    clearance_m2: AreaFigure('CMR-contaminated area cleared'),
    technical_survey_m2: AreaFigure('Area reduced through technical survey'),
    non_technical_survey_m2: AreaFigure('Area cancelled through non-technical survey'),
    submunitions_destroyed: figure(
      Count,
      'Submunitions destroyed during clearance, survey and spot tasks',
    ),
  })
  .describe("One year's land release outputs and submunitions destroyed");
export type CmrReleaseYear = z.infer<typeof CmrReleaseYear>;

/** Mine Action Review's criteria, worded for cluster munition remnants and Article 4. */
export const CMR_PERFORMANCE_CRITERIA = performanceCriteria({
  contamination: 'CMR',
  article: 'Article 4',
});
export const { Performance } = performanceSchema(CMR_PERFORMANCE_CRITERIA, 'CCM');

export const CmrBlock = z.union([
  z.strictObject({ p: Markdown.describe('A paragraph') }),
  z.strictObject({ list: z.array(Markdown).min(1).describe('A bulleted list, item by item') }),
]);
export type CmrBlock = z.infer<typeof CmrBlock>;

export const CmrSection = z
  .strictObject({
    heading: PlainText.describe('The section heading, e.g. "Understanding of CMR contamination"'),
    blocks: z.array(CmrBlock).min(1).describe('Paragraphs and lists, in order'),
  })
  .describe('A section of the report body');
export type CmrSection = z.infer<typeof CmrSection>;

export const ClearingClusterMunitionRemnantsReport = z
  .strictObject({
    ...reportHeader('clearing-cluster-munition-remnants'),
    schema_version: schemaVersion(CMR_VERSION),
    key_data: z
      .strictObject({
        article4: Article4,
        contamination: CmrContamination,
        main_operators: z
          .array(Markdown)
          .describe('The main survey and clearance operators, as listed in KEY DATA'),
      })
      .describe('The KEY DATA box'),
    land_release: z
      .strictObject({
        current: CmrReleaseYear.describe('The year the edition reports (its data year)'),
        previous: CmrReleaseYear.describe('The year before, printed beside it'),
      })
      .describe('Land release outputs and submunitions destroyed, this year and the year before'),
    key_developments: z.array(Markdown).min(1).describe('Key developments, one paragraph each'),
    recommendations: z.array(Markdown).describe('Recommendations for action, one list item each'),
    performance: Performance.optional().describe(
      'The assessment of national programme performance (States Parties), or { not_applicable: reason }',
    ),
    sections: z.array(CmrSection).describe('The report body, section by section'),
    notes: z
      .record(NoteId, Footnote)
      .default({})
      .describe('Footnotes by id, cited as [^id] in the text; numbered in order of citation'),
  })
  .describe('A country report of Clearing Cluster Munition Remnants');
export type ClearingClusterMunitionRemnantsReport = z.infer<
  typeof ClearingClusterMunitionRemnantsReport
>;
