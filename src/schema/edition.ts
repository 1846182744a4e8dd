import { z } from 'zod';
import { AreaM2, Count, IsoDate, Language, PlainText, Year } from './common.js';
import { fillable } from './figure.js';
import { ReportKind } from './report-kind.js';

/**
 * Facts that hold for every country of one edition of one report kind. They live in
 * data/editions/<year>/<kind>/_edition.yaml, once, and feed the cover text, the running
 * header, PDF metadata and the dates that make builds reproducible.
 */
export const EditionMeta = z
  .strictObject({
    schema_version: z.literal(1),
    report: ReportKind,
    edition: Year,
    title: PlainText.describe('The publication title, e.g. "Clearing the Mines 2025"'),
    publisher: PlainText,
    published: fillable(IsoDate).describe(
      'Publication date; used as the PDF creation date (a draft still to fill takes 1 January of the edition)',
    ),
    data_year: Year.optional().describe(
      'The year the figures describe (Clearing the Mines 2025 reports 2024)',
    ),
    licence: PlainText,
    language: Language.default('en-GB'),
    website: z.url().optional(),
    land_release_totals: z
      .strictObject({
        clearance_m2: AreaM2.optional(),
        technical_survey_m2: AreaM2.optional(),
        non_technical_survey_m2: AreaM2.optional(),
        mines_destroyed: Count.optional(),
      })
      .optional()
      .describe(
        "The edition's land release of the reported year as its introduction states it (Mine Action Review); " +
          '`keydata validate` compares it with the sum of the countries',
      ),
  })
  .describe('Edition metadata for one report kind');

export type EditionMeta = z.infer<typeof EditionMeta>;
