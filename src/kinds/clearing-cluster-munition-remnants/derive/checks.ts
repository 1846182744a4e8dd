import { noteTexts } from '../../../derive/citations/footnote.js';
import { LEVEL_BANDS } from '../../../derive/contamination.js';
import type { Emit, Where } from '../../../derive/emit.js';
import { formatArea, formatInt } from '../../../derive/format.js';
import { noteRefs, placeholders } from '../../../derive/prose.js';
import { deadlineStatus } from '../../../derive/treaty-deadline.js';
import { assessmentOf } from '../../../schema/performance.js';
import type { ClearingClusterMunitionRemnantsReport as Cmr } from '../schema/report.js';
import { cmrProse } from './prose.js';
import type { CmrDerived } from './report.js';

/**
 * Clearing Cluster Munition Remnants' checks of one report: footnotes that must resolve and
 * be cited once, derived values that must exist (errors); a stated level against its band,
 * a performance table for a State not party, completion against remaining contamination,
 * submunitions destroyed without any land released (warnings).
 */
export function checkCmr(r: Cmr, d: CmrDerived, emit: Emit, where: Where): void {
  const cited = new Set<string>();
  for (const item of cmrProse(r)) {
    for (const id of noteRefs(item.text)) {
      if (!(id in r.notes))
        emit('error', item.path, `cites footnote [^${id}], which is not defined under notes`);
      else if (cited.has(id))
        emit(
          'error',
          item.path,
          `cites footnote [^${id}] a second time; a note is cited once (write a new note, e.g. "Ibid.")`,
        );
      cited.add(id);
    }
    for (const name of placeholders(item.text))
      if (!d.facts.has(name))
        emit(
          'error',
          item.path,
          `unknown derived value {=${name}}; known: ${[...d.facts.keys()].filter((k) => !k.includes('|')).join(', ')}`,
        );
  }
  for (const [id, note] of Object.entries(r.notes)) {
    if (!cited.has(id))
      emit('warning', ['notes', id], 'footnote is defined but never cited', { key: true });
    for (const inner of noteTexts(note).flatMap(noteRefs))
      emit('error', ['notes', id], `a footnote cannot cite another footnote ([^${inner}])`);
  }

  const c = d.contamination;
  if (c.kind === 'area' && c.level !== c.bandLevel)
    emit(
      'warning',
      ['key_data', 'contamination', 'level'],
      `the level is stated as ${c.level.toLowerCase()}, but ${formatArea(c.areaM2, 'km2')} is ${c.bandLevel.toLowerCase()} (${LEVEL_BANDS[c.bandLevel]})`,
    );

  const a4 = r.key_data.article4;
  if (a4.status === 'not_party' && assessmentOf(r.performance))
    emit(
      'warning',
      ['performance'],
      'the performance of national programmes is assessed for States Parties only, but key_data.article4 says not party',
    );
  if (deadlineStatus(a4) === 'completed' && c.kind !== 'none_known')
    emit(
      'warning',
      ['key_data', 'contamination'],
      `${where(['key_data', 'article4', 'completion_declared'])} declares completion, but KEY DATA gives ${c.kind === 'area' ? formatArea(c.areaM2, 'km2') : 'an estimate'} of CMR contamination remaining (write kind: none_known if none is)`,
    );

  const destroyed = d.submunitions.current.value;
  const released = d.release.map((x) => x.current.value);
  if (destroyed !== undefined && destroyed > 0 && released.every((v) => v === 0))
    emit(
      'warning',
      ['land_release', 'current', 'submunitions_destroyed'],
      `${formatInt(destroyed)} submunitions destroyed, but no land was released in ${r.land_release.current.year} (clearance and survey are 0): spot tasks? Say so in a note`,
    );
}
