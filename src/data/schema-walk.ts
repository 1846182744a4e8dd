import type { z } from 'zod';

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strips wrappers (optional, default, pipe...) that do not change a value's shape. */
function unwrap(s: z.ZodType): z.ZodType {
  for (let i = 0; i < 20; i++) {
    const def = defOf(s);
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type)) {
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
 * The object schemas that a value at `path` may be checked against. Used to suggest
 * the field an unknown key was probably meant to be.
 */
export function objectSchemasAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType[] {
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
  return current.flatMap(expandUnions).filter((s) => defOf(s).type === 'object');
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
