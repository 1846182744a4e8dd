import { z } from 'zod';
import { Year } from './common.js';
import { NoteRefs } from './note-refs.js';

/**
 * A reported figure: the number itself, the number with a footnote, or a figure that is
 * missing for a stated reason. Missing is not zero: it prints as words ("Not reported"), a
 * dash in a table cell, and totals and comparisons say so rather than count it as 0. It is
 * distinct from `{ to_fill: YEAR }`, the marker of an edition not yet written.
 */

/**
 * A value of an edition not yet written: `{ to_fill: 2026 }` (`keydata new-edition` and
 * `keydata add-country` write it). Only the fields built with `fillable` (and every figure)
 * take it. It is a gap like a missing figure: derive treats it as unknown, a draft prints
 * "TO FILL 2026" where the value would stand, and validation lists each marker, as a
 * warning in a draft and as an error for a final profile or a `--final` build.
 */
export const ToFill = z
  .strictObject({
    to_fill: Year.describe('The edition the value is still to fill for, e.g. 2026'),
  })
  .describe(
    'A value still to fill: { to_fill: 2026 }; a draft prints it as a highlighted mark, --final refuses it',
  );
export type ToFill = z.infer<typeof ToFill>;

/** `base`, or the marker of a value still to fill (see ToFill). */
export function fillable<T extends z.ZodType>(base: T) {
  return z
    .union([base, ToFill])
    .describe(`${base.description ?? 'A value'}; or { to_fill: YEAR } while still to fill`);
}

/** The value, or undefined when it is still to fill. */
export function filled<T>(v: T | ToFill): T | undefined {
  return isToFillValue(v) ? undefined : (v as T);
}

/** The edition a value is still to fill for, or undefined when it is given. */
export function toFillEdition(v: unknown): number | undefined {
  return isToFillValue(v) ? v.to_fill : undefined;
}

function isToFillValue(v: unknown): v is ToFill {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'to_fill' in v;
}

/** Why a value is absent: a missing kind, or still to fill. */
export type Gap = MissingKind | 'to_fill';

export const MISSING_KINDS = ['not_reported', 'not_applicable', 'unknown'] as const;
export type MissingKind = (typeof MISSING_KINDS)[number];

export const MissingFigure = z
  .strictObject({
    missing: z
      .enum(MISSING_KINDS)
      .describe(
        'Why there is no figure: not_reported (the source gave none), not_applicable, or unknown',
      ),
    note: NoteRefs.optional(),
  })
  .describe('A figure that is missing, e.g. { missing: not_reported }; printed "Not reported"');

/** The figure schema for values of `base`: `47065`, `{ value: 47065, note: "[^n8]" }` or missing. */
export function figure<T extends z.ZodType<number>>(base: T, what: string) {
  return z
    .union([
      base,
      z
        .strictObject({ value: base, note: NoteRefs })
        .describe(`${what}, with a footnote: { value: 47065, note: "[^n8]" }`),
      MissingFigure,
      ToFill,
    ])
    .describe(
      `${what}: a number, { value: N, note: "[^id]" } for a footnote, or ` +
        '{ missing: not_reported | not_applicable | unknown }, or { to_fill: YEAR } while still to fill',
    );
}

/** A figure of any of the three forms, as zod reads it. */
export type FigureInput =
  | number
  | { value: number; note: string }
  | { missing: MissingKind; note?: string | undefined }
  | ToFill;

/** The number, or undefined when the figure is missing. */
export function figureValue(f: FigureInput | undefined): number | undefined {
  if (f === undefined) return undefined;
  if (typeof f === 'number') return f;
  return 'value' in f ? f.value : undefined;
}

/** Why the figure is absent (missing, or still to fill), or undefined when it is a number. */
export function figureMissing(f: FigureInput | undefined): Gap | undefined {
  if (f === undefined || typeof f !== 'object') return undefined;
  if ('to_fill' in f) return 'to_fill';
  return 'missing' in f ? f.missing : undefined;
}

/** The figure's footnote references, if any. */
export function figureNote(f: FigureInput | undefined): string | undefined {
  return f !== undefined && typeof f === 'object' && !('to_fill' in f) ? f.note : undefined;
}
