import type { ProseItem } from '../../../derive/prose.js';
import { assessmentOf } from '../../../schema/performance.js';
import { figureNote } from '../../../schema/figure.js';
import type { ClearingClusterMunitionRemnantsReport as Cmr } from '../schema/report.js';

/**
 * Every text of a CMR report that may cite a footnote or name a derived value, in the order
 * the page prints it (KEY DATA, developments, recommendations, performance, sections): the
 * order that numbers the notes. Footnote references written in a figure's `note` count too.
 */
export function cmrProse(r: Cmr): ProseItem[] {
  const items: ProseItem[] = [];
  const add = (path: (string | number)[], text: string | undefined) => {
    if (text !== undefined) items.push({ path, text });
  };
  const a4 = r.key_data.article4;
  add(['key_data', 'article4', 'note'], a4.note);
  if (a4.status === 'party') {
    for (const [i, e] of a4.extensions.entries())
      add(['key_data', 'article4', 'extensions', i, 'note'], e.note);
    add(['key_data', 'article4', 'completion_declared', 'note'], a4.completion_declared?.note);
    add(['key_data', 'article4', 'pending_request', 'note'], a4.pending_request?.note);
  }
  const c = r.key_data.contamination;
  add(['key_data', 'contamination', 'note'], c.note);
  add(['key_data', 'contamination', 'level_note'], c.level_note);
  for (const field of [
    'clearance_m2',
    'technical_survey_m2',
    'non_technical_survey_m2',
    'submunitions_destroyed',
  ] as const) {
    for (const year of ['current', 'previous'] as const)
      add(['land_release', year, field], figureNote(r.land_release[year][field]));
  }
  for (const [i, t] of r.key_data.main_operators.entries())
    add(['key_data', 'main_operators', i], t);
  for (const [i, t] of r.key_developments.entries()) add(['key_developments', i], t);
  for (const [i, t] of r.recommendations.entries()) add(['recommendations', i], t);
  const p = r.performance;
  if (p && 'not_applicable' in p) add(['performance', 'not_applicable'], p.not_applicable);
  const assessed = assessmentOf(p);
  if (assessed)
    for (const [key, value] of Object.entries(assessed))
      if (typeof value === 'object') add(['performance', key, 'commentary'], value.commentary);
  for (const [i, s] of r.sections.entries())
    for (const [j, b] of s.blocks.entries()) {
      if ('p' in b) add(['sections', i, 'blocks', j, 'p'], b.p);
      else for (const [k, t] of b.list.entries()) add(['sections', i, 'blocks', j, 'list', k], t);
    }
  return items;
}
