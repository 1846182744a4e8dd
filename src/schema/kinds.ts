import { clearingClusterMunitionRemnantsSchema } from '../kinds/clearing-cluster-munition-remnants/schema/kind.js';
import { clearingTheMinesSchema } from '../kinds/clearing-the-mines/schema/kind.js';
import { monitorProfileSchema } from '../kinds/monitor-profile/schema/kind.js';
import type { KindSchema } from './kind-schema.js';
import type { ReportKind } from './report-kind.js';

/**
 * The registry's schema-level part: every report kind keydata knows (REPORT_KINDS,
 * src/schema/report-kind.ts), by the name its folder and its files' `report:` field carry,
 * with what the data layer must know of it. A kind of the list missing here, or one here
 * that the list lacks, does not compile. The rest of each kind's definition is registered
 * in src/commands/kinds.ts, over the same names (a kind missing there is a compile error).
 */
export const KIND_SCHEMAS = {
  'clearing-the-mines': clearingTheMinesSchema,
  'monitor-profile': monitorProfileSchema,
  'clearing-cluster-munition-remnants': clearingClusterMunitionRemnantsSchema,
} as const satisfies Record<ReportKind, KindSchema>;

/** A kind's schema-level part. */
export const kindSchema = <K extends ReportKind>(kind: K): (typeof KIND_SCHEMAS)[K] =>
  KIND_SCHEMAS[kind];
