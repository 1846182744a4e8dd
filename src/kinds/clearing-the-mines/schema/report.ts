import { z } from 'zod';
import { Footnote } from '../../../schema/citation.js';
import {
  AreaKm2,
  AreaM2,
  Count,
  Markdown,
  NoteId,
  PlainText,
  schemaVersion,
  Year,
} from '../../../schema/common.js';
import { figure, fillable, MissingFigure } from '../../../schema/figure.js';
import { NoteRefs } from '../../../schema/note-refs.js';
import {
  assessmentOf,
  performanceCriteria,
  performanceSchema,
} from '../../../schema/performance.js';
import { reportHeader } from '../../../schema/report-header.js';
import { DeadlineProgress, treatyDeadline } from '../../../schema/treaty-deadline.js';

/**
 * The data of one country report of Mine Action Review's "Clearing the Mines".
 * Figures are stored once, in the unit they were reported in; everything that can be
 * computed (totals, km², percentages, levels, scores, table and figure numbers) is derived
 * in src/derive and never stored.
 */

// ---------------------------------------------------------------- KEY DATA

/** The APMBC Article 5 deadline's history, with Mine Action Review's view of progress. */
export const Article5 = treatyDeadline(
  { treaty: 'APMBC', article: 'Article 5' },
  { progress: fillable(DeadlineProgress) },
);
export type Article5 = z.infer<typeof Article5>;

export const CONTAMINATION_LEVELS = ['light', 'medium', 'heavy', 'massive'] as const;
export const ContaminationLevelName = z
  .enum(CONTAMINATION_LEVELS)
  .describe(
    "Mine Action Review's level: light (< 5km²), medium (5-19km²), heavy (20-99km²), massive (>= 100km²)",
  );

/** What every form of the estimate may add. */
const estimateNotes = {
  source: PlainText.optional().describe(
    'Whose estimate, printed in brackets, e.g. "National estimate", "Mine Action Review estimate"',
  ),
  caveat: PlainText.optional().describe(
    'What the estimate leaves out or assumes, printed after it, e.g. "excluding a newly discovered area"',
  ),
  note: NoteRefs.optional().describe('Footnote reference(s) after the estimate, e.g. "[^n8]"'),
  level_note: NoteRefs.optional().describe('Footnote reference(s) after the level, e.g. "[^n9]"'),
};

export const ContaminationEstimate = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('area').describe('An area is estimated'),
      area_m2: fillable(AreaM2)
        .optional()
        .describe('The estimate in m². Leave out to take the total of the contamination tables.'),
      qualifier: z
        .enum(['more_than', 'at_least', 'about', 'almost', 'up_to'])
        .optional()
        .describe('Printed before the area: "More than 30km²", "About 1,000km²"'),
      level: ContaminationLevelName.optional().describe(
        'The level, when stated; otherwise derived from the area by the bands. A stated level ' +
          'that contradicts the band draws a warning',
      ),
      ...estimateNotes,
      change_reason: PlainText.optional().describe(
        "Why the estimate is not the previous edition's less the land released since (new areas found, " +
          're-survey, a new baseline), or its level another band; `keydata validate` warns about an unexplained change',
      ),
    }),
    z.strictObject({
      kind: z
        .literal('level')
        .describe('Only a level is stated, no area: "HEAVY (Mine Action Review estimate)"'),
      level: ContaminationLevelName,
      ...estimateNotes,
    }),
    z.strictObject({
      kind: z.literal('extent_unknown').describe('The extent is unknown'),
      level: ContaminationLevelName.optional(),
      ...estimateNotes,
    }),
    z.strictObject({
      kind: z
        .literal('no_reliable_estimate')
        .describe('No reliable estimate; with a level: "MASSIVE but no reliable estimate"'),
      level: ContaminationLevelName.optional(),
      ...estimateNotes,
    }),
  ])
  .describe('AP mine contamination as printed in KEY DATA');
export type ContaminationEstimate = z.infer<typeof ContaminationEstimate>;

