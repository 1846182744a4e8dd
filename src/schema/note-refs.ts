import { z } from 'zod';

/**
 * Footnote references standing alone, for an item that is a figure or a date rather than
 * prose: "[^n8]" or "[^n8][^n9]". They are numbered with the prose's references, in the
 * order the page prints them.
 */
export const NoteRefs = z
  .string()
  .trim()
  .regex(
    /^(\[\^[A-Za-z0-9][A-Za-z0-9_.-]*\])+$/,
    'one or more footnote references and nothing else, e.g. "[^n8]" or "[^n8][^n9]"',
  )
  .describe(
    'Footnote reference(s) printed after this item, e.g. "[^n8]"; the note itself is under `notes`',
  );
