/**
 * Splitting tables and other containers, inside the page: a container split across pages
 * continues on the next page in a shell (a shallow clone marked kd-continued); a table's
 * shell repeats its header row, and every fragment keeps the columns it had laid out whole.
 * Part of the layout script (script.ts): self-contained, see measure.ts.
 */

/** What a split table left behind for its continuations: its header row and columns. */
export interface TableMemory {
  heads: WeakMap<Element, Element>;
  columns: WeakMap<Element, Element>;
}

/** Fixes column widths as laid out whole, so every fragment of a split table lines up. */
export function freezeColumns(
  doc: Document,
  table: Element,
  parent: Element,
  memory: TableMemory,
): void {
  const probe = table.cloneNode(true) as HTMLElement;
  parent.appendChild(probe);
  const headRow = probe.querySelector('thead tr:last-child') ?? probe.querySelector('tr');
  const widths = headRow
    ? Array.from(headRow.children).map((c) => c.getBoundingClientRect().width)
    : [];
  const total = probe.getBoundingClientRect().width;
  probe.remove();
  if (widths.length === 0) return;
  const colgroup = doc.createElement('colgroup');
  for (const w of widths) {
    const col = doc.createElement('col');
    col.style.width = `${w}px`;
    colgroup.appendChild(col);
  }
  table.insertBefore(colgroup, table.firstChild);
  memory.columns.set(table, colgroup.cloneNode(true) as Element);
  (table as HTMLElement).style.tableLayout = 'fixed';
  (table as HTMLElement).style.width = `${total}px`;
}

/** Keeps a copy of the table's header row before its rows move, for every continuation. */
export function rememberTableHead(table: Element, memory: TableMemory): void {
  const thead = table.querySelector(':scope > thead');
  if (thead) memory.heads.set(table, thead.cloneNode(true) as Element);
}

/**
 * The shell a container's children go into on a page: a shallow clone. A continuation
 * drops the id (ids are never duplicated), is marked kd-continued (a list item shows no
 * marker, a list's numbering goes on), and for a table repeats the header row and columns.
 */
export function continuationShell(el: Element, continued: boolean, memory: TableMemory): Element {
  const shell = el.cloneNode(false) as Element;
  shell.setAttribute('data-kd-shell', '');
  if (!continued) return shell;
  shell.removeAttribute('id');
  shell.classList.add('kd-continued');
  if (el.tagName === 'TABLE') {
    const thead = memory.heads.get(el);
    if (thead) {
      const repeat = thead.cloneNode(true) as Element;
      repeat.setAttribute('data-kd-repeat', '');
      for (const e of Array.from(repeat.querySelectorAll('[data-kd]')))
        e.setAttribute('data-kd-repeat', '');
      shell.appendChild(repeat);
    }
    const colgroup = memory.columns.get(el);
    if (colgroup) shell.prepend(colgroup.cloneNode(true));
  }
  return shell;
}
