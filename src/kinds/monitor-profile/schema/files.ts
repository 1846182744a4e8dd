import type { KindFiles } from '../../../schema/kind-schema.js';

/**
 * The Monitor's profile files: independently dated sections cascade from the latest edition
 * that has them, each validated on its own; money converts to US$ with the shared exchange
 * rates.
 */
export const monitorProfileFiles = {
  cascade: 'sections',
  independentParts: 'sections',
  referenceData: true,
} satisfies KindFiles;
