import { z } from 'zod';

/** Every report kind keydata knows. Each has a schema, templates and styles of its own. */
export const REPORT_KINDS = ['clearing-the-mines', 'monitor-profile'] as const;
export const ReportKind = z.enum(REPORT_KINDS).describe('The kind of report this file feeds');
export type ReportKind = z.infer<typeof ReportKind>;
