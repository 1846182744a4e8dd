import {
  figureMissing,
  figureNote,
  figureValue,
  toFillEdition,
  type FigureInput,
  type Gap,
} from '../schema/figure.js';

/**
 * A figure as derive and render use it: a number, or absent with its reason (missing, or
 * still to fill for an edition), with its footnote either way. Absent is never read as 0.
 * Shared by Mine Action Review's kinds (Clearing the Mines, Clearing Cluster Munition Remnants).
 */
export interface Reported {
  value: number | undefined;
  missing: Gap | undefined;
  note: string | undefined;
  /** The edition a value still to fill is for (`missing` is then 'to_fill'). */
  toFill?: number | undefined;
}

export function reported(f: FigureInput | undefined): Reported {
  const edition = toFillEdition(f);
  return {
    value: figureValue(f),
    missing: f === undefined ? 'not_reported' : figureMissing(f),
    note: figureNote(f),
    ...(edition === undefined ? {} : { toFill: edition }),
  };
}

/** A plain number of the data that may be still to fill, as a Reported figure. */
export function reportedCount(v: number | { to_fill: number }): Reported {
  return typeof v === 'number'
    ? { value: v, missing: undefined, note: undefined }
    : { value: undefined, missing: 'to_fill', note: undefined, toFill: v.to_fill };
}

/** How land is released, in the order KEY DATA lists them. */
export const RELEASE_KINDS = ['clearance', 'technical_survey', 'non_technical_survey'] as const;
export type ReleaseKind = (typeof RELEASE_KINDS)[number];

/** The sum of figures, or undefined when any is missing: a total never counts missing as 0. */
export function sumReported(values: readonly Reported[]): number | undefined {
  let sum = 0;
  for (const v of values) {
    if (v.value === undefined) return undefined;
    sum += v.value;
  }
  return sum;
}
