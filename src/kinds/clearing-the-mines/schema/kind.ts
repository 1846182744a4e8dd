import type { KindSchema } from '../../../schema/kind-schema.js';
import { clearingTheMines2 } from './migrate-2.js';
import { ClearingTheMinesReport } from './report.js';

/** Clearing the Mines, schema level: full editions, one file per country and year. */
export const clearingTheMinesSchema = {
  schema: ClearingTheMinesReport,
  migrations: [clearingTheMines2],
  cascade: null,
  independentParts: null,
  referenceData: false,
} satisfies KindSchema;
