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

/** The note numbers now at the page's foot (as last synced), in order. */
export function notesAtFoot(page: PageBox): number[] {
  return page.notesKey === '' ? [] : page.notesKey.split(',').map(Number);
}

/**
 * Puts at the page's foot a copy of each note its body cites, when they changed. Only the
 * notes after the part still cited in the same order are replaced: a page grows block by
 * block, and redrawing its whole foot each time made Chromium lay every note out again.
 */
export function syncNotes(doc: Document, page: PageBox, noteSource: Map<number, Element>): void {
  const refs = citedNotes(page.body);
  const key = refs.join(',');
  if (key === page.notesKey) return;
  const before = notesAtFoot(page);
  page.notesKey = key;
  if (refs.length === 0) {
    page.notes.replaceChildren();
    return;
  }
  let ol = page.notes.firstElementChild;
  if (!ol) {
    ol = doc.createElement('ol');
    ol.className = 'kd-note-list';
    page.notes.appendChild(ol);
  }
  let same = 0;
  while (same < before.length && same < refs.length && before[same] === refs[same]) same++;
  // A cited number without a note has no item: count only those with one.
  const kept = before.slice(0, same).filter((n) => noteSource.has(n)).length;
  while (ol.children.length > kept) ol.lastElementChild?.remove();
  for (const n of refs.slice(same)) {
    const note = noteSource.get(n);
    if (note) ol.appendChild(note.cloneNode(true));
  }
}
