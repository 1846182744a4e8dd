import { z } from 'zod';
import { NoteRefs } from './note-refs.js';

/**
 * A reported figure: the number itself, the number with a footnote, or a figure that is
 * missing for a stated reason. Missing is not zero: it prints as words ("Not reported"), a
 * dash in a table cell, and totals and comparisons say so rather than count it as 0. It is
 * distinct from `{ to_fill: YEAR }`, the marker of an edition not yet written.
 */

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
    ])
    .describe(
      `${what}: a number, { value: N, note: "[^id]" } for a footnote, or ` +
        '{ missing: not_reported | not_applicable | unknown }',
    );
}

/** A figure of any of the three forms, as zod reads it. */
export type FigureInput =
  | number
  | { value: number; note: string }
  | { missing: MissingKind; note?: string | undefined };

/** The number, or undefined when the figure is missing. */
export function figureValue(f: FigureInput | undefined): number | undefined {
  if (f === undefined) return undefined;
  if (typeof f === 'number') return f;
  return 'value' in f ? f.value : undefined;
}

/** Why the figure is missing, or undefined when it is a number. */
export function figureMissing(f: FigureInput | undefined): MissingKind | undefined {
  return f !== undefined && typeof f === 'object' && 'missing' in f ? f.missing : undefined;
}

/** The figure's footnote references, if any. */
export function figureNote(f: FigureInput | undefined): string | undefined {
  return f !== undefined && typeof f === 'object' ? f.note : undefined;
}
