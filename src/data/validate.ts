import { isMap, isScalar } from 'yaml';
import type { z } from 'zod';
import { issueMessage, suggest } from './messages.js';
import { formatPath, type Problem } from './problem.js';
import {
  expectedOf,
  keysOf,
  objectSchemasAt,
  schemasAt,
  takesTextNotMarker,
} from './schema-walk.js';
import { findToFill, isWithin, toFillMessage, toFillText, type ToFillPlace } from './to-fill.js';
import { unionMessage } from './union-messages.js';
import { locate, type YamlSource } from './yaml-source.js';

/**
 * A copy of `value` in which each marker standing where the schema takes text, and no
 * marker, is the text "TO FILL 2026".
 */
function withTextStandIns(schema: z.ZodType, value: unknown, unfilled: ToFillPlace[]): unknown {
  const textual = unfilled.filter((u) => takesTextNotMarker(schemasAt(schema, u.path)));
  if (textual.length === 0) return value;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  for (const u of textual) {
    const parent = valueAt(copy, u.path.slice(0, -1)) as Record<string | number, unknown>;
    parent[u.path.at(-1) as string | number] = toFillText(u.edition);
  }
  return copy;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg as string];
  }
  return v;
}

/**
 * For an invalid union, zod reports the failures of every option. The option whose
 * discriminating key matched, or failing that whose errors go deepest, is what the
 * editor meant: report its issues instead of a vague "no match".
 */
function flattenUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const nonEmpty = issue.errors.filter((e) => e.length > 0);
  // An option that failed only on unrecognized keys of the same object tells nothing useful.
  const score = (errs: z.core.$ZodIssue[]) =>
    errs.some((e) => e.code === 'unrecognized_keys' && e.path.length === 0)
      ? -1
      : Math.max(...errs.map((e) => e.path.length));
  const best = nonEmpty.sort((a, b) => score(b) - score(a) || a.length - b.length)[0];
  if (!best || score(best) <= 0) return [issue];
  return best.flatMap((e) =>
    flattenUnion({ ...e, path: [...issue.path, ...e.path] } as z.core.$ZodIssue),
  );
}

/**
 * In a flow mapping, `{ place: Washington, DC }` reads as place "Washington" and a field "DC"
 * without a value: the comma ends the value. Such a "field" is the rest of the value before it.
 */
function splitAtComma(
  source: YamlSource,
  at: readonly PropertyKey[],
  key: string,
): { path: PropertyKey[]; message: string } | undefined {
  const map = at.length === 0 ? source.doc.contents : source.doc.getIn(at as unknown[], true);
  if (!isMap(map) || !map.flow) return undefined;
  const i = map.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
  const pair = map.items[i];
  const before = map.items[i - 1];
  if (!pair || pair.value !== null || !before || !isScalar(before.key)) return undefined;
  if (!isScalar(before.value) || before.value.type !== 'PLAIN') return undefined;
  const field = String(before.key.value);
  const whole = `${String(before.value.value)}, ${key}`;
  return {
    path: [...at, field],
    message: `YAML ends an unquoted value at a comma, so "${key}" was read as a field: quote this value: ${field}: "${whole}"`,
  };
}

export interface ValidateOptions {
  /**
   * What a value still to fill ({ to_fill: YEAR }) is where the schema takes one: a warning
   * (a draft builds, printing its mark) or an error (a final profile, a --final build).
   * Where the schema takes none, it is an error either way. Default: error.
   */
  toFill?: 'warning' | 'error';
}

export type Validated<T> =
  | { ok: true; data: T; problems: Problem[] }
  | { ok: false; problems: Problem[] };

/**
 * Validates a parsed file against a schema; every issue becomes a located Problem. Values
 * still to fill are listed one by one, at their field, whatever else is wrong.
 */
export function validateWith<S extends z.ZodType>(
  schema: S,
  source: YamlSource,
  options: ValidateOptions = {},
): Validated<z.infer<S>> {
  const unfilled = findToFill(source.value);
  const draft = options.toFill === 'warning';
  // In a draft, a text field still to fill reads "TO FILL 2026" (a heading, a paragraph):
  // text has no gap of its own, so the words stand in for it, visibly.
  const value = draft ? withTextStandIns(schema, source.value, unfilled) : source.value;
  const result = schema.safeParse(value);
  const issues = result.success ? [] : result.error.issues.flatMap(flattenUnion);
  // A marker the schema takes stands for the value (src/schema/figure.ts ToFill); one it
  // does not take is reported as a value to give, and the schema's complaints about it are not.
  const problems: Problem[] = unfilled.map((u) => {
    const taken = !issues.some((i) => isWithin(i.path, u.path));
    return {
      file: source.file,
      ...locate(source, u.path),
      severity: draft && taken ? 'warning' : 'error',
      path: formatPath(u.path),
      message: !draft
        ? toFillMessage(u.edition, 'error')
        : taken
          ? toFillMessage(u.edition, 'warning')
          : `${toFillMessage(u.edition, 'error')}: this field cannot wait in a draft; give its value`,
    };
  });
  if (result.success && !problems.some((p) => p.severity === 'error'))
    return { ok: true, data: result.data, problems };
  for (const issue of issues) {
    if (unfilled.some((u) => isWithin(issue.path, u.path))) continue;
    if (issue.code === 'unrecognized_keys') {
      const known = objectSchemasAt(schema, issue.path).flatMap(keysOf);
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const hint = suggest(key, known);
        const split = splitAtComma(source, issue.path, key);
        problems.push({
          file: source.file,
          ...locate(source, path, { key: true }),
          severity: 'error',
          path: formatPath(split ? split.path : path),
          message: split ? split.message : `unknown field${hint ? `; did you mean ${hint}?` : ''}`,
        });
      }
      continue;
    }
    const input = valueAt(source.value, issue.path);
    const message =
      (issue.code === 'invalid_union' && unionMessage(schema, issue, input)) ||
      issueMessage(
        issue,
        input,
        issue.code === 'invalid_type' ? expectedOf(schemasAt(schema, issue.path)) : undefined,
      );
    problems.push({
      file: source.file,
      ...locate(source, issue.path),
      severity: 'error',
      path: formatPath(issue.path),
      message,
    });
  }
  return { ok: false, problems };
}
