/**
 * keydata's page layout pass, run inside the page before printing.
 *
 * Chromium cannot put footnotes at the foot of the page that cites them, so this pass
 * paginates the document itself: it moves the body's blocks into fixed-height page boxes,
 * one box per printed page, splitting containers (sections, lists, tables) between children,
 * paragraphs and list items between lines, and tables between rows (the header row is
 * repeated). After each move it gathers the notes cited on the page into the page's foot
 * and checks that text and notes still fit. Headings and captions keep with what follows.
 *
 * The parts (this file: the flow; measure, source, notes, tables and keep.ts) are joined
 * into one script by script.ts and run in the page, so each is self-contained: it uses its
 * arguments, browser globals and the other parts by name, never a value imported in node.
 * The pass returns a report; the guard (guard.ts) checks it.
 */
import type { lineStarts as LineStarts, pageGeometry as PageGeometryOf } from './measure.js';
import type { citedNotes as CitedNotes, PageBox, syncNotes as SyncNotes } from './notes.js';
import type { accountSource as AccountSource, normText as NormText } from './source.js';
import type {
  continuationShell as ContinuationShell,
  freezeColumns as FreezeColumns,
  rememberTableHead as RememberTableHead,
  TableMemory,
} from './tables.js';
import type {
  keepsWithNext as KeepsWithNext,
  leafBlocks as LeafBlocks,
  trailingKeeps as TrailingKeeps,
} from './keep.js';

// The other parts, as the page's script defines them (script.ts); in node they do not exist.
declare const pageGeometry: typeof PageGeometryOf;
declare const lineStarts: typeof LineStarts;
declare const accountSource: typeof AccountSource;
declare const normText: typeof NormText;
declare const citedNotes: typeof CitedNotes;
declare const syncNotes: typeof SyncNotes;
declare const freezeColumns: typeof FreezeColumns;
declare const rememberTableHead: typeof RememberTableHead;
declare const continuationShell: typeof ContinuationShell;
declare const keepsWithNext: typeof KeepsWithNext;
declare const leafBlocks: typeof LeafBlocks;
declare const trailingKeeps: typeof TrailingKeeps;

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

/** One open container on the current page: its source element and its shell on this page. */
export interface Level {
  source: Element;
  shell: Element;
}

/** The pass's state while it flows the blocks into pages. */
export interface Layout {
  doc: Document;
  opts: PaginateOptions;
  pageHeight: number;
  contentWidth: number;
  host: HTMLElement;
  pages: PageBox[];
  page: PageBox;
  /** The chain of containers open on the current page; level 0 is the page body itself. */
  stack: Level[];
  noteSource: Map<number, Element>;
  tables: TableMemory;
  oversize: PaginateReport['oversize'];
}

/** The whole pass: measure, account for the source, flow every block into pages, report. */
export function paginate(opts: PaginateOptions): PaginateReport {
  const started = performance.now();
  const doc = document;
  const { pageHeight, contentWidth } = pageGeometry(doc);
  const root = doc.querySelector(opts.flowRoot);
  if (!root) throw new Error(`layout: no ${opts.flowRoot} element`);
  const { source, noteSource } = accountSource(doc, root, opts.notesSource);
  const host = doc.createElement('div');
  host.className = 'kd-pages';
  const L = {
    doc,
    opts,
    pageHeight,
    contentWidth,
    host,
    pages: [],
    stack: [],
    noteSource,
    tables: { heads: new WeakMap(), columns: new WeakMap() },
    oversize: [],
  } as unknown as Layout;
  L.page = newPageBox(L);
  L.stack.push({ source: root, shell: L.page.body });
  root.parentNode?.insertBefore(host, root);
  const children = Array.from(root.childNodes);
  root.remove();
  for (const child of children) place(L, child);
  syncNotes(doc, L.page, noteSource);
  return { ...layoutReport(L, source), ms: performance.now() - started };
}

