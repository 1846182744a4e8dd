import { z } from 'zod';
import { clearingClusterMunitionRemnantsSchema } from '../kinds/clearing-cluster-munition-remnants/schema/kind.js';
import { clearingTheMinesSchema } from '../kinds/clearing-the-mines/schema/kind.js';
import { monitorProfileSchema } from '../kinds/monitor-profile/schema/kind.js';
import type { KindSchema } from './kind-schema.js';

/**
 * The registry's schema-level part: every report kind keydata knows, by the name its folder
 * and its files' `report:` field carry, with what the data layer must know of it. The kind
 * list itself is this object's keys, so a kind is named once. The rest of each kind's
 * definition is registered in src/commands/kinds.ts, over the same names (a kind missing
 * there is a compile error).
 */
export const KIND_SCHEMAS = {
  'clearing-the-mines': clearingTheMinesSchema,
  'monitor-profile': monitorProfileSchema,
  'clearing-cluster-munition-remnants': clearingClusterMunitionRemnantsSchema,
} as const satisfies Record<string, KindSchema>;

type Kinds = keyof typeof KIND_SCHEMAS;

/** Every report kind, in the order lists and builds take them. */
export const REPORT_KINDS = Object.keys(KIND_SCHEMAS) as [Kinds, ...Kinds[]];
export const ReportKind = z.enum(REPORT_KINDS).describe('The kind of report this file feeds');
export type ReportKind = z.infer<typeof ReportKind>;

/** A kind's schema-level part. */
export const kindSchema = <K extends ReportKind>(kind: K): (typeof KIND_SCHEMAS)[K] =>
  KIND_SCHEMAS[kind];
