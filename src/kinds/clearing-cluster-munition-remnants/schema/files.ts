import type { KindFiles } from '../../../schema/kind-schema.js';

/** Clearing Cluster Munition Remnants' files: full editions, one file per country and year. */
export const clearingClusterMunitionRemnantsFiles = {
  cascade: null,
  independentParts: null,
  referenceData: false,
} satisfies KindFiles;
