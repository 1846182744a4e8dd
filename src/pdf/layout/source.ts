/**
 * The source before layout, inside the page: every element the guard accounts for gets an
 * id (data-kd) and its text is recorded; the notes list leaves the flow for the page feet.
 * Part of the layout script (script.ts): self-contained, see measure.ts.
 */
import type { LaidOutElement } from './paginate.js';

/** Text as the guard compares it: whitespace runs as one space, trimmed. */
export function normText(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Marks and records the notes (n<N>) and then the accounted blocks of the flow (b<i>). */
export function accountSource(
  doc: Document,
  root: Element,
  notesSelector: string | null,
): { source: LaidOutElement[]; noteSource: Map<number, Element> } {
  const accounted = 'p, li, tr, h1, h2, h3, h4, h5, h6, caption, figure, aside, img';
  const source: LaidOutElement[] = [];
  const noteSource = new Map<number, Element>();
  const notesLists = notesSelector ? Array.from(doc.querySelectorAll(notesSelector)) : [];
  for (const notesList of notesLists) {
    for (const li of Array.from(notesList.children)) {
      const n = Number(li.getAttribute('data-note'));
      li.setAttribute('data-kd', `n${n}`);
      source.push({ id: `n${n}`, tag: 'note', text: normText(li.textContent ?? '') });
      noteSource.set(n, li);
    }
    // Notes print at the page feet, so their end-of-report section leaves the flow.
    (notesList.closest('section') ?? notesList).remove();
  }
  let nextId = 0;
  for (const el of Array.from(root.querySelectorAll(accounted))) {
    if (el.closest('[data-kd]') && el.closest('[data-kd]') !== el) continue; // inside an accounted element
    const id = `b${nextId++}`;
    el.setAttribute('data-kd', id);
    source.push({ id, tag: el.tagName.toLowerCase(), text: normText(el.textContent ?? '') });
  }
  return { source, noteSource };
}
