import type { ClearingTheMinesReport } from '../schema/clearing-the-mines.js';
import { formatCtmNotes } from './citations/clearing-the-mines.js';
import { deriveContamination, type DerivedContamination } from './contamination.js';
import { formatInt, formatKm2, formatM2, m2ToKm2 } from './format.js';
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
import { areaChangeWording, RELEASE_VERBS } from './year-on-year.js';
import { shareFacts } from './share-facts.js';

const RELEASE_KINDS = ['clearance', 'technical_survey', 'non_technical_survey'] as const;
export type ReleaseKind = (typeof RELEASE_KINDS)[number];

/** Every figure of a Clearing the Mines report that is computed rather than stored. */
export function deriveClearingTheMines(r: ClearingTheMinesReport) {
  const { current, previous } = r.land_release;
  const contamination: DerivedContamination = deriveContamination(r, contaminationTableTotal(r));
  const release = RELEASE_KINDS.map((kind) => ({
    kind,
    currentM2: current[`${kind}_m2`],
    previousM2: previous[`${kind}_m2`],
    currentKm2: m2ToKm2(current[`${kind}_m2`]),
    previousKm2: m2ToKm2(previous[`${kind}_m2`]),
    change: areaChangeWording(
      current[`${kind}_m2`],
      previous[`${kind}_m2`],
      previous.year,
      RELEASE_VERBS[kind],
    ),
  }));
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
    tables,
    performance: derivePerformance(r),
    noteNumbers,
    printedNotes: printedNotes(r, noteNumbers),
    tableNumbers: numbers.tables,
    figureNumbers: numbers.figures,
    facts: facts(r, contamination, release, numbers),
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
  release: { kind: ReleaseKind; currentM2: number; change: string }[],
  numbers: { tables: Map<string, number>; figures: Map<string, number> },
): Map<string, string> {
  const f = new Map<string, string>();
  f.set('data_year', String(r.land_release.current.year));
  f.set('previous_year', String(r.land_release.previous.year));
  for (const x of release) {
    f.set(`${x.kind}_m2`, formatM2(x.currentM2));
    f.set(`${x.kind}_change`, x.change);
  }
  f.set('mines_destroyed', formatInt(r.land_release.current.mines_destroyed));
  if (contamination.kind === 'area') {
    f.set('contamination_km2', formatKm2(contamination.km2));
    f.set('contamination_m2', formatM2(contamination.areaM2));
    f.set('contamination_level', contamination.level.toLowerCase());
  }
  for (const [name, value] of shareFacts(r)) f.set(name, value);
  for (const [key, n] of numbers.tables) f.set(`table:${key}`, `Table ${n}`);
  for (const [key, n] of numbers.figures) f.set(`figure:${key}`, `Figure ${n}`);
  return f;
}