/** A new empty page box at the end of the pages. */
export function newPageBox(L: Layout): PageBox {
  const el = L.doc.createElement('div');
  el.className = 'kd-page';
  el.style.height = `${L.pageHeight}px`;
  el.style.width = `${L.contentWidth}px`;
  const body = L.doc.createElement('div');
  body.className = 'kd-page-body';
  const notes = L.doc.createElement('div');
  notes.className = 'kd-page-notes';
  el.append(body, notes);
  L.host.appendChild(el);
  const page: PageBox = { el, body, notes, notesKey: '', placed: 0 };
  L.pages.push(page);
  return page;
}

/** Whether the current page's body and the notes it cites fit its height. */
export function fits(L: Layout): boolean {
  syncNotes(L.doc, L.page, L.noteSource);
  const used =
    L.page.body.getBoundingClientRect().height + L.page.notes.getBoundingClientRect().height;
  return used <= L.pageHeight;
}

/** The innermost open shell on the current page. */
export function topShell(L: Layout): Element {
  return (L.stack[L.stack.length - 1] as Level).shell;
}

/** A block that splits between lines: a paragraph or list item holding only inline content. */
export function isText(el: Element): boolean {
  return (
    (el.tagName === 'P' || el.tagName === 'LI') &&
    !el.querySelector('p, ul, ol, table, div, figure')
  );
}

/** A block that splits between its children (a section, list, table), unless it asks not to. */
export function isContainer(el: Element): boolean {
  return (
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
    getComputedStyle(el).breakInside !== 'avoid' &&
    el.children.length > 0
  );
}

/**
 * Ends the current page and opens the next, reopening every open container there as a
 * continuation; with `carryKeeps`, headings at the old page's end move on with what follows.
 */
export function breakPage(L: Layout, carryKeeps: boolean): void {
  const { stack } = L;
  const keeps = carryKeeps
    ? trailingKeeps(
        L.page.body,
        stack.map((l) => l.shell),
      )
    : [];
  // Shells left holding nothing (a section whose heading moved on) leave the old page.
  const emptied = new Set<number>();
  for (let depth = stack.length - 1; depth >= 1; depth--) {
    const shell = (stack[depth] as Level).shell;
    if (leafBlocks(shell).length === 0) {
      shell.remove();
      emptied.add(depth);
    } else break;
  }
  syncNotes(L.doc, L.page, L.noteSource);
  L.page = newPageBox(L);
  (stack[0] as Level).shell = L.page.body;
  for (let depth = 1; depth < stack.length; depth++) {
    const level = stack[depth] as Level;
    level.shell = continuationShell(level.source, !emptied.has(depth), L.tables);
    (stack[depth - 1] as Level).shell.appendChild(level.shell);
  }
  // A carried heading goes before the continuation shells opened inside its container.
  for (const k of keeps) {
    const shell = (stack[k.level] as Level).shell;
    const inner = stack[k.level + 1]?.shell;
    if (inner && inner.parentElement === shell) shell.insertBefore(k.el, inner);
    else shell.appendChild(k.el);
  }
}

/**
 * Splits a paragraph or list item between lines, keeping at least `orphans` lines here and
 * `widows` for the next page (any split on a page holding nothing else); the rest goes on
 * as a continuation. True when part of it stays on this page.
 */
export function splitParagraph(L: Layout, el: Element): boolean {
  const starts = lineStarts(L.doc, el);
  const lines = starts.length + 1;
  const fresh = L.page.placed === 0;
  const minFirst = fresh ? 1 : L.opts.orphans;
  const maxFirst = fresh ? lines - 1 : lines - L.opts.widows;
  for (let keep = maxFirst; keep >= minFirst; keep--) {
    const at = starts[keep - 1];
    if (!at) continue;
    const range = L.doc.createRange();
    range.setStart(at.node, at.offset);
    range.setEndAfter(el.lastChild as Node);
    const tail = range.extractContents();
    if (fits(L)) {
      const rest = el.cloneNode(false) as Element;
      el.classList.add('kd-split');
      rest.removeAttribute('id');
      rest.classList.add('kd-continued');
      rest.appendChild(tail);
      L.page.placed++;
      breakPage(L, false);
      place(L, rest);
      return true;
    }
    el.appendChild(tail);
    el.normalize();
  }
  return false;
}

