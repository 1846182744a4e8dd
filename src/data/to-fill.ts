/**
 * A figure left to fill: `{ to_fill: 2026 }` stands where a value of a new edition is not
 * known yet (`keydata new-edition` and `keydata add-country` write it). The fields that may
 * wait take it (src/schema/figure.ts: every figure and the fields built with `fillable`);
 * validation lists each marker at its field, "still to fill for the 2026 edition": a warning
 * in a draft, which builds with a highlighted "TO FILL 2026" where the value would stand,
 * and an error in a final profile or a `--final` build. A marker in a field that cannot
 * wait is an error either way (one per field, instead of a type error).
 */

export const TO_FILL_KEY = 'to_fill';

export interface ToFill {
  to_fill: number;
}

export interface ToFillPlace {
  path: (string | number)[];
  edition: number;
}

/** The marker of a value still to fill for `edition`. */
export const toFill = (edition: number): ToFill => ({ [TO_FILL_KEY]: edition }) as ToFill;

export function isToFill(value: unknown): value is ToFill {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const edition = (value as Record<string, unknown>)[TO_FILL_KEY];
  return keys.length === 1 && typeof edition === 'number' && Number.isInteger(edition);
}

/** How validation words a value still to fill: a draft's warning, or a final profile's error. */
/** The words that stand for a text still to fill in a draft (src/derive/to-fill.ts prints figures so too). */
export const toFillText = (edition: number): string => `TO FILL ${edition}`;

export const toFillMessage = (edition: number, severity: 'warning' | 'error' = 'error') =>
  severity === 'warning'
    ? `still to fill for the ${edition} edition (a draft prints "TO FILL ${edition}" here; --final refuses it)`
    : `still to fill for the ${edition} edition`;

/** Every marker in a parsed value, in document order. */
export function findToFill(value: unknown, path: (string | number)[] = []): ToFillPlace[] {
  if (isToFill(value)) return [{ path, edition: value.to_fill }];
  if (Array.isArray(value)) return value.flatMap((v, i) => findToFill(v, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => findToFill(v, [...path, k]));
  }
  return [];
}

/** True when `path` is `place` or lies inside it. */
export function isWithin(
  path: readonly PropertyKey[],
  place: readonly (string | number)[],
): boolean {
  return place.length <= path.length && place.every((seg, i) => String(seg) === String(path[i]));
}
