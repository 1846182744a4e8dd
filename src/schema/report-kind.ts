import { z } from 'zod';

/**
 * Every report kind keydata knows, in the order lists and builds take them. Named here, apart
 * from the kinds' schemas, so that finding files and planning a build (a no-op rebuild) does
 * not construct every kind's zod schema (~100 ms). Both registries are typed over this list:
 * a kind missing in src/schema/kinds.ts or src/commands/kinds.ts, or one they add, does not
 * compile.
 */
export const REPORT_KINDS = [
  'clearing-the-mines',
  'monitor-profile',
  'clearing-cluster-munition-remnants',
] as const;
export const ReportKind = z.enum(REPORT_KINDS).describe('The kind of report this file feeds');
export type ReportKind = z.infer<typeof ReportKind>;
