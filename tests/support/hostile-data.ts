/**
 * Hostile data for the injection tests: every string field a schema has, found by walking the
 * zod schema itself (so a field added tomorrow is covered without touching the test), and a
 * data file with a hostile string written into each of those fields that it holds.
 */
import { isMap, isScalar, isSeq, type Document, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { schemasAt } from '../../src/data/schema-walk.js';

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const shapeKey = (s: z.ZodType) =>
  Object.keys(defOf(s).shape as object)
    .sort()
    .join(',');

const WRAPPERS = [
  'optional',
  'nullable',
  'default',
  'prefault',
  'readonly',
  'catch',
  'nonoptional',
];

/**
 * A string field is a key of an object schema (plus `[]` or `*` when it holds a list or a
 * record of strings), named by the path where that object schema is first met: the citation
 * schema, used in a dozen places, is one set of fields, covered wherever the data uses it.
 */
export interface StringFields {
  /** Free text: what a hostile string can reach the page through. */
  free: Set<string>;
  /** Strings a format or pattern constrains (dates, ids, URLs, choices): refused if hostile. */
  constrained: Set<string>;
  /** Object schema (by its keys: .describe() clones a schema) -> its name, for fieldsOf. */
  names: Map<string, string>;
}

export function stringFields(schema: z.ZodType): StringFields {
  const out: StringFields = { free: new Set(), constrained: new Set(), names: new Map() };
  const walk = (s: z.ZodType, at: string, field: string, stack: z.ZodType[]): void => {
    if (stack.includes(s) || stack.length > 60) return;
    const def = defOf(s);
    const next = [...stack, s];
    if (WRAPPERS.includes(def.type)) {
      walk(def.innerType as z.ZodType, at, field, next);
      return;
    }
    if (def.type === 'pipe') {
      walk(def.in as z.ZodType, at, field, next);
      return;
    }
    if (def.type === 'lazy') {
      walk((def.getter as () => z.ZodType)(), at, field, next);
      return;
    }
    if (def.type === 'union' || def.type === 'intersection') {
      const parts = def.type === 'union' ? (def.options as z.ZodType[]) : [def.left, def.right];
      for (const o of parts as z.ZodType[]) walk(o, at, field, next);
      return;
    }
    if (def.type === 'object') {
      const shape = shapeKey(s);
      if (!out.names.has(shape)) out.names.set(shape, at || '(top)');
      const name = out.names.get(shape) as string;
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>))
        walk(v, at ? `${at}.${k}` : k, `${name}.${k}`, next);
      return;
    }
    if (def.type === 'array') {
      walk(def.element as z.ZodType, `${at}[]`, `${field}[]`, next);
      return;
    }
    if (def.type === 'record') {
      walk(def.valueType as z.ZodType, `${at}.*`, `${field}.*`, next);
      return;
    }
    if (def.type === 'string') {
      const checks = (def.checks as { _zod: { def: Def } }[] | undefined) ?? [];
      const pattern = checks.some((c) => c._zod.def.check === 'string_format');
      (def.format || pattern ? out.constrained : out.free).add(field);
    }
    if (def.type === 'enum' || def.type === 'literal') out.constrained.add(field);
  };
  walk(schema, '', '(top)', []);
  return out;
}

/** The fields (as stringFields names them) a data path may be: one per object schema that has its key. */
export function fieldsOf(
  schema: z.ZodType,
  fields: StringFields,
  path: readonly (string | number)[],
): string[] {
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg !== 'string') continue;
    const owners = schemasAt(schema, path.slice(0, i)).filter(
      (p) => defOf(p).type === 'object' && seg in (defOf(p).shape as object),
    );
    if (owners.length === 0) continue;
    const suffix = path
      .slice(i + 1)
      .map((p) => (typeof p === 'number' ? '[]' : '.*'))
      .join('');
    return owners.map((o) => `${fields.names.get(shapeKey(o)) ?? '?'}.${seg}${suffix}`);
  }
  return [];
}

/** Every string scalar of a YAML document, with its path. */
function stringScalars(
  node: Node | null,
  at: (string | number)[] = [],
  out: { path: (string | number)[]; node: Node }[] = [],
) {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      stringScalars(pair.value as Node | null, [...at, key], out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      stringScalars(item as Node | null, [...at, i], out);
    });
  } else if (isScalar(node) && typeof node.value === 'string') {
    out.push({ path: at, node });
  }
  return out;
}

export interface Injected {
  doc: Document.Parsed;
  /** Data paths written with the hostile string, as "a.0.b". */
  paths: Map<string, { fields: string[]; original: string; node: Node; refused?: string }>;
}

/** The document with `hostile` written into every string scalar the schema reads as a string. */
export function injectHostile(
  text: string,
  schema: z.ZodType,
  hostileAt: (path: readonly (string | number)[]) => string,
): Injected {
  const doc = parseDocument(text);
  const fields = stringFields(schema);
  const paths: Injected['paths'] = new Map();
  for (const { path, node } of stringScalars(doc.contents as Node)) {
    const schemas = schemasAt(schema, path);
    if (!schemas.some((s) => defOf(s).type === 'string')) continue;
    if (!isScalar(node)) continue;
    const original = String(node.value);
    // Footnote references stay, so the notes they cite are printed (and tested) too.
    const refs = original.match(/\[\^[^\]\s]+\]/g) ?? [];
    const hostile = hostileAt(path);
    node.value = refs.length > 0 ? `${hostile} ${refs.join(' ')}` : hostile;
    paths.set(path.join('.'), { fields: fieldsOf(schema, fields, path), original, node });
  }
  return { doc, paths };
}
