import type { ClearingTheMinesReport } from '../schema/report.js';
import { formatCtmNotes } from '../../../derive/citations/mine-action-review.js';
import { deriveContamination, type DerivedContamination } from './contamination.js';
import { type AreaUnit, formatArea, formatInt } from '../../../derive/format.js';
import {
  type DerivedMines,
  minesDestroyed,
  RELEASE_KINDS,
  type ReleaseKind,
  type Reported,
  releaseArea,
} from './land-release.js';
import { numberNotes, numberTablesAndFigures } from './numbering.js';
import { derivePerformance } from './performance.js';
import {
  contaminationByType,
  contaminationTableTotal,
  fiveYearClearance,
  genderComposition,
  minedAreaByDistrict,
  releaseByDistrict,
} from './tables.js';
import { areaChangeWording, MISSING_WORDS, RELEASE_VERBS } from './year-on-year.js';
import { shareFacts } from './share-facts.js';
import { gapWords, toFillText } from '../../../derive/to-fill.js';

const AREA_UNITS: readonly AreaUnit[] = ['m2', 'km2'];

export type { ReleaseKind } from './land-release.js';

/** One land release output in both years. */
export interface DerivedRelease {
  kind: ReleaseKind;
  current: Reported;
  previous: Reported;
  change: string;
}

/** Every figure of a Clearing the Mines report that is computed rather than stored. */
export function deriveClearingTheMines(r: ClearingTheMinesReport) {
  const { current, previous } = r.land_release;
  const contamination: DerivedContamination = deriveContamination(r, contaminationTableTotal(r));
  const release: DerivedRelease[] = RELEASE_KINDS.map((kind) => {
    const now = releaseArea(current, kind);
    const before = releaseArea(previous, kind);
    return {
      kind,
      current: now,
      previous: before,
      change: areaChangeWording(now, before, previous.year, RELEASE_VERBS[kind]),
    };
  });
  const mines = {
    current: minesDestroyed(current.mines_destroyed),
    previous: minesDestroyed(previous.mines_destroyed),
  };
  const t = r.tables;
  const tables = {
    mined_area_by_district:
      t.mined_area_by_district && minedAreaByDistrict(t.mined_area_by_district.rows),
    contamination_by_type: contaminationByType(r),
    gender_composition: t.gender_composition && genderComposition(t.gender_composition.rows),
    survey_by_district: t.survey_by_district && releaseByDistrict(t.survey_by_district.rows),
    clearance_by_district:
      t.clearance_by_district && releaseByDistrict(t.clearance_by_district.rows),
    five_year_clearance: fiveYearClearance(r),
  };
  const numbers = numberTablesAndFigures(r);
  const noteNumbers = numberNotes(r);
  return {
    contamination,
    release,
    mines,
    tables,
    performance: derivePerformance(r),
    noteNumbers,
    printedNotes: printedNotes(r, noteNumbers),
    tableNumbers: numbers.tables,
    figureNumbers: numbers.figures,
    facts: facts(r, contamination, release, mines.current, numbers),
  };
}
export type ClearingTheMinesDerived = ReturnType<typeof deriveClearingTheMines>;

/** Each cited note as printed (Markdown), in the Clearing the Mines citation style. */
function printedNotes(
  r: ClearingTheMinesReport,
  numbers: Map<string, number>,
): Map<string, string> {
  const ids = [...numbers.keys()].filter((id) => r.notes[id] !== undefined);
  const printed = formatCtmNotes(
    ids.map((id) => r.notes[id] as NonNullable<(typeof r.notes)[string]>),
  );
  return new Map(ids.map((id, i) => [id, printed[i] ?? '']));
}

/** The values prose may name as {=name}: words and figures that must follow the data. */
function facts(
  r: ClearingTheMinesReport,
  contamination: DerivedContamination,
  release: DerivedRelease[],
  mines: DerivedMines,
  numbers: { tables: Map<string, number>; figures: Map<string, number> },
): Map<string, string> {
  const f = new Map<string, string>();
  // A land release area reads in m² below 1km² and in km² from it; the contamination facts
  // name their unit. {=name|m2} or {=name|km2} fixes the unit of one placeholder.
  const area = (name: string, m2: number, natural?: AreaUnit) => {
    f.set(name, formatArea(m2, natural));
    for (const unit of AREA_UNITS) f.set(`${name}|${unit}`, formatArea(m2, unit));
  };
  const missing = (name: string, x: Reported) => f.set(name, gapWords(x, MISSING_WORDS));
  f.set('data_year', String(r.land_release.current.year));
  f.set('previous_year', String(r.land_release.previous.year));
  for (const x of release) {
    if (x.current.value === undefined) missing(`${x.kind}_m2`, x.current);
    else area(`${x.kind}_m2`, x.current.value);
    f.set(`${x.kind}_change`, x.change);
  }
  if (mines.value === undefined) missing('mines_destroyed', mines);
  else f.set('mines_destroyed', formatInt(mines.value));
  if (contamination.kind === 'area') {
    area('contamination_km2', contamination.areaM2, 'km2');
    area('contamination_m2', contamination.areaM2, 'm2');
  } else if (contamination.kind === 'to_fill') {
    for (const name of ['contamination_km2', 'contamination_m2'])
      for (const suffix of ['', ...AREA_UNITS.map((u) => `|${u}`)])
        f.set(`${name}${suffix}`, toFillText(contamination.toFill));
  }
  if (contamination.level) f.set('contamination_level', contamination.level.toLowerCase());
  // No band level without an area: while the area is still to fill, so is the level.
  else if (contamination.kind === 'to_fill')
    f.set('contamination_level', toFillText(contamination.toFill));
  for (const [name, value] of shareFacts(r)) f.set(name, value);
  for (const [key, n] of numbers.tables) f.set(`table:${key}`, `Table ${n}`);
  for (const [key, n] of numbers.figures) f.set(`figure:${key}`, `Figure ${n}`);
  return f;
}
