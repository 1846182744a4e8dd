import { isMap, isSeq, type Document, type YAMLMap } from 'yaml';
import {
  collectMentions,
  documentEditor,
  plainValue,
  setStatusDraft,
} from '../../../commands/carry-forward.js';
import type { CarriedForward } from '../../../commands/kind-definition.js';

/**
 * Carries one Clearing the Mines country file forward to the next edition, editing its YAML
 * document in place (comments, key order and layout kept):
 *
 * - the reported year's land release moves to `previous`, and the year before it joins
 *   `clearance_history`; the new `current` year is one later, its figures left to fill;
 * - every figure that describes the new year is replaced by `{ to_fill: <edition> }`
 *   (src/data/to-fill.ts), which `keydata validate` reports field by field: contamination,
 *   Article 5 progress, performance scores (this year's become `previous_score`), and the
 *   rows of the year's tables (districts, contamination types, gender, survey, clearance);
 * - stable facts stay: operators, capacity, strategy, the Article 5 deadline, notes, prose;
 * - the file becomes a draft, its corrections (to the old edition) are dropped.
 */

/** Figures of the year in each table row, by table. */
const ROW_FIGURES: Record<string, { rows: string; fields: string[] }> = {
  mined_area_by_district: {
    rows: 'rows',
    fields: ['cha_count', 'cha_area_m2', 'sha_count', 'sha_area_m2'],
  },
  contamination_by_type: { rows: 'other_rows', fields: ['areas', 'area_m2'] },
  gender_composition: {
    rows: 'rows',
    fields: [
      'total_staff',
      'women_staff',
      'managerial_staff',
      'women_managerial_staff',
      'operational_staff',
      'women_operational_staff',
    ],
  },
  survey_by_district: { rows: 'rows', fields: ['areas', 'area_m2', 'mines_destroyed'] },
  clearance_by_district: { rows: 'rows', fields: ['areas', 'area_m2', 'mines_destroyed'] },
};
const LAND_RELEASE_FIGURES = [
  'clearance_m2',
  'technical_survey_m2',
  'non_technical_survey_m2',
  'mines_destroyed',
];
const TEXT_AREAS = [
  'key_developments',
  'recommendations',
  'sections',
  'tables',
  'other_tables',
  'land_release',
  'performance',
];

export function carryForwardCtm(doc: Document, from: number, to: number): CarriedForward {
  const { out, has, mark, set } = documentEditor(doc, to);

  // Text that names the old data year, found before anything changes.
  const current = plainValue(doc, ['land_release', 'current']) as
    | Record<string, unknown>
    | undefined;
  const previous = plainValue(doc, ['land_release', 'previous']) as
    | Record<string, unknown>
    | undefined;
  const oldYear = typeof current?.year === 'number' ? current.year : from - 1;
  const root = doc.toJS() as Record<string, unknown>;
  for (const area of TEXT_AREAS)
    collectMentions(root[area], [area], String(oldYear), out.mentionsOldYear);

  set(['edition'], to);
  setStatusDraft(doc);
  if (has(['corrections'])) {
    doc.deleteIn(['corrections']);
    out.moved.push(`corrections to the ${from} edition dropped`);
  }

  // Land release: this year's figures become last year's; the year before joins the history.
  if (current && previous && isMap(doc.getIn(['land_release', 'current'], true))) {
    const currentNode = doc.getIn(['land_release', 'current'], true) as YAMLMap;
    doc.setIn(['land_release', 'previous'], currentNode.clone());
    out.moved.push(`land_release.current (${oldYear}) moved to land_release.previous`);
    if (typeof previous.year === 'number' && typeof previous.clearance_m2 === 'number') {
      addHistory(doc, previous.year, previous.clearance_m2);
      out.moved.push(
        `${previous.year} clearance (${previous.clearance_m2} m²) added to clearance_history`,
      );
    }
    set(['land_release', 'current', 'year'], oldYear + 1);
    for (const f of LAND_RELEASE_FIGURES) mark(['land_release', 'current', f]);
  }

  // KEY DATA: the contamination estimate and Article 5 progress are the new year's.
  const contamination = plainValue(doc, ['key_data', 'contamination']) as
    | Record<string, unknown>
    | undefined;
  if (contamination?.kind === 'area') {
    mark(['key_data', 'contamination', 'area_m2']);
    if (has(['key_data', 'contamination', 'change_reason'])) {
      doc.deleteIn(['key_data', 'contamination', 'change_reason']);
      out.review.push(
        'key_data.contamination.change_reason dropped: explain a change in the new estimate again if needed',
      );
    }
  }
  if (
    (plainValue(doc, ['key_data', 'article5']) as Record<string, unknown> | undefined)?.status ===
    'party'
  ) {
    mark(['key_data', 'article5', 'progress']);
    out.review.push(
      'key_data.article5 kept: check the deadline history (extensions granted, a request pending) still holds',
    );
  }
  // The likelihood of completing on time is the new year's view.
  for (const field of ['oslo_action_plan', 'article5_deadline'])
    if (has(['key_data', 'likelihood', field])) mark(['key_data', 'likelihood', field]);

  // Performance: this year's scores become the previous scores; the new ones are to fill.
  const performance = plainValue(doc, ['performance']) as
    | Record<string, Record<string, unknown>>
    | undefined;
  for (const [key, criterion] of Object.entries(performance ?? {})) {
    if (typeof criterion?.score !== 'number') continue;
    set(['performance', key, 'previous_score'], criterion.score);
    mark(['performance', key, 'score']);
  }
  if (performance) out.review.push('performance commentary kept: rewrite it for the new scores');

  // Tables of the year: each row's figures are to fill; published totals go.
  for (const [table, { rows, fields }] of Object.entries(ROW_FIGURES)) {
    const list = doc.getIn(['tables', table, rows], true);
    if (!isSeq(list)) continue;
    list.items.forEach((_, i) => {
      for (const f of fields) mark(['tables', table, rows, i, f]);
    });
    if (has(['tables', table, 'stated_totals'])) {
      doc.deleteIn(['tables', table, 'stated_totals']);
      out.moved.push(`tables.${table}.stated_totals dropped (the ${oldYear} totals)`);
    }
  }
  if (has(['tables', 'clearance_capacity']))
    out.review.push('tables.clearance_capacity kept as it was: update the capacity deployed');
  const generic = plainValue(doc, ['other_tables']) as Record<string, unknown> | undefined;
  for (const key of Object.keys(generic ?? {}))
    out.review.push(`other_tables.${key} kept as it was: update its figures`);
  out.review.push(
    'main operators, capacity, Article 5 deadline, notes and prose kept: review them',
  );
  return out;
}

/** Adds a year to clearance_history in the order the list keeps (newest first, or oldest first). */
function addHistory(doc: Document, year: number, areaM2: number): void {
  const item = doc.createNode({ year, area_m2: areaM2 });
  const list = doc.getIn(['clearance_history'], true);
  if (!isSeq(list)) {
    doc.set('clearance_history', doc.createNode([{ year, area_m2: areaM2 }]));
    return;
  }
  const years = list.items.map((it) =>
    isMap(it) ? Number((it.get('year') as unknown) ?? NaN) : NaN,
  );
  if (years.includes(year)) return;
  const newestFirst = years.length < 2 || (years[0] as number) > (years[1] as number);
  if (newestFirst && (years.length === 0 || (years[0] as number) < year)) list.items.unshift(item);
  else list.items.push(item);
}
