import { z } from 'zod';
import { PlainText, SchemaVersion, Year } from './common.js';
import { reviewFields } from './review.js';

/**
 * The fields every report kind's country file opens with: its format version, its kind and
 * edition (so a file says what it is, wherever it lies), the country, and its review state.
 */
export function reportHeader<K extends string>(kind: K) {
  return {
    schema_version: SchemaVersion,
    report: z.literal(kind).describe(`The report kind: ${kind}`),
    edition: Year,
    country: PlainText.describe('The country or territory as printed, e.g. "Kosovo"'),
    ...reviewFields,
  };
}
