import { z } from 'zod';
import { IsoDate, Language, PlainText, Year } from './common.js';
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
    published: IsoDate.describe('Publication date; used as the PDF creation date'),
    data_year: Year.optional().describe(
      'The year the figures describe (Clearing the Mines 2025 reports 2024)',
    ),
    licence: PlainText,
    language: Language.default('en-GB'),
    website: z.url().optional(),
  })
  .describe('Edition metadata for one report kind');

export type EditionMeta = z.infer<typeof EditionMeta>;
