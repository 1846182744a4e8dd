import type { LandReleaseYear, MinesDestroyed } from '../schema/report.js';

import { type Reported, reported, type ReleaseKind } from '../../../derive/land-release.js';

export {
  type Reported,
  reported,
  reportedCount,
  RELEASE_KINDS,
  type ReleaseKind,
  sumReported,
} from '../../../derive/land-release.js';

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
  if (typeof m === 'number' || 'value' in m || 'missing' in m || 'to_fill' in m) {
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
