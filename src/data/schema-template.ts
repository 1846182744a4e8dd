import type { z } from 'zod';
import { stringify } from 'yaml';
import { TO_FILL_KEY } from './to-fill.js';

/**
 * A country file written from a report kind's schema alone (`keydata add-country`): every
 * field, each under its `.describe()` text as a comment. What a value is needed for is
 * `{ to_fill: YEAR }` (a figure waits for its number; a text reads "TO FILL YEAR" in a
 * draft); an optional field is written out but commented, so that it shows what can be
 * added; a list or mapping that may stay empty is written empty with one commented example.
 * Of a union's forms the first is written and the others follow, commented; a choice among
 * words (an enum) starts at the first, its comment listing the others. Nothing here knows a
 * report kind: what a kind must add goes in `given` and `live`.
 */

export interface TemplateContext {
  /** The edition every marker is for. */
  edition: number;
  /** Values to write as they are, by dotted path (e.g. "edition", "land_release.current.year"). */
  given: Readonly<Record<string, unknown>>;
  /** Optional parts to write out live (not commented), by dotted path: what a new file needs. */
  live: ReadonlySet<string>;
}

type Def = {
  type: string;
  format?: string;
  checks?: { _zod: { def: { check: string; minimum?: number } } }[];
  [k: string]: unknown;
};
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch'];

/** The schema inside its wrappers, whether a value may be left out, and the first description. */
function unwrap(s: z.ZodType): { inner: z.ZodType; optional: boolean; description?: string } {
  let optional = false;
  let description: string | undefined;
  for (let i = 0; i < 20; i++) {
    description ??= s.description;
    const def = defOf(s);
    if (WRAPPERS.includes(def.type)) {
      if (def.type !== 'readonly') optional = true;
      s = def.innerType as z.ZodType;
    } else if (def.type === 'pipe') s = def.in as z.ZodType;
    else break;
  }
  description ??= s.description;
  return description === undefined ? { inner: s, optional } : { inner: s, optional, description };
}

const isMarkerForm = (s: z.ZodType) => {
  const def = defOf(s);
  if (def.type !== 'object') return false;
  const keys = Object.keys(def.shape as object);
  return keys.length === 1 && keys[0] === TO_FILL_KEY;
};

/** A union that takes the marker: a figure, or a field built with `fillable`. */
const takesMarker = (s: z.ZodType) =>
  defOf(s).type === 'union' && (defOf(s).options as z.ZodType[]).some(isMarkerForm);

/** A value written on the key's own line, or the lines of a block below it. */
type Written = { inline: string } | { block: string[]; empty: string };

const scalar = (v: unknown) => stringify(v, { lineWidth: 0 }).trimEnd();
const comment = (lines: readonly string[]) => lines.map((l) => (l.trim() ? `# ${l}` : '#'));
const indent = (lines: readonly string[]) => lines.map((l) => `  ${l}`);

/** A description as comment lines of at most ~92 characters. */
function describeLines(text: string | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > 90) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return comment(out);
}

/** `key: value` (or `key:` and its block), under its description. */
function fieldLines(
  key: string,
  schema: z.ZodType,
  path: string,
  ctx: TemplateContext,
): { lines: string[]; live: boolean } {
  const { inner, optional, description } = unwrap(schema);
  const live = !optional || ctx.live.has(path) || path in ctx.given || takesMarker(inner);
  const head = describeLines(
    optional && !live ? `${description ?? ''} (optional)`.trim() : description,
  );
  const v = write(inner, path, ctx, optional);
  const own =
    'inline' in v ? [`${key}: ${v.inline}`] : v.block.length ? [`${key}:`, ...indent(v.block)] : [];
  const lines = ('inline' in v || v.block.length ? own : [`${key}: ${v.empty}`]).flatMap((l) =>
    l.split('\n'),
  );
  return { lines: [...head, ...(live ? lines : comment(lines))], live };
}

