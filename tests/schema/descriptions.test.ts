/**
 * Every field of a Clearing the Mines file carries a description, which an editor sees on
 * hover in VS Code (schemas/clearing-the-mines.json), weights of the performance criteria
 * included.
 */
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/schema/json-schema.js';

interface Node {
  description?: string;
  $ref?: string;
  properties?: Record<string, Node>;
  anyOf?: Node[];
  oneOf?: Node[];
  allOf?: Node[];
  items?: Node;
  additionalProperties?: Node | boolean;
}

/** "key_data.article5|1.extensions[].deadline" for each property without a description. */
function undescribed(n: Node, at = ''): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(n.properties ?? {})) {
    if (!v.description && !v.$ref) out.push(`${at}.${k}`);
    out.push(...undescribed(v, `${at}.${k}`));
  }
  for (const alt of [n.anyOf, n.oneOf, n.allOf])
    for (const [i, x] of (alt ?? []).entries()) out.push(...undescribed(x, `${at}|${i}`));
  if (n.items) out.push(...undescribed(n.items, `${at}[]`));
  if (typeof n.additionalProperties === 'object')
    out.push(...undescribed(n.additionalProperties, `${at}{}`));
  return out;
}

describe('the Clearing the Mines JSON Schema', () => {
  const schema = JSON.parse(jsonSchemas().get('clearing-the-mines.json') ?? '{}') as Node;

  it('describes every field', () => {
    expect(undescribed(schema)).toEqual([]);
  });

  it('gives each performance criterion its weight', () => {
    const performance = schema.properties?.performance?.anyOf?.[0]?.properties ?? {};
    expect(performance.land_release_system?.description).toBe(
      'Land release system: weighs 20% of the performance score',
    );
    expect(performance.gender_and_diversity?.description).toMatch(/weighs 10%/);
  });

  it('tells an editor how to write a missing figure and a footnote on a figure', () => {
    const text = JSON.stringify(schema);
    expect(text).toContain('{ missing: not_reported | not_applicable | unknown }');
    expect(text).toContain('{ value: 47065, note: \\"[^n8]\\" }');
  });
});
