import type { z } from 'zod';
import { KIND_SCHEMAS } from './kinds.js';
import type { ReportKind } from './report-kind.js';

export { EditionMeta } from './edition.js';
export { REPORT_KINDS, ReportKind } from './report-kind.js';

/** The schema of each report kind's country files. */
export const REPORT_SCHEMAS = Object.fromEntries(
  Object.entries(KIND_SCHEMAS).map(([kind, part]) => [kind, part.schema]),
) as { [K in ReportKind]: (typeof KIND_SCHEMAS)[K]['schema'] };

export type ReportData = { [K in ReportKind]: z.infer<(typeof KIND_SCHEMAS)[K]['schema']> };