export const LIKELIHOODS = ['high', 'medium', 'low', 'very_low', 'not_assessed'] as const;
const Likelihood = z.enum(LIKELIHOODS);

export const CompletionLikelihood = z
  .strictObject({
    oslo_action_plan: fillable(Likelihood).describe(
      'Likelihood of meeting the Oslo Action Plan completion target (2025): high, medium, low, very_low or not_assessed',
    ),
    article5_deadline: fillable(Likelihood)
      .optional()
      .describe(
        'Likelihood of meeting the Article 5 deadline (States Parties): high, medium, low, very_low or not_assessed',
      ),
    note: NoteRefs.optional(),
  })
  .describe("Mine Action Review's view of the likelihood of completing clearance on time");

const AreaFigure = (what: string) => figure(AreaM2, `${what}, in m²`);

export const MinesDestroyedBreakdown = z
  .strictObject({
    total: Count.optional().describe(
      'The total as reported; leave out to take the sum of the parts (a stated total is checked against them)',
    ),
    during_clearance: Count.optional().describe('AP mines destroyed during clearance'),
    during_survey: Count.optional().describe('AP mines destroyed during (technical) survey'),
    spot_tasks: Count.optional().describe('AP mines destroyed during spot tasks'),
    other: Count.optional().describe(
      'AP mines destroyed otherwise, e.g. during weapons collection',
    ),
    other_label: PlainText.optional().describe('What "other" was, e.g. "weapons collection"'),
    note: NoteRefs.optional(),
  })
  .describe('AP mines destroyed, broken down by how they were found; every part optional');
export type MinesDestroyedBreakdown = z.infer<typeof MinesDestroyedBreakdown>;

export const MinesDestroyed = z
  .union([figure(Count, 'AP mines destroyed'), MinesDestroyedBreakdown])
  .describe(
    'AP mines destroyed during clearance, survey and spot tasks: a number, { value, note }, ' +
      '{ missing: ... }, or a breakdown { during_clearance, during_survey, spot_tasks, other, total }',
  );
export type MinesDestroyed = z.infer<typeof MinesDestroyed>;

export const LandReleaseYear = z.strictObject({
  year: Year,
  clearance_m2: AreaFigure('Area released through clearance'),
  technical_survey_m2: AreaFigure('Area reduced through technical survey'),
  non_technical_survey_m2: AreaFigure('Area cancelled through non-technical survey'),
  mines_destroyed: MinesDestroyed,
});
export type LandReleaseYear = z.infer<typeof LandReleaseYear>;

export const LandRelease = z
  .strictObject({
    current: LandReleaseYear.describe(
      'The year this edition reports (e.g. 2024 for the 2025 edition)',
    ),
    previous: LandReleaseYear.describe('The year before, as reported in the previous edition'),
    comments: z
      .strictObject({
        clearance: PlainText.optional().describe('Comment on clearance, e.g. "HALO data"'),
        technical_survey: PlainText.optional().describe('Comment on technical survey'),
        non_technical_survey: PlainText.optional().describe('Comment on non-technical survey'),
        mines_destroyed: PlainText.optional().describe('Comment on AP mines destroyed'),
      })
      .optional()
      .describe('The "Comments" column of the land release summary table, usually the data source'),
  })
  .describe('Land release outputs of the reported year and the year before');

export const ClearanceHistoryYear = z
  .strictObject({
    year: Year,
    area_km2: AreaKm2.optional().describe(
      'The area cleared, in km² as published (or give area_m2)',
    ),
    area_m2: AreaM2.optional().describe('The area cleared, in m² (or give area_km2)'),
    missing: MissingFigure.shape.missing
      .optional()
      .describe('No figure for the year: not_reported, not_applicable or unknown'),
    note: NoteRefs.optional(),
  })
  .superRefine((y, ctx) => {
    const given = [y.area_km2, y.area_m2, y.missing].filter((v) => v !== undefined).length;
    if (given === 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'missing the cleared area: give area_m2 or area_km2 (or missing: not_reported)',
      });
    } else if (given > 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'give the cleared area once, as area_m2 or as area_km2, not both',
      });
    }
  })
  .describe(
    'The area cleared in one year, in m² or in km² as published (one of the two), or missing: not_reported',
  );

