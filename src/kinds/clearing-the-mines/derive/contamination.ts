import type { ClearingTheMinesReport, ContaminationEstimate } from '../schema/report.js';
import { m2ToKm2 } from '../../../derive/format.js';
import type { MinedAreaTotals } from './tables.js';

export type ContaminationLevel = 'Light' | 'Medium' | 'Heavy' | 'Massive';

/** Mine Action Review's bands: Light < 5 km², Medium 5-19, Heavy 20-99, Massive >= 100. */
export function contaminationLevel(km2: number): ContaminationLevel {
  if (km2 < 5) return 'Light';
  if (km2 < 20) return 'Medium';
  if (km2 < 100) return 'Heavy';
  return 'Massive';
}

/** The band of each level, as a warning words it. */
export const LEVEL_BANDS: Record<ContaminationLevel, string> = {
  Light: 'less than 5km²',
  Medium: '5–19km²',
  Heavy: '20–99km²',
  Massive: '100km² or more',
};

const levelName = (l: string): ContaminationLevel =>
  (l.charAt(0).toUpperCase() + l.slice(1)) as ContaminationLevel;

/** What every form of the estimate carries besides its figure. */
interface EstimateNotes {
  source: string | undefined;
  caveat: string | undefined;
  note: string | undefined;
  levelNote: string | undefined;
}

export type DerivedContamination =
  | ({
      kind: 'area';
      areaM2: number;
      km2: number;
      /** The level printed: the stated one, else the band's. */
      level: ContaminationLevel;
      /** The band's level, whatever is stated. */
      bandLevel: ContaminationLevel;
      qualifier: Extract<ContaminationEstimate, { kind: 'area' }>['qualifier'];
      fromTables: boolean;
    } & EstimateNotes)
  | ({
      kind: 'level' | 'extent_unknown' | 'no_reliable_estimate';
      level: ContaminationLevel | undefined;
    } & EstimateNotes);

/** The KEY DATA estimate: stated, or else the total of the contamination tables. */
export function deriveContamination(
  r: ClearingTheMinesReport,
  tableTotal: MinedAreaTotals | undefined,
): DerivedContamination {
  const c = r.key_data.contamination;
  const notes: EstimateNotes = {
    source: c.source,
    caveat: c.caveat,
    note: c.note,
    levelNote: c.level_note,
  };
  if (c.kind !== 'area') return { kind: c.kind, level: c.level && levelName(c.level), ...notes };
  const areaM2 = c.area_m2 ?? tableTotal?.area_m2;
  if (areaM2 === undefined)
    throw new Error(
      'contamination area is neither stated nor in tables (schema should refuse this)',
    );
  const km2 = m2ToKm2(areaM2);
  const bandLevel = contaminationLevel(km2);
  return {
    kind: 'area',
    areaM2,
    km2,
    level: c.level ? levelName(c.level) : bandLevel,
    bandLevel,
    qualifier: c.qualifier,
    fromTables: c.area_m2 === undefined,
    ...notes,
  };
}
