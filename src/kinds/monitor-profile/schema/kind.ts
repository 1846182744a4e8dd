import type { KindSchema } from '../../../schema/kind-schema.js';
import { monitorProfileFiles } from './files.js';
import { MONITOR_PROFILE_2 } from './migrate-2.js';
import { MonitorProfileReport } from './report.js';

/** The Monitor's country profiles, schema level: their files' settings (./files.ts), schema and history. */
export const monitorProfileSchema = {
  ...monitorProfileFiles,
  schema: MonitorProfileReport,
  migrations: [MONITOR_PROFILE_2],
} satisfies KindSchema;