export const Capacity = z.strictObject({
  management: z
    .array(Markdown)
    .default([])
    .describe('Who manages the programme, e.g. "Kosovo Mine Action Centre (KMAC)"'),
  national_operators: z
    .array(Markdown)
    .default([])
    .describe('National survey and clearance operators'),
  international_operators: z
    .array(Markdown)
    .default([])
    .describe('International survey and clearance operators'),
  other_actors: z.array(Markdown).default([]).describe('Other actors, e.g. advisers and donors'),
});

// ---------------------------------------------------------------- performance

/** Mine Action Review's seven criteria, in their published order, with their weights. */
export const PERFORMANCE_CRITERIA = performanceCriteria({
  contamination: 'AP mine',
  article: 'Article 5',
});
export const { PerformanceAssessment, PerformanceNotApplicable, Performance } = performanceSchema(
  PERFORMANCE_CRITERIA,
  'APMBC',
);
export type PerformanceAssessment = z.infer<typeof PerformanceAssessment>;
export type Performance = z.infer<typeof Performance>;
export {
  assessmentOf,
  CriterionAssessment,
  type PerformanceCriterionKey,
} from '../../../schema/performance.js';

// ---------------------------------------------------------------- tables

const TableCommon = {
  caption: Markdown.describe(
    'Caption after "Table N: ", with its source note, e.g. "Mine clearance in 2024[^n55]"',
  ),
  notes: z
    .array(Markdown)
    .optional()
    .describe('Lines printed under the table, e.g. "*Data correct as at December 2024."'),
};

