import type { Document, YAMLMap } from 'yaml';
import { isMap } from 'yaml';
import {
  collectMentions,
  documentEditor,
  plainValue,
  setStatusDraft,
} from '../../../commands/carry-forward.js';
import type { CarriedForward } from '../../../commands/kind-definition.js';

const RELEASE_FIGURES = [
  'clearance_m2',
  'technical_survey_m2',
  'non_technical_survey_m2',
  'submunitions_destroyed',
];
const TEXT_AREAS = [
  'key_developments',
  'recommendations',
  'sections',
  'land_release',
  'performance',
];

/**
 * Carries one Clearing Cluster Munition Remnants country file forward to the next edition,
 * in place: the reported year's land release and submunitions move to `previous`, the new
 * year's figures are left `{ to_fill: <edition> }`, as are the contamination estimate, the
 * Article 4 progress and the performance scores (this year's become `previous_score`); the
 * deadline history, operators, notes and prose stay for review; the file becomes a draft.
 */
export function carryForwardCmr(doc: Document, from: number, to: number): CarriedForward {
  const { out, has, mark, set } = documentEditor(doc, to);
  const current = plainValue(doc, ['land_release', 'current']) as
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

  if (isMap(doc.getIn(['land_release', 'current'], true))) {
    const node = doc.getIn(['land_release', 'current'], true) as YAMLMap;
    doc.setIn(['land_release', 'previous'], node.clone());
    out.moved.push(`land_release.current (${oldYear}) moved to land_release.previous`);
    set(['land_release', 'current', 'year'], oldYear + 1);
    for (const f of RELEASE_FIGURES) mark(['land_release', 'current', f]);
  }

  const contamination = plainValue(doc, ['key_data', 'contamination']) as
    | Record<string, unknown>
    | undefined;
  if (contamination?.kind === 'area') mark(['key_data', 'contamination', 'area_m2']);
  const article4 = plainValue(doc, ['key_data', 'article4']) as Record<string, unknown> | undefined;
  if (article4?.status === 'party') {
    // Progress is the new year's view, unless the State has completed (then it stays not_applicable).
    if (has(['key_data', 'article4', 'progress']) && !article4.completion_declared)
      mark(['key_data', 'article4', 'progress']);
    out.review.push(
      'key_data.article4 kept: check the deadline history (extensions granted, a request pending) still holds',
    );
  }

  const performance = plainValue(doc, ['performance']) as
    | Record<string, Record<string, unknown>>
    | undefined;
  for (const [key, criterion] of Object.entries(performance ?? {})) {
    if (typeof criterion?.score !== 'number') continue;
    set(['performance', key, 'previous_score'], criterion.score);
    mark(['performance', key, 'score']);
  }
  if (performance && !('not_applicable' in performance))
    out.review.push('performance commentary kept: rewrite it for the new scores');
  out.review.push('main operators, Article 4 deadline, notes and prose kept: review them');
  return out;
}
