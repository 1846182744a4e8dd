import type { z } from 'zod';
import { describeValue, expectedNoun, issueMessage, suggest } from './messages.js';
import { expectedOf, keysOf, requiredKeysOf, schemasAt } from './schema-walk.js';
import { TO_FILL_KEY } from './to-fill.js';

type UnionIssue = z.core.$ZodIssueInvalidUnion;

/** "a, b or c" */
export function orList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

const andList = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

const isObjectSchema = (s: z.ZodType) =>
  (s as unknown as { _zod: { def: { type: string } } })._zod.def.type === 'object';

const isToFillForm = (s: z.ZodType) =>
  isObjectSchema(s) && keysOf(s).length === 1 && keysOf(s)[0] === TO_FILL_KEY;

/**
 * A message for a value that matches none of the forms of a plain (not discriminated) union,
 * built from the forms themselves:
 * - forms that are mappings each told apart by one field (a body block is `p:`, `list:`,
 *   `table:` or `chart:`): "expected a mapping with one of the fields p, list, table or chart,
 *   got one with para; did you mean p?"
 * - forms of different types (a table cell): "expected text or a number, got a list".
 * Undefined when neither applies, for the caller's general message.
 */
export function unionMessage(
  schema: z.ZodType,
  issue: UnionIssue,
  input: unknown,
): string | undefined {
  const field = String(issue.path.at(-1) ?? '');
  // The marker of a value still to fill is written by new-edition and add-country, not
  // offered as a form of the value.
  const all = schemasAt(schema, issue.path);
  const forms = all.filter((f) => !isToFillForm(f));
  // A value that may be still to fill has one real form: its own message, as without the marker.
  const only = forms.length === 1 && all.length === issue.errors.length ? forms[0] : undefined;
  const own = only && issue.errors[all.indexOf(only)];
  if (own?.length === 1 && own[0] && own[0].path.length === 0) {
    const inner = { ...own[0], path: issue.path } as z.core.$ZodIssue;
    return issueMessage(inner, input, expectedOf(forms));
  }
  const figure = figureMessage(forms, field, input);
  if (figure) return figure;
  if (forms.length > 1 && forms.every(isObjectSchema)) {
    const required = forms.map(requiredKeysOf);
    if (!required.every((r) => r.length === 1)) return undefined;
    const fields = [...new Set(required.flat())];
    const expected = `expected a mapping with one of the fields ${orList(fields)}`;
    if (input === null || typeof input !== 'object' || Array.isArray(input))
      return `${expected}, got ${describeValue(input)}`;
    const keys = Object.keys(input);
    if (keys.length === 0) return `${expected}, got an empty mapping`;
    const known = new Set(forms.flatMap(keysOf));
    const unknown = keys.filter((k) => !known.has(k));
    const hint = unknown[0] === undefined ? undefined : suggest(unknown[0], fields);
    return `${expected}, got one with ${andList(keys)}${hint ? `; did you mean ${hint}?` : ''}`;
  }
  const single = issue.errors.map((errs) => (errs.length === 1 ? errs[0] : undefined));
  if (single.length > 1 && single.every((e) => e?.code === 'invalid_type' && e.path.length === 0)) {
    const nouns = [
      ...new Set(
        single.map((e) => expectedNoun((e as z.core.$ZodIssueInvalidType).expected, field)),
      ),
    ];
    return input === undefined
      ? `missing required field (${orList(nouns)})`
      : `expected ${orList(nouns)}, got ${describeValue(input)}`;
  }
  return undefined;
}

const defOf = (s: z.ZodType) =>
  (s as unknown as { _zod: { def: { type: string; format?: string } } })._zod.def;

/**
 * A figure (src/schema/figure.ts) that is neither a number nor one of its mapping forms:
 * "expected a number of m², { value: N, note: "[^id]" } or { missing: not_reported,
 * not_applicable or unknown }, got 'n/a'".
 */
/** Fields of a breakdown that are not parts of it, left out of the message. */
const NOT_PARTS = new Set(['total', 'note', 'other_label']);

function figureMessage(forms: z.ZodType[], field: string, input: unknown): string | undefined {
  const number = forms.find((f) => defOf(f).type === 'number');
  const objects = forms.filter(isObjectSchema);
  if (!number || !objects.some((o) => keysOf(o).includes('missing'))) return undefined;
  const isInt = /int/.test(defOf(number).format ?? '');
  const others = objects
    .filter((o) => !keysOf(o).includes('missing') && !keysOf(o).includes('value'))
    .map(
      (o) =>
        `a breakdown { ${keysOf(o)
          .filter((k) => !NOT_PARTS.has(k))
          .join(', ')} }`,
    );
  const alternatives = [
    expectedNoun(isInt ? 'int' : 'number', field),
    '{ value: N, note: "[^id]" }',
    '{ missing: not_reported, not_applicable or unknown }',
    ...others,
  ];
  if (input === undefined) return `missing required field (${orList(alternatives)})`;
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) return undefined;
  return `expected ${orList(alternatives)}, got ${describeValue(input)}`;
}
