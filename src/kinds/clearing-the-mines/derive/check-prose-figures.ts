import type { ClearingTheMinesReport } from '../schema/report.js';
import type { DerivedContamination } from './contamination.js';
import { reported } from './land-release.js';
import type { Emit, Path, Where } from '../../../derive/emit.js';
import { formatKm2, formatM2, m2ToKm2 } from '../../../derive/format.js';
import { proseInDocumentOrder } from './prose.js';
import {
  agrees,
  AREA,
  boundOf,
  parseArea,
  QUALIFIER,
  readableText,
  sentences,
} from '../../../derive/prose-numbers.js';

const RELEASE = {
  clearance: {
    field: 'clearance_m2',
    words: 'released through clearance',
    fact: '{=clearance_m2}',
  },
  technical_survey: {
    field: 'technical_survey_m2',
    words: 'reduced through technical survey',
    fact: '{=technical_survey_m2}',
  },
  non_technical_survey: {
    field: 'non_technical_survey_m2',
    words: 'cancelled through non-technical survey',
    fact: '{=non_technical_survey_m2}',
  },
} as const;
type ReleaseKind = keyof typeof RELEASE;

/** How the text names each way of releasing land, after or before the figure. */
const METHOD =
  '(?:through|by) (clearance|non-technical survey|technical survey)|(?:was|were) (cleared)';
/** "a total of 47,065m² was released through clearance": the national figure, not a district's. */
const FIGURE_FIRST = new RegExp(
  `\\ba total of ${QUALIFIER}${AREA}([^\\d;]{0,60}?)\\b(?:${METHOD})\\b`,
  'gi',
);
const METHOD_FIRST = new RegExp(
  `\\b(?:(cleared)|(?:released|reduced|cancelled) (?:through|by) (clearance|non-technical survey|technical survey)) a total of ${QUALIFIER}${AREA}`,
  'gi',
);
const TOTAL_CONTAMINATION = new RegExp(
  `\\btotal (?:mined|contaminated|hazardous) area (?:is |was |of |at |to |stood at |is estimated at |was estimated at )*${QUALIFIER}${AREA}`,
  'gi',
);
const TREND =
  /^(?:AP )?(?:mine )?clearance(?: output)? (?:was |were )?(higher|lower|rose|fell|increased|decreased|dropped|declined|grew)\b[^.]*?\bin (\d{4})\b/i;
const UP = /^(higher|rose|increased|grew)$/i;

function kindOf(method: string): ReleaseKind {
  const m = method.toLowerCase();
  if (m === 'non-technical survey') return 'non_technical_survey';
  if (m === 'technical survey') return 'technical_survey';
  return 'clearance';
}

const shown = (unit: string, actual: number) =>
  unit.startsWith('km') ? formatKm2(m2ToKm2(actual)) : formatM2(actual);

/**
 * KEY DATA against the body: the land released in the reported year and the remaining
 * contamination, where the prose types them as figures instead of {=name}, must agree with
 * the data; and "clearance was higher/lower in <year>" must go the way the figures go. Only
 * sentences that name the reported year and give "a total of" are read, so a district's
 * figure is never taken for the national one.
 */
export function checkProseFigures(
  r: ClearingTheMinesReport,
  contamination: DerivedContamination,
  emit: Emit,
  where: Where,
): void {
  const { current } = r.land_release;
  const nowCleared = reported(current.clearance_m2).value;
  const beforeCleared = reported(r.land_release.previous.clearance_m2).value;
  for (const item of proseInDocumentOrder(r)) {
    for (const sentence of sentences(readableText(item.text))) {
      const aboutYear = new RegExp(`\\bin ${current.year}\\b`, 'i').test(sentence);
      if (aboutYear) {
        for (const m of sentence.matchAll(FIGURE_FIRST)) {
          release(item.path, kindOf(m[5] ?? m[6] ?? ''), m[1], m[2] ?? '', m[3] ?? 'm²');
        }
        for (const m of sentence.matchAll(METHOD_FIRST)) {
          release(item.path, kindOf(m[1] ?? m[2] ?? ''), m[3], m[4] ?? '', m[5] ?? 'm²');
        }
      }
      if (contamination.kind === 'area') {
        for (const m of sentence.matchAll(TOTAL_CONTAMINATION)) {
          const stated = parseArea(m[2] ?? '', m[3] ?? 'm²');
          if (agrees(contamination.areaM2, stated, boundOf(m[1]))) continue;
          const table = r.tables.contamination_by_type
            ? 'contamination_by_type'
            : 'mined_area_by_district';
          const other: Path = contamination.fromTables
            ? ['tables', table]
            : ['key_data', 'contamination', 'area_m2'];
          emit(
            'warning',
            item.path,
            `the text gives the total mined area as ${m[0].slice(m[0].search(/\d/))}, but KEY DATA prints ${shown(m[3] ?? '', contamination.areaM2)} from ${contamination.fromTables ? 'the total of ' : ''}${where(other)}; write {=contamination_km2} to print the figure from the data`,
          );
        }
      }
      const trend = TREND.exec(sentence);
      if (
        trend &&
        Number(trend[2]) === current.year &&
        nowCleared !== undefined &&
        beforeCleared !== undefined &&
        nowCleared !== beforeCleared
      ) {
        const saysUp = UP.test(trend[1] ?? '');
        if (saysUp !== nowCleared > beforeCleared) {
          emit(
            'warning',
            item.path,
            `the text says clearance ${trend[1]?.toLowerCase()} in ${current.year}, but ${where(['land_release', 'current', 'clearance_m2'])} gives ${formatM2(nowCleared)} against ${formatM2(beforeCleared)} in ${r.land_release.previous.year}`,
          );
        }
      }
    }
  }

  function release(
    path: Path,
    kind: ReleaseKind,
    qualifier: string | undefined,
    num: string,
    unit: string,
  ): void {
    const spec = RELEASE[kind];
    const actual = reported(current[spec.field]).value;
    // A figure the text gives where KEY DATA has none is checked by nothing here.
    if (actual === undefined) return;
    const stated = parseArea(num, unit);
    if (agrees(actual, stated, boundOf(qualifier))) return;
    emit(
      'warning',
      path,
      `the text gives ${num}${unit.replace('2', '²')} ${spec.words} in ${current.year}, but KEY DATA prints ${shown(unit, actual)} from ${where(['land_release', 'current', spec.field])}; write ${spec.fact} to print the figure from the data`,
    );
  }
}
