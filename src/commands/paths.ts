import path from 'node:path';
import type { CountryFile } from '../data/find.js';

/** Where a country's outputs go: <out>/<edition>/<kind>/<country>.<ext>. */
export function outputPath(
  outDir: string,
  c: Pick<CountryFile, 'edition' | 'kind' | 'country'>,
  ext: string,
): string {
  return path.join(outDir, String(c.edition), c.kind, `${c.country}.${ext}`);
}
