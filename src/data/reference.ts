import path from 'node:path';
import { paths } from '../project.js';
import { ExchangeRates } from '../schema/exchange-rates.js';
import { placeOf } from './cascade.js';
import type { Problem } from './problem.js';
import { validateWith } from './validate.js';
import { loadYaml } from './yaml-source.js';

/** Reference data shared by every report of the kinds that use it (data/reference/). */
export interface ReferenceData {
  exchangeRates: ExchangeRates;
}

export const EXCHANGE_RATES_FILE = 'exchange-rates.yaml';

/**
 * The reference folder that goes with a data file: data/reference beside the editions
 * folder the file sits in, or the project's own for a file outside any editions folder.
 */
export function referenceDirFor(file: string): string {
  const place = placeOf(file);
  return place
    ? path.join(path.dirname(place.editionsDir), 'reference')
    : path.join(paths.data, 'reference');
}

/** Loads and validates the reference data in `dir`; every problem comes back located. */
export async function loadReference(
  dir: string,
  display: (f: string) => string,
): Promise<
  { ok: true; reference: ReferenceData; problems: Problem[] } | { ok: false; problems: Problem[] }
> {
  const file = path.join(dir, EXCHANGE_RATES_FILE);
  const loaded = await loadYaml(file, display(file));
  if (!loaded.ok) return loaded;
  const checked = validateWith(ExchangeRates, loaded.source);
  if (!checked.ok) return { ok: false, problems: [...loaded.problems, ...checked.problems] };
  return { ok: true, reference: { exchangeRates: checked.data }, problems: loaded.problems };
}
