import type { Citation, Footnote } from '../../schema/citation.js';

/** A footnote as an ordered list of text and runs of consecutive citations. */
export type NotePiece = { text: string } | { cites: Citation[] };

const asList = (c: Citation | Citation[]): Citation[] => (Array.isArray(c) ? c : [c]);

/** The pieces of a footnote in print order: any form of note, normalised. */
export function notePieces(note: Footnote): NotePiece[] {
  if (typeof note === 'string') return [{ text: note }];
  if ('parts' in note) {
    return note.parts.map(
      (p): NotePiece => ('text' in p ? { text: p.text } : { cites: asList(p.cite) }),
    );
  }
  const pieces: NotePiece[] = [{ cites: asList(note.cite) }];
  if (note.text !== undefined) pieces.push({ text: note.text });
  return pieces;
}

/** Every citation of a note, in order. */
export function noteCitations(note: Footnote): Citation[] {
  return notePieces(note).flatMap((p) => ('cites' in p ? p.cites : []));
}

/** The Markdown written in a note's data (its text pieces), e.g. to check it cites no other note. */
export function noteTexts(note: Footnote): string[] {
  return notePieces(note).flatMap((p) => ('text' in p ? [p.text] : []));
}
