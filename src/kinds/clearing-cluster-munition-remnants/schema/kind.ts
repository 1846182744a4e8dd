import type { KindSchema } from '../../../schema/kind-schema.js';
import { ClearingClusterMunitionRemnantsReport } from './report.js';

/** Clearing Cluster Munition Remnants, schema level: full editions, one file per country and year. */
export const clearingClusterMunitionRemnantsSchema = {
  schema: ClearingClusterMunitionRemnantsReport,
  // Version 1 is the first: nothing to migrate yet.
  migrations: [],
  cascade: null,
  independentParts: null,
  referenceData: false,
} satisfies KindSchema;