/** A value of `schema` at `path`. */
function write(schema: z.ZodType, path: string, ctx: TemplateContext, optional: boolean): Written {
  if (path in ctx.given) return { inline: scalar(ctx.given[path]) };
  const def = defOf(schema);
  const marker = `{ ${TO_FILL_KEY}: ${ctx.edition} }`;
  switch (def.type) {
    case 'object':
      return writeObject(def.shape as Record<string, z.ZodType>, path, ctx);
    case 'array':
      return writeArray(def, path, ctx, optional);
    case 'record': {
      const example = fieldLines('id', def.valueType as z.ZodType, `${path}.id`, ctx).lines;
      return { block: comment(['for example:', ...indent(example)]), empty: '{}' };
    }
    case 'union':
      return writeUnion(def.options as z.ZodType[], path, ctx, optional);
    case 'literal':
      return { inline: scalar((def.values as unknown[])[0]) };
    case 'enum': {
      const values = Object.values(def.entries as Record<string, unknown>);
      return {
        inline: `${scalar(values[0])}  # choose one of: ${values.map(String).join(', ')}`,
      };
    }
    default:
      // A number, a text or a date: still to fill (a text reads "TO FILL YEAR" in a draft).
      return { inline: marker };
  }
}

function writeObject(
  shape: Record<string, z.ZodType>,
  path: string,
  ctx: TemplateContext,
): Written {
  const fields = Object.entries(shape).map(([k, s]) =>
    fieldLines(k, s, path ? `${path}.${k}` : k, ctx),
  );
  const block = fields.flatMap((f) => f.lines);
  // A mapping with no live field is written `{}`, its fields commented below it.
  if (!fields.some((f) => f.live)) return { block: [], empty: `{}\n${indent(block).join('\n')}` };
  return { block, empty: '{}' };
}

function writeArray(def: Def, path: string, ctx: TemplateContext, optional: boolean): Written {
  const item = write(unwrap(def.element as z.ZodType).inner, `${path}.0`, ctx, false);
  const itemLines =
    'inline' in item
      ? [`- ${item.inline}`]
      : item.block.length
        ? [`- ${item.block[0]}`, ...indent(item.block.slice(1))]
        : [`- ${item.empty}`];
  const needed = (def.checks ?? []).some(
    (c) => c._zod.def.check === 'min_length' && (c._zod.def.minimum ?? 0) > 0,
  );
  if (needed && !optional) return { block: itemLines, empty: '[]' };
  return { block: [], empty: `[]\n${indent(comment(['for example:', ...itemLines])).join('\n')}` };
}

/** A marker where the union takes one; otherwise its first form, the others commented. */
function writeUnion(
  options: z.ZodType[],
  path: string,
  ctx: TemplateContext,
  optional: boolean,
): Written {
  if (options.some(isMarkerForm)) return { inline: `{ ${TO_FILL_KEY}: ${ctx.edition} }` };
  const [first, ...others] = options;
  if (!first) return { inline: 'null' };
  const chosen = write(unwrap(first).inner, path, ctx, optional);
  const alternatives = others.flatMap((o) => {
    const v = write(unwrap(o).inner, path, ctx, optional);
    const lines = 'inline' in v ? [v.inline] : v.block.length ? v.block : [v.empty];
    return comment(['or instead:', ...indent(lines)]);
  });
  if ('inline' in chosen)
    return alternatives.length
      ? { block: [], empty: `${chosen.inline}\n${indent(alternatives).join('\n')}` }
      : chosen;
  if (!chosen.block.length)
    return { block: [], empty: `${chosen.empty}\n${indent(alternatives).join('\n')}` };
  return { block: [...chosen.block, ...alternatives], empty: chosen.empty };
}

/** The whole file: a comment on top, then every field of `schema`. */
export function schemaTemplate(schema: z.ZodType, ctx: TemplateContext, heading: string[]): string {
  const { inner } = unwrap(schema);
  const body = writeObject(defOf(inner).shape as Record<string, z.ZodType>, '', ctx);
  const lines = 'block' in body ? body.block : [];
  return `${[...comment(heading), ...lines].join('\n')}\n`;
}
