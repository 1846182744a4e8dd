import type { z } from 'zod';
import { ClearingTheMinesReport } from '../kinds/clearing-the-mines/schema/report.js';
import { MonitorProfileReport } from '../kinds/monitor-profile/schema/report.js';
import type { ReportKind } from './report-kind.js';

export { EditionMeta } from './edition.js';
export { REPORT_KINDS, ReportKind } from './report-kind.js';

/** The schema of each report kind's country files. */
export const REPORT_SCHEMAS = {
  'clearing-the-mines': ClearingTheMinesReport,
  'monitor-profile': MonitorProfileReport,
} as const satisfies Record<ReportKind, z.ZodType>;

export type ReportData = { [K in ReportKind]: z.infer<(typeof REPORT_SCHEMAS)[K]> };
