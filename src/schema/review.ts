import { z } from 'zod';
import { IsoDate, PlainText } from './common.js';

/**
 * Editorial state shared by every report kind: where a country stands in review, and the
 * corrections made to it after publication. Both sit at the top of a country file.
 */

export const REVIEW_STATUSES = ['draft', 'review', 'final'] as const;

export const ReviewStatus = z
  .enum(REVIEW_STATUSES)
  .default('draft')
  .describe(
    'Where the country stands: draft (being written), review (with reviewers) or final (approved). ' +
      'Draft and review PDFs carry a watermark; `keydata build --final` builds final countries only. ' +
      'A file without a status is a draft.',
  );
export type ReviewStatus = z.infer<typeof ReviewStatus>;

export const Correction = z
  .strictObject({
    date: IsoDate.describe('When the correction was made'),
    change: PlainText.describe('What changed, e.g. "Clearance in 2024: 47,605m², not 47,065m²"'),
    reason: PlainText.describe('Why, e.g. "the operator corrected its figures"'),
  })
  .describe('One correction made after publication');
export type Correction = z.infer<typeof Correction>;

export const Corrections = z
  .array(Correction)
  .default([])
  .describe(
    'Corrections made after publication, each dated; the PDF prints "Corrected on <latest date>"',
  );

/** The review fields, spread into each report kind's top-level object. */
export const reviewFields = {
  status: ReviewStatus,
  corrections: Corrections,
};
