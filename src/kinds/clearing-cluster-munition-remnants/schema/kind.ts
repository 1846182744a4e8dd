import type { KindSchema } from '../../../schema/kind-schema.js';
import { clearingClusterMunitionRemnantsFiles } from './files.js';
import { ClearingClusterMunitionRemnantsReport } from './report.js';

/** Clearing Cluster Munition Remnants, schema level: its files' settings (./files.ts), schema and history. */
export const clearingClusterMunitionRemnantsSchema = {
  ...clearingClusterMunitionRemnantsFiles,
  schema: ClearingClusterMunitionRemnantsReport,
  // Version 1 is the first: nothing to migrate yet.
  migrations: [],
} satisfies KindSchema;
