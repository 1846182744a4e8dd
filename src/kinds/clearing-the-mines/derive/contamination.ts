import type { ClearingTheMinesReport } from '../schema/report.js';
import { m2ToKm2 } from '../../../derive/format.js';
import { reportedCount } from './land-release.js';
import type { MinedAreaTotals } from './tables.js';
import {
  contaminationLevel,
  type DerivedContamination,
  type EstimateNotes,
  levelName,
} from '../../../derive/contamination.js';

export {
  type ContaminationLevel,
  contaminationLevel,
  type DerivedContamination,
  LEVEL_BANDS,
} from '../../../derive/contamination.js';

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
  const stated = c.area_m2 === undefined ? undefined : reportedCount(c.area_m2);
  const area = stated ?? tableTotal?.area_m2;
  if (area === undefined)
    throw new Error(
      'contamination area is neither stated nor in tables (schema should refuse this)',
    );
  const areaM2 = area.value;
  if (areaM2 === undefined)
    return {
      kind: 'to_fill',
      toFill: area.toFill ?? r.edition,
      level: c.level && levelName(c.level),
      qualifier: c.qualifier,
      fromTables: stated === undefined,
      ...notes,
    };
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