const marks = <K extends string>(keys: readonly [K, ...K[]]) =>
  z
    .partialRecord(
      z.enum(keys),
      z.string().regex(/^[*†‡§#]+$/, 'a mark is one or more of * † ‡ § #'),
    )
    .optional()
    .describe('A mark printed before a cell value, explained in the table notes');

export const DistrictAreaRow = z.strictObject({
  district: PlainText.describe('The district (or province, region) as printed'),
  cha_count: fillable(Count).describe('Confirmed hazardous areas'),
  cha_area_m2: fillable(AreaM2),
  sha_count: fillable(Count).describe('Suspected hazardous areas'),
  sha_area_m2: fillable(AreaM2),
});
export type DistrictAreaRow = z.infer<typeof DistrictAreaRow>;

export const MinedAreaByDistrictTable = z
  .strictObject({
    ...TableCommon,
    rows: z.array(DistrictAreaRow).min(1).describe('One row per district; totals are derived'),
  })
  .describe('AP mined area by district: confirmed and suspected hazardous areas');

export const ContaminationTypeRow = z.strictObject({
  type: PlainText.describe('The type of contamination, e.g. "Mixed AP mines and CMR"'),
  areas: fillable(Count),
  area_m2: fillable(AreaM2),
});

export const ContaminationByTypeTable = z
  .strictObject({
    ...TableCommon,
    ap_mines_label: PlainText.default('AP mines').describe(
      'Label of the first row, whose figures are the totals of the mined-area-by-district table',
    ),
    other_rows: z
      .array(ContaminationTypeRow)
      .default([])
      .describe('Rows other than AP mines alone'),
  })
  .describe('Mined area by contamination type; the AP mines row comes from the district table');

export const GenderRow = z.strictObject({
  operator: PlainText.describe('The operator as printed, e.g. "HALO"'),
  total_staff: fillable(Count),
  women_staff: fillable(Count),
  managerial_staff: fillable(Count),
  women_managerial_staff: fillable(Count),
  operational_staff: fillable(Count),
  women_operational_staff: fillable(Count),
  marks: marks(['operator', 'total_staff', 'managerial_staff', 'operational_staff']),
});
export type GenderRow = z.infer<typeof GenderRow>;

export const GenderCompositionTable = z
  .strictObject({
    ...TableCommon,
    rows: z.array(GenderRow).min(1).describe('One row per operator; percentages are derived'),
  })
  .describe('Gender composition of operators');

export const CapacityRow = z.strictObject({
  operator: PlainText.describe('The operator as printed, e.g. "HALO"'),
  manual_teams: Count.optional(),
  mechanical_assets: Count.optional(),
  mdd_teams: Count.optional().describe('Mine detection dog teams'),
  personnel: Count,
  marks: marks(['operator', 'manual_teams', 'mechanical_assets', 'mdd_teams', 'personnel']),
});
export const ClearanceCapacityTable = z
  .strictObject({
    ...TableCommon,
    rows: z.array(CapacityRow).min(1).describe('One row per operator'),
  })
  .describe('Operational clearance capacities deployed');

export const ReleaseByDistrictRow = z.strictObject({
  district: PlainText.describe('The district as printed'),
  operator: PlainText.describe('The operator as printed, e.g. "HALO"'),
  areas: fillable(Count),
  area_m2: fillable(AreaM2),
  mines_destroyed: fillable(Count).optional(),
});
export type ReleaseByDistrictRow = z.infer<typeof ReleaseByDistrictRow>;

const StatedTotals = z
  .strictObject({
    areas: Count.optional(),
    area_m2: AreaM2.optional(),
    mines_destroyed: Count.optional(),
  })
  .optional()
  .describe(
    'Totals as the source published them; the PDF prints derived totals and the build warns on a mismatch',
  );

export const SurveyByDistrictTable = z
  .strictObject({
    ...TableCommon,
    rows: z.array(ReleaseByDistrictRow).min(1).describe('One row per district and operator'),
    stated_totals: StatedTotals,
  })
  .describe('Release through technical survey by district');
export const ClearanceByDistrictTable = z
  .strictObject({
    ...TableCommon,
    rows: z.array(ReleaseByDistrictRow).min(1).describe('One row per district and operator'),
    stated_totals: StatedTotals,
  })
  .describe('Mine clearance by district');

/** Tables whose rows are derived from other data need only a caption. */
export const DerivedTable = z.strictObject(TableCommon);

export const GenericTable = z.strictObject({
  ...TableCommon,
  columns: z
    .array(
      z.strictObject({
        label: PlainText.describe('The column heading'),
        numeric: z
          .boolean()
          .default(false)
          .describe('true: the column holds figures, aligned right'),
      }),
    )
    .min(1)
    .describe('The columns, left to right'),
  rows: z
    .array(z.array(z.union([Markdown, z.number()])))
    .min(1)
    .describe('The rows: one cell per column, text (keydata Markdown) or a number'),
});

export const Tables = z
  .strictObject({
    mined_area_by_district: MinedAreaByDistrictTable.optional(),
    contamination_by_type: ContaminationByTypeTable.optional(),
    gender_composition: GenderCompositionTable.optional(),
    clearance_capacity: ClearanceCapacityTable.optional(),
    land_release_summary: DerivedTable.optional().describe('Rows from land_release.current'),
    survey_by_district: SurveyByDistrictTable.optional(),
    clearance_by_district: ClearanceByDistrictTable.optional(),
    five_year_clearance: DerivedTable.optional().describe(
      'Rows from land_release and clearance_history',
    ),
  })
  .default({})
  .describe('The structured tables, by key; the body places each with `- table: <key>`');
export type Tables = z.infer<typeof Tables>;
export type TableKey = keyof Tables;

export const CHART_KEYS = [
  'land_release_outputs',
  'clearance_trend',
  'mined_area_by_district',
] as const;
export const ChartKey = z.enum(CHART_KEYS);
export type ChartKey = z.infer<typeof ChartKey>;

// ---------------------------------------------------------------- body

export const Block = z.union([
  z.strictObject({ p: Markdown.describe('A paragraph') }),
  z.strictObject({ list: z.array(Markdown).min(1).describe('A bulleted list') }),
  z.strictObject({ table: z.string().min(1).describe('A key of `tables` or `other_tables`') }),
  z.strictObject({ chart: ChartKey.describe('A chart drawn from the data') }),
]);
export type Block = z.infer<typeof Block>;

const Blocks = z.array(Block).describe('Paragraphs, lists, tables and charts, in order');

export const Subsection = z.strictObject({
  heading: PlainText.describe('The subsection heading'),
  blocks: Blocks.min(1),
});

export const Section = z.strictObject({
  heading: PlainText.describe('The section heading, e.g. "Land release outputs"'),
  blocks: Blocks.default([]),
  subsections: z.array(Subsection).default([]).describe('Subsections, each with a heading'),
});
export type Section = z.infer<typeof Section>;

// ---------------------------------------------------------------- the report

export const ClearingTheMinesReport = z
  .strictObject({
    ...reportHeader('clearing-the-mines'),
    schema_version: schemaVersion(2),
    key_data: z
      .strictObject({
        article5: Article5,
        likelihood: CompletionLikelihood.optional(),
        contamination: ContaminationEstimate,
        main_operators: z
          .array(Markdown)
          .default([])
          .describe(
            'Main AP mine survey and clearance operators; a footnote reference may follow a name',
          ),
      })
      .describe('The KEY DATA box: deadline, likelihood, contamination, main operators'),
    land_release: LandRelease,
    clearance_history: z
      .array(ClearanceHistoryYear)
      .default([])
      .describe('Clearance before the two years in land_release, for the five-year summary'),
    key_developments: z
      .array(Markdown)
      .min(1)
      .describe('The "Key developments" paragraphs at the top of the report'),
    recommendations: z.array(Markdown).min(1).describe('The "Recommendations for action" list'),
    capacity: Capacity.describe(
      'Who manages the programme and who clears: the KEY DATA capacity lists',
    ),
    performance: Performance.optional(),
    tables: Tables,
    other_tables: z
      .record(z.string().regex(/^[a-z][a-z0-9_]*$/), GenericTable)
      .default({})
      .describe('Generic tables by lower_snake_case key: columns and rows as printed'),
    sections: z
      .array(Section)
      .min(1)
      .describe('The body of the report: sections of paragraphs, lists, tables and charts'),
    notes: z
      .record(NoteId, Footnote)
      .default({})
      .describe(
        'Footnotes by id; numbered 1..N in the order the text cites them. A note is text, or citations ' +
          '(printed in the Clearing the Mines style, e.g. "Ibid." for the source of the note before)',
      ),
  })
  .superRefine((r, ctx) => {
    if (assessmentOf(r.performance) && r.key_data.article5.status !== 'party') {
      ctx.addIssue({
        code: 'custom',
        path: ['performance'],
        message:
          'the performance assessment applies to States Parties; key_data.article5.status is not "party"',
      });
    }
    if (r.land_release.previous.year !== r.land_release.current.year - 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['land_release', 'previous', 'year'],
        message: `expected ${r.land_release.current.year - 1}, the year before land_release.current.year`,
      });
    }
    r.clearance_history.forEach((h, i) => {
      if (h.year >= r.land_release.previous.year) {
        ctx.addIssue({
          code: 'custom',
          path: ['clearance_history', i, 'year'],
          message: `clearance_history holds years before ${r.land_release.previous.year}; later years come from land_release`,
        });
      }
    });
    const c = r.key_data.contamination;
    if (c.kind === 'area' && c.area_m2 === undefined && !r.tables.mined_area_by_district) {
      ctx.addIssue({
        code: 'custom',
        path: ['key_data', 'contamination', 'area_m2'],
        message: 'give area_m2, or a tables.mined_area_by_district table to total',
      });
    }
  })
  .describe('A Clearing the Mines country report');

export type ClearingTheMinesReport = z.infer<typeof ClearingTheMinesReport>;
