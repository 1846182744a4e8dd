import { z } from 'zod';
import { EditionMeta } from './edition.js';
import { ExchangeRates } from './exchange-rates.js';
import { REPORT_SCHEMAS } from './index.js';

/**
 * JSON Schemas for editors (VS Code's YAML extension reads the `$schema` line of each data
 * file), generated from the zod schemas so they cannot drift: file name -> schema text.
 * Cross-field rules (refinements) stay in zod; `keydata validate` checks those.
 */
export function jsonSchemas(): Map<string, string> {
  const out = new Map<string, string>();
  const emit = (name: string, schema: z.ZodType, title: string) => {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-7' });
    out.set(`${name}.json`, `${JSON.stringify({ ...json, title }, null, 2)}\n`);
  };
  for (const [kind, schema] of Object.entries(REPORT_SCHEMAS))
    emit(kind, schema, `keydata ${kind} country file`);
  emit('edition', EditionMeta, 'keydata edition metadata (_edition.yaml)');
  emit('exchange-rates', ExchangeRates, 'keydata reference data: yearly average exchange rates');
  return out;
}
