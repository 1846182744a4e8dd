import type { z } from 'zod';
import { quoteValues } from './messages.js';

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strips wrappers (optional, default, pipe...) that do not change a value's shape. */
function unwrap(s: z.ZodType): z.ZodType {
  for (let i = 0; i < 20; i++) {
    const def = defOf(s);
    if (
      ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(
        def.type,
      )
    ) {
      s = def.innerType as z.ZodType;
    } else if (def.type === 'pipe') {
      s = def.in as z.ZodType;
    } else {
      return s;
    }
  }
  return s;
}

/**
 * The schemas a value at `path` may be checked against (unions expanded, wrappers stripped).
 */
export function schemasAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType[] {
  let current: z.ZodType[] = [schema];
  for (const seg of path) {
    const next: z.ZodType[] = [];
    for (const s of current.flatMap(expandUnions)) {
      const def = defOf(s);
      if (def.type === 'object') {
        const child = (def.shape as Record<string, z.ZodType>)[String(seg)];
        if (child) next.push(unwrap(child));
      } else if (def.type === 'array' && typeof seg === 'number') {
        next.push(unwrap(def.element as z.ZodType));
      } else if (def.type === 'record') {
        next.push(unwrap(def.valueType as z.ZodType));
      }
    }
    current = next;
  }
  return current.flatMap(expandUnions);
}

/**
 * The object schemas that a value at `path` may be checked against. Used to suggest
 * the field an unknown key was probably meant to be.
 */
export function objectSchemasAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType[] {
  return schemasAt(schema, path).filter((s) => defOf(s).type === 'object');
}

/** What a leaf schema expects, in an editor's words, when its type alone says too little. */
export function expectedOf(schemas: readonly z.ZodType[]): string | undefined {
  if (schemas.length !== 1 || !schemas[0]) return undefined;
  const def = defOf(schemas[0]);
  if (def.type === 'enum')
    return `one of ${quoteValues(Object.values(def.entries as Record<string, unknown>))}`;
  if (def.type === 'literal') return `one of ${quoteValues(def.values as unknown[])}`;
  if (def.type === 'string' && def.format === 'date') return 'a date written YYYY-MM-DD';
  if (def.type === 'string' && def.format === 'url') return 'a web address';
  return undefined;
}

function expandUnions(s: z.ZodType): z.ZodType[] {
  s = unwrap(s);
  const def = defOf(s);
  if (def.type === 'union') return (def.options as z.ZodType[]).flatMap(expandUnions);
  return [s];
}

export function keysOf(objectSchema: z.ZodType): string[] {
  return Object.keys(defOf(objectSchema).shape as Record<string, unknown>);
}

/** The keys an object schema cannot do without (neither optional nor defaulted). */
export function requiredKeysOf(objectSchema: z.ZodType): string[] {
  const shape = defOf(objectSchema).shape as Record<string, z.ZodType>;
  return Object.keys(shape).filter((k) => {
    const t = defOf(shape[k] as z.ZodType).type;
    return t !== 'optional' && t !== 'default' && t !== 'prefault';
  });
}

/**
 * True when the schemas at a place take free text (no format such as a date, no pattern)
 * and not the to-fill marker: a draft's "TO FILL 2026" can stand in for the text there.
 */
export function takesTextNotMarker(schemas: readonly z.ZodType[]): boolean {
  const text = schemas.some((s) => {
    const def = defOf(s) as Def & { format?: string; checks?: unknown[] };
    if (def.type !== 'string' || def.format) return false;
    const checks = (def.checks ?? []) as { _zod?: { def?: { check?: string; format?: string } } }[];
    return !checks.some((c) => c._zod?.def?.check === 'string_format');
  });
  const marker = schemas.some(
    (s) => defOf(s).type === 'object' && keysOf(s).length === 1 && keysOf(s)[0] === 'to_fill',
  );
  return text && !marker;
}
