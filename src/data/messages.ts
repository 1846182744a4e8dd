import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** What a value looks like, in words an editor knows. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 37)}...` : v}'`;
  return String(v);
}

const UNIT_HINTS: [RegExp, string][] = [
  [/_m2$/, 'a number of m²'],
  [/_km2$/, 'a number of km²'],
  [/(^|_)(count|areas|staff|teams|personnel|mines_destroyed|assets)$/, 'a whole number'],
  [/^(year|edition|data_year)$/, 'a year'],
];

export function expectedNoun(expected: string, field: string): string {
  if (expected === 'number' || expected === 'int') {
    for (const [re, noun] of UNIT_HINTS) if (re.test(field)) return noun;
    return expected === 'int' ? 'a whole number' : 'a number';
  }
  if (expected === 'string') return 'text';
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'a mapping of fields';
  if (expected === 'boolean') return 'true or false';
  return expected;
}

export function suggest(key: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(key, [...candidates]);
  return distance(key, best) <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/** Allowed values as the editor writes them: "a", "b", 1. */
export const quoteValues = (values: readonly unknown[]): string =>
  values.map((v) => JSON.stringify(v)).join(', ');

/** "expected one of ..., got 'x'; did you mean y?", or what is missing when there is nothing. */
function choiceMessage(values: readonly unknown[], input: unknown): string {
  if (input === undefined) return `missing required field (one of ${quoteValues(values)})`;
  const hint = typeof input === 'string' ? suggest(input, values.map(String)) : undefined;
  return `expected one of ${quoteValues(values)}, got ${describeValue(input)}${hint ? `; did you mean ${hint}?` : ''}`;
}

/**
 * A message built from the issue's code and parameters, never from zod's English.
 * `expected`, when the caller knows it from the schema, names what the field takes in words
 * its type alone does not give ("a date written YYYY-MM-DD", "one of ...").
 */
export function issueMessage(issue: Issue, input: unknown, expected?: string): string {
  const field = String(issue.path.at(-1) ?? '');
  switch (issue.code) {
    case 'invalid_type': {
      const noun = expected ?? expectedNoun(issue.expected, field);
      if (input === undefined) return `missing required field (${noun})`;
      return `expected ${noun}, got ${describeValue(input)}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} item(s)`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}, got ${describeValue(input)}`;
    case 'too_big':
      if (issue.origin === 'array') return `holds at most ${issue.maximum} item(s)`;
      if (issue.origin === 'string') return `is longer than ${issue.maximum} characters`;
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}, got ${describeValue(input)}`;
    case 'invalid_format':
      if (issue.format === 'date')
        return `expected a date written YYYY-MM-DD, got ${describeValue(input)}`;
      if (issue.format === 'url') return `expected a web address, got ${describeValue(input)}`;
      if (issue.format === 'regex')
        return `${issue.message ?? 'has the wrong form'}, got ${describeValue(input)}`;
      return `expected ${issue.format}, got ${describeValue(input)}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}, got ${describeValue(input)}`;
    case 'invalid_value':
      return choiceMessage(issue.values, input);
    case 'invalid_union': {
      // A discriminated union whose discriminator (kind, status...) matched no option.
      const options = (issue as { options?: unknown[] }).options;
      if (options && (issue as { discriminator?: unknown }).discriminator !== undefined)
        return choiceMessage(options, input);
      return `does not match any allowed form (got ${describeValue(input)})`;
    }
    case 'invalid_key':
      return `invalid key ${describeValue(field)}`;
    case 'custom':
      return issue.message;
    default:
      return issue.message;
  }
}
