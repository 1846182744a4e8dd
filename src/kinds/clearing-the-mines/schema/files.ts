import type { KindFiles } from '../../../schema/kind-schema.js';

/** Clearing the Mines' files: full editions, one file per country and year. */
export const clearingTheMinesFiles = {
  cascade: null,
  independentParts: null,
  referenceData: false,
} satisfies KindFiles;
