/**
 * Placing notes, inside the page: each page box's foot holds the notes its body cites, in
 * the order cited. Part of the layout script (script.ts): self-contained, see measure.ts.
 */

/** One printed page: its body (the flow's blocks) and its foot (the notes they cite). */
export interface PageBox {
  el: HTMLElement;
  body: HTMLElement;
  notes: HTMLElement;
  /** The note numbers now at the foot, so an unchanged page is not redrawn. */
  notesKey: string;
  /** Blocks placed on this page other than headings carried over from the page before. */
  placed: number;
}

/** The note numbers a part of the page cites, in order (a[data-note] references). */
export function citedNotes(container: Element): number[] {
  return Array.from(container.querySelectorAll('a[data-note]')).map((a) =>
    Number(a.getAttribute('data-note')),
  );
}

/** Puts at the page's foot a copy of each note its body cites, when they changed. */
export function syncNotes(doc: Document, page: PageBox, noteSource: Map<number, Element>): void {
  const refs = citedNotes(page.body);
  const key = refs.join(',');
  if (key === page.notesKey) return;
  page.notesKey = key;
  page.notes.replaceChildren();
  if (refs.length === 0) return;
  const ol = doc.createElement('ol');
  ol.className = 'kd-note-list';
  for (const n of refs) {
    const note = noteSource.get(n);
    if (note) ol.appendChild(note.cloneNode(true));
  }
  page.notes.appendChild(ol);
}
