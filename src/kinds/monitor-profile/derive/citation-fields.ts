import type { Citation, Footnote } from '../../../schema/citation.js';

/**
 * Citation fields the Monitor's style does not print for a kind of source, or prints in a way
 * the editor likely did not mean. The schema accepts every field on every kind (one shape is
 * easier to write), so a field given to the wrong kind would otherwise vanish from the page or
 * print wrongly without a word (src/kinds/monitor-profile/derive/citations.ts is the style).
 */

type Field = keyof Citation;

const MESSAGE: readonly Field[] = ['genre', 'issue', 'edition', 'publisher'];
const UNPRINTED: Record<Citation['kind'], readonly Field[]> = {
  email: MESSAGE,
  letter: MESSAGE,
  interview: MESSAGE,
  telephone_interview: MESSAGE,
  questionnaire: MESSAGE,
  statement: MESSAGE,
  publication: ['genre', 'event', 'issue'],
  media: ['genre', 'event', 'issue', 'edition'],
  document: ['genre', 'event', 'edition'],
  report: ['genre', 'edition'],
  web_page: ['genre', 'edition'],
  presentation: ['genre', 'edition'],
};

export interface CitationFieldWarning {
  /** From the citation: its field. */
  field: Field;
  message: string;
}

export function monitorCitationWarnings(c: Citation): CitationFieldWarning[] {
  const out: CitationFieldWarning[] = [];
  if (c.kind === 'statement' && c.title !== undefined) {
    out.push({
      field: 'title',
      message: `a statement's title prints as a document "provided by statement of ${c.author ?? '…'}"; give the meeting as event, or cite the text itself as kind: document`,
    });
  }
  for (const field of UNPRINTED[c.kind]) {
    if (c[field] !== undefined)
      out.push({
        field,
        message: `${field} is not printed in a citation of kind ${c.kind} (the Monitor's style leaves it out); move it to a field this kind prints, or change the kind`,
      });
  }
  return out;
}

/** Each citation of a note with its path from the note. */
export function citationsOf(note: Footnote): { cite: Citation; path: (string | number)[] }[] {
  if (typeof note === 'string') return [];
  const list = (cites: Citation | Citation[], base: (string | number)[]) =>
    Array.isArray(cites)
      ? cites.map((cite, i) => ({ cite, path: [...base, i] }))
      : [{ cite: cites, path: base }];
  if ('cite' in note) return list(note.cite, ['cite']);
  return note.parts.flatMap((part, i) =>
    'cite' in part ? list(part.cite, ['parts', i, 'cite']) : [],
  );
}
