import type { KindSchema } from '../../../schema/kind-schema.js';
import { MONITOR_PROFILE_2 } from './migrate-2.js';
import { MonitorProfileReport } from './report.js';

/**
 * The Monitor's country profiles, schema level: independently dated sections cascade from
 * the latest edition that has them, each validated on its own; money converts to US$ with
 * the shared exchange rates.
 */
export const monitorProfileSchema = {
  schema: MonitorProfileReport,
  migrations: [MONITOR_PROFILE_2],
  cascade: 'sections',
  independentParts: 'sections',
  referenceData: true,
} satisfies KindSchema;
