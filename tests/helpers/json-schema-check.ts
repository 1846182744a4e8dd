/**
 * ajv, standing in for an editor's JSON Schema validator, compiled with the schemas keydata
 * generates (the same text `npm run schemas` writes to schemas/).
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { jsonSchemas } from '../../src/schema/json-schema.js';

const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false });
// The formats zod writes: a date also carries a pattern; a web address does not.
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat('uri', (s: string) => URL.canParse(s));
const validators = new Map<string, ValidateFunction>();
for (const [name, text] of jsonSchemas())
  validators.set(name, ajv.compile(JSON.parse(text) as object));

/** The validator of one generated schema, e.g. "clearing-the-mines.json". */
export function jsonSchemaCheck(name: string): ValidateFunction {
  const v = validators.get(name);
  if (!v) throw new Error(`no schema ${name}`);
  return v;
}
