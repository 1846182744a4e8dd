import { auditFigures, type FigureAudit } from '../../../derive/figures/audit.js';
import { statedFigures } from '../../../derive/figures/known.js';
import type { ClearingClusterMunitionRemnantsReport as Cmr } from '../schema/report.js';
import { cmrProse } from './prose.js';

/** Placeholders that print words rather than a figure. */
const NOT_A_FIGURE = /^(?:data_year|previous_year|contamination_level)$/;

/** Every figure the text gives, against the figures the data states (prose and notes written as text). */
export function auditCmr(r: Cmr): FigureAudit {
  const { sections: _s, notes: _n, ...data } = r;
  const notes = Object.entries(r.notes).flatMap(([id, note]) =>
    typeof note === 'string' ? [{ path: ['notes', id], text: note }] : [],
  );
  return auditFigures(
    [...cmrProse(r), ...notes],
    statedFigures(data, () => undefined),
    (name) => !NOT_A_FIGURE.test(name),
  );
}
