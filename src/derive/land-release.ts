import {
  figureMissing,
  figureNote,
  figureValue,
  type FigureInput,
  type MissingKind,
} from '../schema/figure.js';

/**
 * A land release figure as derive and render use it: a number, or missing with its reason,
 * with its footnote either way. Missing is never read as 0. Shared by Mine Action Review's
 * kinds (Clearing the Mines, Clearing Cluster Munition Remnants).
 */
export interface Reported {
  value: number | undefined;
  missing: MissingKind | undefined;
  note: string | undefined;
}

export function reported(f: FigureInput | undefined): Reported {
  return {
    value: figureValue(f),
    missing: f === undefined ? 'not_reported' : figureMissing(f),
    note: figureNote(f),
  };
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
