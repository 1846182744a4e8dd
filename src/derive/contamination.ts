import type { ClearingTheMinesReport } from '../schema/clearing-the-mines.js';
import { m2ToKm2 } from './format.js';
import type { MinedAreaTotals } from './tables.js';

export type ContaminationLevel = 'Light' | 'Medium' | 'Heavy' | 'Massive';

/** Mine Action Review's bands: Light < 5 km², Medium 5-19, Heavy 20-99, Massive >= 100. */
export function contaminationLevel(km2: number): ContaminationLevel {
  if (km2 < 5) return 'Light';
  if (km2 < 20) return 'Medium';
  if (km2 < 100) return 'Heavy';
  return 'Massive';
}

export type DerivedContamination =
  | {
      kind: 'area';
      areaM2: number;
      km2: number;
      level: ContaminationLevel;
      source: string;
      fromTables: boolean;
    }
  | { kind: 'extent_unknown' | 'no_reliable_estimate'; source: string | undefined };

/** The KEY DATA estimate: stated, or else the total of the contamination tables. */
export function deriveContamination(
  r: ClearingTheMinesReport,
  tableTotal: MinedAreaTotals | undefined,
): DerivedContamination {
  const c = r.key_data.contamination;
  if (c.kind !== 'area') return { kind: c.kind, source: c.source };
  const areaM2 = c.area_m2 ?? tableTotal?.area_m2;
  if (areaM2 === undefined)
    throw new Error(
      'contamination area is neither stated nor in tables (schema should refuse this)',
    );
  const km2 = m2ToKm2(areaM2);
  return {
    kind: 'area',
    areaM2,
    km2,
    level: contaminationLevel(km2),
    source: c.source,
    fromTables: c.area_m2 === undefined,
  };
}
