import type { ClearingTheMinesReport } from '../schema/report.js';
import { reportedCount } from './land-release.js';
import type { MinedAreaTotals } from './tables.js';
import {
  areaEstimate,
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
  return areaEstimate(
    area,
    {
      level: c.level,
      qualifier: c.qualifier,
      fromTables: stated === undefined,
      edition: r.edition,
    },
    notes,
  );
}
