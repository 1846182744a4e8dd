import type { KindSchema } from '../../../schema/kind-schema.js';
import { clearingTheMinesFiles } from './files.js';
import { clearingTheMines2 } from './migrate-2.js';
import { ClearingTheMinesReport } from './report.js';

/** Clearing the Mines, schema level: its files' settings (./files.ts), schema and history. */
export const clearingTheMinesSchema = {
  ...clearingTheMinesFiles,
  schema: ClearingTheMinesReport,
  migrations: [clearingTheMines2],
} satisfies KindSchema;
