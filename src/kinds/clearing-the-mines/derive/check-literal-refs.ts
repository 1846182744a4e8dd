import type { ClearingTheMinesReport } from '../schema/report.js';
import type { Emit, Path } from '../../../derive/emit.js';
import { NOTE_REF } from '../../../derive/prose.js';
import { proseInDocumentOrder, tableProse } from './prose.js';

/**
 * A footnote reference written where keydata does not read one would print "[^n8]" on the
 * page and leave its note uncited: an error at the field, naming where references go.
 */
export function checkLiteralNoteRefs(r: ClearingTheMinesReport, emit: Emit): void {
  // Every table's caption, notes and cells read references, placed in the body or not.
  const tables = [...Object.keys(r.tables), ...Object.keys(r.other_tables)];
  const read = new Set(
    [...proseInDocumentOrder(r), ...tables.flatMap((key) => tableProse(r, key))].map((item) =>
      item.path.join('\u0000'),
    ),
  );
  const visit = (value: unknown, path: Path): void => {
    if (typeof value === 'string') {
      const m = new RegExp(NOTE_REF.source).exec(value);
      // A note: field never prints as text; one not placed is "defined but never cited".
      if (m && !read.has(path.join('\u0000')) && path.at(-1) !== 'note')
        emit(
          'error',
          path,
          `would print ${m[0]} literally: footnote references are read in prose, captions, table notes and ` +
            'generic table cells, capacity lists, main_operators and note: fields; give this item a note: instead',
        );
      return;
    }
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) visit(v, [...path, i]);
    } else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
  };
  for (const [key, value] of Object.entries(r)) {
    // Footnote texts have their own check: a note cannot cite another.
    if (key !== 'notes') visit(value, [key]);
  }
}
