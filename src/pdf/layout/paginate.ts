/**
 * keydata's page layout pass, run inside the page (page.evaluate) before printing.
 *
 * Chromium cannot put footnotes at the foot of the page that cites them, so this pass
 * paginates the document itself: it moves the body's blocks into fixed-height page boxes,
 * one box per printed page, splitting containers (sections, lists, tables) between children,
 * paragraphs and list items between lines, and tables between rows (the header row is
 * repeated). After each move it gathers the notes cited on the page into the page's foot
 * and checks that text and notes still fit. Headings and captions keep with what follows.
 *
 * The function is serialised into the page, so it must be self-contained: no imports,
 * no helpers from outside its body. It returns a report; the guard (guard.ts) checks it.
 */

export interface PaginateOptions {
  /** Selector of the element whose children flow into pages. */
  flowRoot: string;
  /** Selector of the notes list whose items move to the page feet; null: no page-foot notes. */
  notesSource: string | null;
  /** Minimum lines of a paragraph left on a page, and carried to the next. */
  orphans: number;
  widows: number;
}

export interface LaidOutElement {
  id: string;
  tag: string;
  text: string;
}

export interface PaginateReport {
  pageHeightPx: number;
  pages: number;
  /** Every accounted element of the source, in order, with its text before layout. */
  source: LaidOutElement[];
  /** Per laid-out fragment: element id, page index (0-based), its text. */
  fragments: { id: string; page: number; text: string }[];
  /** Note numbers at the foot of each page, and where each note is cited. */
  notesOnPage: number[][];
  refsOnPage: number[][];
  /** Blocks taller than an empty page; `notes` are those the block cites, when they are the cause. */
  oversize: { id: string; page: number; notes: number[] }[];
  ms: number;
}

