import { formatCtmNotes as formatMarNotes } from '../../../derive/citations/mine-action-review.js';
import {
  areaEstimate,
  type DerivedContamination,
  levelName,
} from '../../../derive/contamination.js';
import { type AreaUnit, formatArea, formatInt } from '../../../derive/format.js';
import { gapWords, toFillText } from '../../../derive/to-fill.js';
import type { Gap } from '../../../schema/figure.js';
import {
  RELEASE_KINDS,
  type ReleaseKind,
  type Reported,
  reported,
  reportedCount,
} from '../../../derive/land-release.js';
import { derivePerformance } from '../../../derive/performance.js';
import { noteRefs } from '../../../derive/prose.js';
import {
  CMR_PERFORMANCE_CRITERIA,
  type ClearingClusterMunitionRemnantsReport as Cmr,
  type CmrContamination,
} from '../schema/report.js';
import { cmrProse } from './prose.js';

/** One land release output in both years. */
export interface CmrRelease {
  kind: ReleaseKind;
  current: Reported;
  previous: Reported;
}

/** The KEY DATA estimate of CMR contamination, with the level its bands give. */
export function deriveCmrContamination(c: CmrContamination, edition: number): DerivedContamination {
  const notes = { source: c.source, caveat: c.caveat, note: c.note, levelNote: c.level_note };
  if (c.kind === 'none_known') return { kind: c.kind, level: undefined, ...notes };
  if (c.kind !== 'area') return { kind: c.kind, level: c.level && levelName(c.level), ...notes };
  // Still to fill, the estimate has no area and no band: the mark stands for both.
  return areaEstimate(
    reportedCount(c.area_m2),
    { level: c.level, qualifier: c.qualifier, fromTables: false, edition },
    notes,
  );
}

/** Footnote numbers 1..N in the order of first citation. */
function numberNotes(r: Cmr): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const item of cmrProse(r))
    for (const id of noteRefs(item.text)) if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
  return numbers;
}

/** Every figure of a Clearing Cluster Munition Remnants report that is computed, not stored. */
export function deriveCmr(r: Cmr) {
  const { current, previous } = r.land_release;
  const contamination = deriveCmrContamination(r.key_data.contamination, r.edition);
  const release: CmrRelease[] = RELEASE_KINDS.map((kind) => ({
    kind,
    current: reported(current[`${kind}_m2`]),
    previous: reported(previous[`${kind}_m2`]),
  }));
  const submunitions = {
    current: reported(current.submunitions_destroyed),
    previous: reported(previous.submunitions_destroyed),
  };
  const noteNumbers = numberNotes(r);
  const ids = [...noteNumbers.keys()].filter((id) => r.notes[id] !== undefined);
  // Mine Action Review's citation style, as Clearing the Mines prints it.
  const printed = formatMarNotes(ids.map((id) => r.notes[id] as NonNullable<Cmr['notes'][string]>));
  return {
    contamination,
    release,
    submunitions,
    performance: derivePerformance(r.performance, CMR_PERFORMANCE_CRITERIA),
    noteNumbers,
    printedNotes: new Map(ids.map((id, i) => [id, printed[i] ?? ''])),
    facts: facts(r, contamination, release, submunitions.current),
  };
}
export type CmrDerived = ReturnType<typeof deriveCmr>;

const MISSING_WORDS: Record<Gap, string> = {
  not_reported: 'not reported',
  not_applicable: 'not applicable',
  unknown: 'unknown',
  to_fill: 'still to fill',
};

/** The values prose may name as {=name}: words and figures that must follow the data. */
function facts(
  r: Cmr,
  contamination: DerivedContamination,
  release: CmrRelease[],
  submunitions: Reported,
): Map<string, string> {
  const f = new Map<string, string>();
  const area = (name: string, m2: number, natural?: AreaUnit) => {
    f.set(name, formatArea(m2, natural));
    for (const unit of ['m2', 'km2'] as const) f.set(`${name}|${unit}`, formatArea(m2, unit));
  };
  const missing = (name: string, x: Reported) => f.set(name, gapWords(x, MISSING_WORDS));
  f.set('data_year', String(r.land_release.current.year));
  f.set('previous_year', String(r.land_release.previous.year));
  for (const x of release) {
    if (x.current.value === undefined) missing(`${x.kind}_m2`, x.current);
    else area(`${x.kind}_m2`, x.current.value);
  }
  if (submunitions.value === undefined) missing('submunitions_destroyed', submunitions);
  else f.set('submunitions_destroyed', formatInt(submunitions.value));
  if (contamination.kind === 'area') {
    area('contamination_km2', contamination.areaM2, 'km2');
    area('contamination_m2', contamination.areaM2, 'm2');
  }
  if (contamination.kind === 'to_fill')
    for (const name of ['contamination_km2', 'contamination_m2'])
      for (const suffix of ['', '|m2', '|km2'])
        f.set(`${name}${suffix}`, toFillText(contamination.toFill));
  if (contamination.level) f.set('contamination_level', contamination.level.toLowerCase());
  // No band level without an area: while the area is still to fill, so is the level.
  else if (contamination.kind === 'to_fill')
    f.set('contamination_level', toFillText(contamination.toFill));
  return f;
}
