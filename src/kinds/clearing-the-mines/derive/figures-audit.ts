import type { ClearingTheMinesReport } from '../schema/report.js';
import { type ClearingTheMinesDerived, deriveClearingTheMines } from './report.js';
import { proseInDocumentOrder } from './prose.js';
import { auditFigures, type FigureAudit, type ProseText } from '../../../derive/figures/audit.js';
import { ctmKnownFigures } from './figures-known.js';

/** Placeholders that print words or numbering rather than a figure. */
const NOT_A_FIGURE = /^(?:table|figure):|^(?:data_year|previous_year|contamination_level)$/;

/** The prose, captions, table notes and the footnotes written as text (citations hold no figures). */
function textsOf(r: ClearingTheMinesReport): ProseText[] {
  const notes = Object.entries(r.notes).flatMap(([id, note]) =>
    typeof note === 'string' ? [{ path: ['notes', id], text: note }] : [],
  );
  return [...proseInDocumentOrder(r), ...notes];
}

export function auditClearingTheMines(
  r: ClearingTheMinesReport,
  d: ClearingTheMinesDerived = deriveClearingTheMines(r),
): FigureAudit {
  return auditFigures(textsOf(r), ctmKnownFigures(r, d), (name) => !NOT_A_FIGURE.test(name));
}
