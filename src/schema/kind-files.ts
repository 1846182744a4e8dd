import { clearingClusterMunitionRemnantsFiles } from '../kinds/clearing-cluster-munition-remnants/schema/files.js';
import { clearingTheMinesFiles } from '../kinds/clearing-the-mines/schema/files.js';
import { monitorProfileFiles } from '../kinds/monitor-profile/schema/files.js';
import type { KindFiles } from './kind-schema.js';
import type { ReportKind } from './report-kind.js';

/**
 * The registry's lightest part: each kind's file settings (cascade, independent parts,
 * reference data), which its schema-level part (src/schema/kinds.ts) spreads. Apart from the
 * schemas so that finding a build's files (a no-op rebuild, the preview's watcher) loads no
 * zod schema. Typed over the kind list like the other parts: a kind missing does not compile.
 */
export const KIND_FILES = {
  'clearing-the-mines': clearingTheMinesFiles,
  'monitor-profile': monitorProfileFiles,
  'clearing-cluster-munition-remnants': clearingClusterMunitionRemnantsFiles,
} as const satisfies Record<ReportKind, KindFiles>;

/** A kind's file settings. */
export const kindFiles = <K extends ReportKind>(kind: K): (typeof KIND_FILES)[K] =>
  KIND_FILES[kind];