export function paginateInPage(opts: PaginateOptions): PaginateReport {
  const started = performance.now();
  const doc = document;

  // ---------------------------------------------------------------- page geometry
  const px = (length: string): number => {
    const probe = doc.createElement('div');
    probe.style.cssText = `position:absolute;visibility:hidden;height:${length}`;
    doc.body.appendChild(probe);
    const h = probe.getBoundingClientRect().height;
    probe.remove();
    return h;
  };
  let pageRule: CSSPageRule | undefined;
  for (const sheet of Array.from(doc.styleSheets)) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (rule instanceof CSSPageRule && rule.selectorText === '') pageRule ??= rule;
    }
  }
  if (!pageRule)
    throw new Error('layout: the stylesheet has no @page rule to read the page size from');
  const size = pageRule.style
    .getPropertyValue('size')
    .trim()
    .toLowerCase()
    .replace(/\s*portrait$/, '');
  const sizes: Record<string, [string, string]> = {
    a4: ['210mm', '297mm'],
    a5: ['148mm', '210mm'],
    letter: ['8.5in', '11in'],
  };
  const [pageW, pageH] = sizes[size] ?? (size.split(/\s+/) as [string, string]);
  if (!(px(pageH) > 0) || !(px(pageW) > 0))
    throw new Error(`layout: cannot read the page size '${size}' from @page`);
  const margin = (side: string) => pageRule!.style.getPropertyValue(`margin-${side}`) || '0';
  const contentWidth = px(pageW) - px(margin('left')) - px(margin('right'));
  // A box even 1px taller than the page area spills onto a second printed page.
  const pageHeight = Math.floor(px(pageH) - px(margin('top')) - px(margin('bottom'))) - 1;

  // ---------------------------------------------------------------- source and ids
  const root = doc.querySelector(opts.flowRoot);
  if (!root) throw new Error(`layout: no ${opts.flowRoot} element`);
  const ACCOUNTED = 'p, li, tr, h1, h2, h3, h4, h5, h6, caption, figure, aside, img';
  const source: LaidOutElement[] = [];
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  let nextId = 0;
  const noteSource = new Map<number, Element>();
  const notesLists = opts.notesSource ? Array.from(doc.querySelectorAll(opts.notesSource)) : [];
  for (const notesList of notesLists) {
    for (const li of Array.from(notesList.children)) {
      const n = Number(li.getAttribute('data-note'));
      li.setAttribute('data-kd', `n${n}`);
      source.push({ id: `n${n}`, tag: 'note', text: norm(li.textContent ?? '') });
      noteSource.set(n, li);
    }
    // Notes print at the page feet, so their end-of-report section leaves the flow.
    (notesList.closest('section') ?? notesList).remove();
  }
  for (const el of Array.from(root.querySelectorAll(ACCOUNTED))) {
    if (el.closest('[data-kd]') && el.closest('[data-kd]') !== el) continue; // inside an accounted element
    const id = `b${nextId++}`;
    el.setAttribute('data-kd', id);
    source.push({ id, tag: el.tagName.toLowerCase(), text: norm(el.textContent ?? '') });
  }

  // ---------------------------------------------------------------- pages
  interface Page {
    el: HTMLElement;
    body: HTMLElement;
    notes: HTMLElement;
    notesKey: string;
    /** Blocks placed on this page other than headings carried over from the page before. */
    placed: number;
  }
  const pagesHost = doc.createElement('div');
  pagesHost.className = 'kd-pages';
  const pages: Page[] = [];
  const oversize: PaginateReport['oversize'] = [];

  const newPageBox = (): Page => {
    const el = doc.createElement('div');
    el.className = 'kd-page';
    el.style.height = `${pageHeight}px`;
    el.style.width = `${contentWidth}px`;
    const body = doc.createElement('div');
    body.className = 'kd-page-body';
    const notes = doc.createElement('div');
    notes.className = 'kd-page-notes';
    el.append(body, notes);
    pagesHost.appendChild(el);
    const page: Page = { el, body, notes, notesKey: '', placed: 0 };
    pages.push(page);
    return page;
  };

  // The chain of containers open on the current page: each level's source element and its
  // shell (a shallow clone) on this page. Level 0 is the page body itself.
  interface Level {
    source: Element;
    shell: Element;
  }
  let page = newPageBox();
  const stack: Level[] = [{ source: root, shell: page.body }];
  const top = (): Level => stack[stack.length - 1] as Level;

  const syncNotes = (p: Page): void => {
    const refs = Array.from(p.body.querySelectorAll('a[data-note]')).map((a) =>
      Number(a.getAttribute('data-note')),
    );
    const key = refs.join(',');
    if (key === p.notesKey) return;
    p.notesKey = key;
    p.notes.replaceChildren();
    if (refs.length === 0) return;
    const ol = doc.createElement('ol');
    ol.className = 'kd-note-list';
    for (const n of refs) {
      const note = noteSource.get(n);
      if (note) ol.appendChild(note.cloneNode(true));
    }
    p.notes.appendChild(ol);
  };
  const fits = (): boolean => {
    syncNotes(page);
    const used =
      page.body.getBoundingClientRect().height + page.notes.getBoundingClientRect().height;
    return used <= pageHeight;
  };

  const computed = (el: Element) => getComputedStyle(el);
  // A table's first row stays with its head: no page ends on a caption and header alone.
  const keepsWithNext = (el: Element): boolean =>
    /^H[1-6]$/.test(el.tagName) ||
    el.tagName === 'CAPTION' ||
    el.tagName === 'THEAD' ||
    (el.tagName === 'TR' &&
      el.parentElement?.firstElementChild === el &&
      !el.parentElement.classList.contains('kd-continued')) ||
    computed(el).breakAfter === 'avoid';
  const isText = (el: Element): boolean =>
    (el.tagName === 'P' || el.tagName === 'LI') &&
    !el.querySelector('p, ul, ol, table, div, figure');
  const isContainer = (el: Element): boolean =>
    [
      'SECTION',
      'MAIN',
      'DIV',
      'UL',
      'OL',
      'TABLE',
      'TBODY',
      'HEADER',
      'FOOTER',
      'ARTICLE',
    ].includes(el.tagName) &&
    computed(el).breakInside !== 'avoid' &&
    el.children.length > 0;

  const shellOf = (el: Element, continued: boolean): Element => {
    const shell = el.cloneNode(false) as Element;
    shell.setAttribute('data-kd-shell', '');
    if (continued) {
      shell.removeAttribute('id');
      shell.classList.add('kd-continued');
      if (el.tagName === 'TABLE') {
        const thead = tableHeads.get(el);
        if (thead) {
          const repeat = thead.cloneNode(true) as Element;
          repeat.setAttribute('data-kd-repeat', '');
          for (const e of Array.from(repeat.querySelectorAll('[data-kd]')))
            e.setAttribute('data-kd-repeat', '');
          shell.appendChild(repeat);
        }
        const colgroup = frozenColumns.get(el);
        if (colgroup) shell.prepend(colgroup.cloneNode(true));
      }
    }
    return shell;
  };

  const isFiller = (el: Element) => el.hasAttribute('data-kd-repeat') || el.tagName === 'COLGROUP';
  /** The blocks placed on a page, in order, looking through container shells. */
  const leafBlocks = (container: Element): Element[] =>
    Array.from(container.children).flatMap((c) =>
      c.hasAttribute('data-kd-shell') ? leafBlocks(c) : isFiller(c) ? [] : [c],
    );
  const isEmptyShell = (shell: Element): boolean => leafBlocks(shell).length === 0;

  /** Headings, captions and table heads at the end of the page move on with what follows them. */
  const takeTrailingKeeps = (): { level: number; el: Element }[] => {
    const taken: { level: number; el: Element }[] = [];
    const leaves = leafBlocks(page.body);
    while (leaves.length > 1) {
      const last = leaves[leaves.length - 1] as Element;
      const level = stack.findIndex((l) => l.shell === last.parentElement);
      if (!keepsWithNext(last) || level < 0) break;
      taken.unshift({ level, el: last });
      last.remove();
      leaves.pop();
    }
    return taken;
  };

  const breakPage = (carryKeeps: boolean): void => {
    const keeps = carryKeeps ? takeTrailingKeeps() : [];
    // Shells left holding nothing (a section whose heading moved on) leave the old page.
    const emptied = new Set<number>();
    for (let depth = stack.length - 1; depth >= 1; depth--) {
      const shell = (stack[depth] as Level).shell;
      if (isEmptyShell(shell)) {
        shell.remove();
        emptied.add(depth);
      } else break;
    }
    syncNotes(page);
    page = newPageBox();
    (stack[0] as Level).shell = page.body;
    for (let depth = 1; depth < stack.length; depth++) {
      const level = stack[depth] as Level;
      level.shell = shellOf(level.source, !emptied.has(depth));
      (stack[depth - 1] as Level).shell.appendChild(level.shell);
    }
    // A carried heading goes before the continuation shells opened inside its container.
    for (const k of keeps) {
      const shell = (stack[k.level] as Level).shell;
      const inner = stack[k.level + 1]?.shell;
      if (inner && inner.parentElement === shell) shell.insertBefore(k.el, inner);
      else shell.appendChild(k.el);
    }
  };

  /** Where each line of a text block starts, as (text node, offset); the first line excluded. */
  const lineStarts = (el: Element): { node: Text; offset: number }[] => {
    const starts: { node: Text; offset: number }[] = [];
    const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = doc.createRange();
    let lineBottom = -Infinity;
    let first = true;
    for (
      let node = walker.nextNode() as Text | null;
      node;
      node = walker.nextNode() as Text | null
    ) {
      const text = node.data;
      const words = /\S+/g;
      for (let m = words.exec(text); m; m = words.exec(text)) {
        range.setStart(node, m.index);
        range.setEnd(node, m.index + 1);
        const rect = range.getBoundingClientRect();
        if (rect.height === 0) continue;
        if (first) {
          first = false;
          lineBottom = rect.bottom;
        } else if (rect.top >= lineBottom - 1) {
          starts.push({ node, offset: m.index });
          lineBottom = rect.bottom;
        } else {
          lineBottom = Math.max(lineBottom, rect.bottom);
        }
      }
    }
    return starts;
  };

  /** Splits a paragraph or list item between lines; true when part of it stays on this page. */
  const splitText = (el: Element): boolean => {
    const starts = lineStarts(el);
    const lines = starts.length + 1;
    const fresh = page.placed === 0;
    const minFirst = fresh ? 1 : opts.orphans;
    const maxFirst = fresh ? lines - 1 : lines - opts.widows;
    for (let keep = maxFirst; keep >= minFirst; keep--) {
      const at = starts[keep - 1];
      if (!at) continue;
      const range = doc.createRange();
      range.setStart(at.node, at.offset);
      range.setEndAfter(el.lastChild as Node);
      const tail = range.extractContents();
      if (fits()) {
        const rest = el.cloneNode(false) as Element;
        el.classList.add('kd-split');
        rest.removeAttribute('id');
        rest.classList.add('kd-continued');
        rest.appendChild(tail);
        page.placed++;
        breakPage(false);
        place(rest);
        return true;
      }
      el.appendChild(tail);
      el.normalize();
    }
    return false;
  };

  const place = (node: Node): void => {
    if (!(node instanceof Element)) {
      top().shell.appendChild(node);
      return;
    }
    let parent = top().shell;
    parent.appendChild(node);
    // `break-before: page` (a volume's countries) starts a new page unless this one is empty.
    if (computed(node).breakBefore === 'page' && leafBlocks(page.body).some((l) => l !== node)) {
      node.remove();
      breakPage(false);
      parent = top().shell;
      parent.appendChild(node);
    }
    if (fits()) {
      if (!keepsWithNext(node)) page.placed++;
      return;
    }
    if (isContainer(node)) {
      node.remove();
      if (node.tagName === 'TABLE') {
        freezeColumns(node, parent);
        const thead = node.querySelector(':scope > thead');
        if (thead) tableHeads.set(node, thead.cloneNode(true) as Element);
      }
      const shell = shellOf(node, false);
      parent.appendChild(shell);
      stack.push({ source: node, shell });
      for (const child of Array.from(node.childNodes)) place(child);
      stack.pop();
      return;
    }
    if (isText(node) && splitText(node)) return;
    node.remove();
    if (page.placed > 0) {
      breakPage(true);
      place(node);
      return;
    }
    if (leafBlocks(page.body).length > 0) {
      // Only headings carried over stand here: leave them and give the block an empty page.
      breakPage(false);
      place(node);
      return;
    }
    // Taller than an empty page: place it and let the guard report it.
    top().shell.appendChild(node);
    page.placed++;
    syncNotes(page);
    // Blame the notes when they take more room than the text that cites them.
    const notesTaller =
      page.notes.getBoundingClientRect().height > node.getBoundingClientRect().height;
    const cited = Array.from(node.querySelectorAll('a[data-note]')).map((a) =>
      Number(a.getAttribute('data-note')),
    );
    oversize.push({
      id: node.getAttribute('data-kd') ?? node.tagName.toLowerCase(),
      page: pages.length - 1,
      notes: notesTaller ? cited : [],
    });
  };

  const frozenColumns = new WeakMap<Element, Element>();
  /** Each split table's header row, cloned before it moves, for every continuation. */
  const tableHeads = new WeakMap<Element, Element>();
  /** Fixes column widths as laid out whole, so every fragment of a split table lines up. */
  const freezeColumns = (table: Element, parent: Element): void => {
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
    frozenColumns.set(table, colgroup.cloneNode(true) as Element);
    (table as HTMLElement).style.tableLayout = 'fixed';
    (table as HTMLElement).style.width = `${total}px`;
  };

  // ---------------------------------------------------------------- flow
  root.parentNode?.insertBefore(pagesHost, root);
  const children = Array.from(root.childNodes);
  root.remove();
  for (const child of children) place(child);
  syncNotes(page);

  // ---------------------------------------------------------------- report
  const fragments: { id: string; page: number; text: string }[] = [];
  const notesOnPage: number[][] = [];
  const refsOnPage: number[][] = [];
  pages.forEach((p, i) => {
    for (const el of Array.from(p.el.querySelectorAll('[data-kd]'))) {
      if (el.hasAttribute('data-kd-repeat')) continue;
      fragments.push({
        id: el.getAttribute('data-kd') as string,
        page: i,
        text: norm(el.textContent ?? ''),
      });
    }
    notesOnPage.push(
      Array.from(p.notes.querySelectorAll('li[data-note]')).map((li) =>
        Number(li.getAttribute('data-note')),
      ),
    );
    refsOnPage.push(
      Array.from(p.body.querySelectorAll('a[data-note]')).map((a) =>
        Number(a.getAttribute('data-note')),
      ),
    );
    const overflowing =
      p.body.getBoundingClientRect().height + p.notes.getBoundingClientRect().height >
      pageHeight + 0.5;
    if (overflowing && !oversize.some((o) => o.page === i)) {
      const last = p.body.querySelector('[data-kd]:last-of-type');
      oversize.push({ id: last?.getAttribute('data-kd') ?? 'page', page: i, notes: [] });
    }
  });
  return {
    pageHeightPx: pageHeight,
    pages: pages.length,
    source,
    fragments,
    notesOnPage,
    refsOnPage,
    oversize,
    ms: performance.now() - started,
  };
}
