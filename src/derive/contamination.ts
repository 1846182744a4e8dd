import { m2ToKm2 } from './format.js';

/**
 * Mine Action Review's contamination estimate as KEY DATA prints it, shared by its kinds: an
 * area (printed in km²) with the level its bands give, or a level alone, or no estimate.
 */
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

/** A level as data names it ("heavy") and as the box prints it ("Heavy"). */
export const levelName = (l: string): ContaminationLevel =>
  (l.charAt(0).toUpperCase() + l.slice(1)) as ContaminationLevel;

/** Printed before an area: "More than 30km²". */
export type AreaQualifier = 'more_than' | 'at_least' | 'about' | 'almost' | 'up_to';

/** What every form of the estimate carries besides its figure. */
export interface EstimateNotes {
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
      qualifier: AreaQualifier | undefined;
      fromTables: boolean;
    } & EstimateNotes)
  | ({
      /** none_known: no contamination known to remain (a State that completed clearance). */
      kind: 'level' | 'extent_unknown' | 'no_reliable_estimate' | 'none_known';
      level: ContaminationLevel | undefined;
    } & EstimateNotes)
  | ({
      /** An area estimate still to fill (or a table total that holds a figure to fill). */
      kind: 'to_fill';
      toFill: number;
      /** The stated level only: no band without an area. */
      level: ContaminationLevel | undefined;
      qualifier: AreaQualifier | undefined;
      fromTables: boolean;
    } & EstimateNotes);

/**
 * An area estimate as KEY DATA prints it: the area in km² with the level its bands give (or
 * the stated level), or, while the area is still to fill, the mark and no band.
 */
export function areaEstimate(
  area: { value: number | undefined; toFill?: number | undefined },
  stated: {
    level: string | undefined;
    qualifier: AreaQualifier | undefined;
    fromTables: boolean;
    edition: number;
  },
  notes: EstimateNotes,
): DerivedContamination {
  const { qualifier, fromTables } = stated;
  if (area.value === undefined)
    return {
      kind: 'to_fill',
      toFill: area.toFill ?? stated.edition,
      level: stated.level ? levelName(stated.level) : undefined,
      qualifier,
      fromTables,
      ...notes,
    };
  const km2 = m2ToKm2(area.value);
  const bandLevel = contaminationLevel(km2);
  return {
    kind: 'area',
    areaM2: area.value,
    km2,
    level: stated.level ? levelName(stated.level) : bandLevel,
    bandLevel,
    qualifier,
    fromTables,
    ...notes,
  };
}