/** Flows a container's children one by one into a shell of it, splitting it across pages. */
export function splitContainer(L: Layout, node: Element, parent: Element): void {
  node.remove();
  if (node.tagName === 'TABLE') {
    freezeColumns(L.doc, node, parent, L.tables);
    rememberTableHead(node, L.tables);
  }
  const shell = continuationShell(node, false, L.tables);
  parent.appendChild(shell);
  L.stack.push({ source: node, shell });
  for (const child of Array.from(node.childNodes)) place(L, child);
  L.stack.pop();
}

/** Places one node of the flow on the current page, splitting or breaking the page as needed. */
export function place(L: Layout, node: Node): void {
  if (!(node instanceof Element)) {
    topShell(L).appendChild(node);
    return;
  }
  let parent = topShell(L);
  parent.appendChild(node);
  // `break-before: page` (a volume's countries) starts a new page unless this one is empty.
  if (
    getComputedStyle(node).breakBefore === 'page' &&
    leafBlocks(L.page.body).some((l) => l !== node)
  ) {
    node.remove();
    breakPage(L, false);
    parent = topShell(L);
    parent.appendChild(node);
  }
  if (fits(L)) {
    if (!keepsWithNext(node)) L.page.placed++;
    return;
  }
  if (isContainer(node)) {
    splitContainer(L, node, parent);
    return;
  }
  if (isText(node) && splitParagraph(L, node)) return;
  node.remove();
  if (L.page.placed > 0) {
    breakPage(L, true);
    place(L, node);
    return;
  }
  if (leafBlocks(L.page.body).length > 0) {
    // Only headings carried over stand here: leave them and give the block an empty page.
    breakPage(L, false);
    place(L, node);
    return;
  }
  placeOversize(L, node);
}

/** A block taller than an empty page: placed anyway, and reported for the guard to refuse. */
export function placeOversize(L: Layout, node: Element): void {
  topShell(L).appendChild(node);
  L.page.placed++;
  syncNotes(L.doc, L.page, L.noteSource);
  // Blame the notes when they take more room than the text that cites them.
  const notesTaller =
    L.page.notes.getBoundingClientRect().height > node.getBoundingClientRect().height;
  L.oversize.push({
    id: node.getAttribute('data-kd') ?? node.tagName.toLowerCase(),
    page: L.pages.length - 1,
    notes: notesTaller ? citedNotes(node) : [],
  });
}

/** What the guard checks: every fragment's page and text, the notes and references per page. */
export function layoutReport(L: Layout, source: LaidOutElement[]): Omit<PaginateReport, 'ms'> {
  const fragments: PaginateReport['fragments'] = [];
  const notesOnPage: number[][] = [];
  const refsOnPage: number[][] = [];
  L.pages.forEach((p, i) => {
    for (const el of Array.from(p.el.querySelectorAll('[data-kd]'))) {
      if (el.hasAttribute('data-kd-repeat')) continue;
      const id = el.getAttribute('data-kd') as string;
      fragments.push({ id, page: i, text: normText(el.textContent ?? '') });
    }
    notesOnPage.push(
      Array.from(p.notes.querySelectorAll('li[data-note]')).map((li) =>
        Number(li.getAttribute('data-note')),
      ),
    );
    refsOnPage.push(citedNotes(p.body));
    const overflowing =
      p.body.getBoundingClientRect().height + p.notes.getBoundingClientRect().height >
      L.pageHeight + 0.5;
    if (overflowing && !L.oversize.some((o) => o.page === i)) {
      const last = p.body.querySelector('[data-kd]:last-of-type');
      L.oversize.push({ id: last?.getAttribute('data-kd') ?? 'page', page: i, notes: [] });
    }
  });
  return {
    pageHeightPx: L.pageHeight,
    pages: L.pages.length,
    source,
    fragments,
    notesOnPage,
    refsOnPage,
    oversize: L.oversize,
  };
}
