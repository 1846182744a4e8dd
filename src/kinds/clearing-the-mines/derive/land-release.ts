import type { LandReleaseYear, MinesDestroyed } from '../schema/report.js';
import {
  figureMissing,
  figureNote,
  figureValue,
  type FigureInput,
  type MissingKind,
} from '../../../schema/figure.js';

/**
 * A land release figure as derive and render use it: a number, or missing with its reason,
 * with its footnote either way. Missing is never read as 0.
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

export const RELEASE_KINDS = ['clearance', 'technical_survey', 'non_technical_survey'] as const;
export type ReleaseKind = (typeof RELEASE_KINDS)[number];

export const releaseArea = (y: LandReleaseYear, kind: ReleaseKind): Reported =>
  reported(y[`${kind}_m2`]);

/** The parts of a breakdown, in the order the KEY DATA box lists them. */
export const MINE_PARTS = ['during_clearance', 'during_survey', 'spot_tasks', 'other'] as const;
export type MinePart = (typeof MINE_PARTS)[number];

export interface DerivedMines extends Reported {
  parts: { key: MinePart; value: number | undefined }[];
  otherLabel: string | undefined;
  /** The total as stated beside a breakdown, when it differs from the parts' sum. */
  mismatch: { stated: number; sum: number } | undefined;
}

/** AP mines destroyed: the total (stated, or the sum of the parts) and the breakdown. */
export function minesDestroyed(m: MinesDestroyed): DerivedMines {
  if (typeof m === 'number' || 'value' in m || 'missing' in m) {
    return { ...reported(m), parts: [], otherLabel: undefined, mismatch: undefined };
  }
  const parts = MINE_PARTS.map((key) => ({ key, value: m[key] }));
  const given = parts.flatMap((p) => (p.value === undefined ? [] : [p.value]));
  const sum = given.reduce((a, b) => a + b, 0);
  const total = m.total ?? (given.length > 0 ? sum : undefined);
  return {
    value: total,
    missing: total === undefined ? 'not_reported' : undefined,
    note: m.note,
    parts,
    otherLabel: m.other_label,
    mismatch:
      m.total !== undefined && given.length > 0 && m.total !== sum
        ? { stated: m.total, sum }
        : undefined,
  };
}

/** The sum of figures, or undefined when any is missing: a total never counts missing as 0. */
export function sumReported(values: readonly Reported[]): number | undefined {
  let sum = 0;
  for (const v of values) {
    if (v.value === undefined) return undefined;
    sum += v.value;
  }
  return sum;
}
