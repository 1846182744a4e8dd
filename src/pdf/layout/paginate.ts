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
import type {
  lineStarts as LineStarts,
  measureSource as MeasureSource,
  notesProbe as NotesProbe,
  pageBoxCss as PageBoxCssOf,
  pageGeometry as PageGeometryOf,
  SourceBox,
  SourceMeasure,
} from './measure.js';
import type { squeezeOverwideTables as SqueezeOverwideTables } from './squeeze.js';
import type {
  citedNotes as CitedNotes,
  notesAtFoot as NotesAtFoot,
  PageBox,
  syncNotes as SyncNotes,
} from './notes.js';
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
declare const pageBoxCss: typeof PageBoxCssOf;
declare const lineStarts: typeof LineStarts;
declare const measureSource: typeof MeasureSource;
declare const notesProbe: typeof NotesProbe;
declare const squeezeOverwideTables: typeof SqueezeOverwideTables;
declare const accountSource: typeof AccountSource;
declare const normText: typeof NormText;
declare const citedNotes: typeof CitedNotes;
declare const syncNotes: typeof SyncNotes;
declare const notesAtFoot: typeof NotesAtFoot;
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
  /**
   * Place runs of blocks predicted to fit with one measurement (the default). False measures
   * the page after every block: the reference the predictions must reproduce (tests compare).
   */
  predictRuns?: boolean;
  /**
   * The id of a style element that hides the flow until the pass shows it (print.ts adds
   * one): loading then neither styles nor lays out at the window's width a flow the pass
   * moves anyway.
   */
  hiddenBy?: string;
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
  /** How many times the pass had Chromium lay a page out to measure it (its main cost). */
  measurements: number;
  /** Predicted runs that did not fit and were taken back (each costs measurements). */
  runsTakenBack: number;
  ms: number;
}

/**
 * What a print keeps of its layout: the guard checks the full report in the page (guard.ts)
 * and only this, with its findings, comes back.
 */
export interface LayoutSummary {
  pages: number;
  pageHeightPx: number;
  /** Footnotes in the source. */
  notes: number;
  measurements: number;
  ms: number;
}

export function layoutSummary(report: PaginateReport): LayoutSummary {
  return {
    pages: report.pages,
    pageHeightPx: report.pageHeightPx,
    notes: report.source.filter((s) => s.tag === 'note').length,
    measurements: report.measurements,
    ms: report.ms,
  };
}

/**
 * One open container on the current page: its source element, its shell on this page, and
 * its nodes still to place (`queue` from `next` on; a paragraph's rest is queued there).
 */
export interface Level {
  source: Element;
  shell: Element;
  queue: Node[];
  next: number;
}

/**
 * A run of blocks predicted to fit: from each open level's next node up to `ends[k]` for
 * the level `k` deep from the innermost (0). A run that reaches a container's end goes on
 * with the container's next siblings; every level but the last is then finished.
 */
export interface Run {
  ends: number[];
  blocks: number;
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
  /** The flow as measured in the first page: what runs of blocks are predicted from. */
  measured: SourceMeasure;
  /**
   * Room left on the current page: measured (exact), or at most this much once the page
   * changed only by taking room (shells opened, a block taken back); null when unknown.
   */
  room: number | null;
  roomExact: boolean;
  /** Predicted runs that did not fit the current page: each widens the margin the next leaves. */
  runsMissed: number;
  runsTakenBack: number;
  /**
   * A block to be placed next, at the top of a new page: the rest of a paragraph split at
   * the page's end, or a block moved on whole. The loop placing its siblings places it, so
   * it can open a run with them instead of being measured alone.
   */
  carried: Element | null;
  measurements: number;
}

/** The whole pass: measure, account for the source, flow every block into pages, report. */
export function paginate(opts: PaginateOptions): PaginateReport {
  const started = performance.now();
  const doc = document;
  const box = pageBoxCss(doc);
  const root = doc.querySelector<HTMLElement>(opts.flowRoot);
  if (!root) throw new Error(`layout: no ${opts.flowRoot} element`);
  const { source, noteSource } = accountSource(doc, root, opts.notesSource);
  // Read while the flow is still hidden (print.ts): a layout of the rest only.
  const { pageHeight, contentWidth } = pageGeometry(doc, box);
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
    room: null,
    roomExact: false,
    runsMissed: 0,
    runsTakenBack: 0,
    carried: null,
    measurements: 0,
  } as unknown as Layout;
  root.parentNode?.insertBefore(host, root);
  L.page = newPageBox(L);
  // The flow moves into the first page before it is laid out (hidden, it has no boxes to
  // lose): its one layout there measures every block where pages hold them, and the blocks
  // that stay on the first page are never moved and laid out again (keepFirstRun).
  const children = Array.from(root.childNodes);
  L.page.body.append(...children);
  root.remove();
  if (opts.hiddenBy) doc.getElementById(opts.hiddenBy)?.remove();
  // The notes as a page's foot prints them, measured by the same layout.
  const probe = notesProbe(doc, noteSource, `${contentWidth}px`);
  squeezeOverwideTables(L.page.body);
  L.measured = measureSource(L.page.body, probe);
  // An empty page holds at most its height: the first blocks are placed as a run too.
  Object.assign(L, { room: pageHeight, roomExact: false });
  L.stack.push({ source: root, shell: L.page.body, queue: children, next: 0 });
  keepFirstRun(L);
  placeAll(L);
  syncNotes(doc, L.page, noteSource);
  return {
    ...layoutReport(L, source),
    measurements: L.measurements,
    runsTakenBack: L.runsTakenBack,
    ms: performance.now() - started,
  };
}

/**
 * The flow was laid out in the first page: every block after the run of its first blocks
 * predicted to fit there leaves, to be placed as usual, and the run is placed as it stands
 * (placeRun takes it back too if it does not fit).
 */
export function keepFirstRun(L: Layout): void {
  const level = L.stack[0] as Level;
  const run = fittingRun(L);
  const end = run.blocks > 0 ? (run.ends[0] ?? 0) : 0;
  for (const node of level.queue.slice(end)) (node as ChildNode).remove();
  if (end > 0) placeRun(L, run);
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
  L.room = null;
  L.runsMissed = 0;
  return page;
}

/** Whether the current page's body and the notes it cites fit its height; notes the room left. */
export function fits(L: Layout): boolean {
  syncNotes(L.doc, L.page, L.noteSource);
  L.measurements++;
  const used =
    L.page.body.getBoundingClientRect().height + L.page.notes.getBoundingClientRect().height;
  L.room = used <= L.pageHeight ? L.pageHeight - used : null;
  L.roomExact = true;
  return used <= L.pageHeight;
}

/**
 * Places every open level's nodes in order, innermost first: a container taken apart opens
 * a level (splitContainer), which closes once its nodes are placed. Where the page's room
 * is known, the run of next blocks predicted to fit it (measureSource), across the ends of
 * containers, is placed and measured once; a run that does not fit is taken back and its
 * blocks placed one by one. The pages come out as placing every block alone makes them: a
 * page's height only grows as blocks are added, so a run that fits means each block of it
 * fitted when it came.
 */
export function placeAll(L: Layout): void {
  for (;;) {
    const level = L.stack[L.stack.length - 1] as Level;
    const node = level.queue[level.next];
    if (!node) {
      if (L.stack.length === 1) return;
      L.stack.pop();
      continue;
    }
    if (!(node instanceof Element)) {
      // Text between blocks takes no room: placed as place() would, no prediction needed.
      level.shell.appendChild(node);
      level.next++;
      continue;
    }
    const run = fittingRun(L);
    if (run.blocks > 1 && placeRun(L, run)) continue;
    level.next++;
    place(L, node);
    if (L.carried) level.queue.splice(level.next, 0, L.carried);
    L.carried = null;
  }
}

/**
 * The run of next nodes predicted to fit the current page's known room, from the innermost
 * level's next node on and, past its end, its container's next siblings.
 */
export function fittingRun(L: Layout): Run {
  const run: Run = { ends: [], blocks: 0 };
  if (L.opts.predictRuns === false || L.room === null) return run;
  // Margins collapse and notes wrap a little differently at a page's foot, and where the
  // room is only a bound the shells' padding is not in it: a run predicted to end this close
  // to the foot is cut short. A miss costs a measurement; so does a run cut too short.
  const slackPx = (L.roomExact ? 20 : 32) + 24 * L.runsMissed;
  const onPage = new Set(notesAtFoot(L.page));
  let notesHeight = onPage.size === 0 ? L.measured.footExtra : 0;
  let newNotes = false;
  let top: number | undefined;
  for (let depth = L.stack.length - 1; depth >= 0; depth--) {
    const { queue, next } = L.stack[depth] as Level;
    for (let k = next; k < queue.length; k++) {
      const node = queue[k] as Node;
      if (!(node instanceof Element)) continue;
      const box = L.measured.blocks.get(node);
      if (!box || box.pageBreakBefore) return run;
      top ??= box.top;
      for (const n of citedNotes(node)) {
        if (onPage.has(n)) continue;
        onPage.add(n);
        newNotes = true;
        notesHeight += L.measured.notes.get(n)?.height ?? L.pageHeight;
      }
      const need = box.bottom - top + (newNotes ? notesHeight : 0) + slackPx;
      if (need > L.room) return run;
      run.ends[L.stack.length - 1 - depth] = k + 1;
      run.blocks++;
    }
    // The level's last block fits: the run takes the text after it and leaves the level.
    run.ends[L.stack.length - 1 - depth] = queue.length;
  }
  return run;
}

/**
 * Whether a block just added cannot fit, known without measuring the page: the least it adds
 * exceeds the room left. That is its own height as measured before the moves (margins may
 * collapse; a border box cannot shrink at the same width, but by 16px, as a page's first
 * heading drops its rule and padding) and each note it cites that the page does not hold yet
 * (its own box, and the foot's rule and padding with the page's first note).
 */
export function surelyOverflows(L: Layout, node: Element): boolean {
  const box = L.measured.blocks.get(node);
  if (L.opts.predictRuns === false || L.room === null || box === undefined) return false;
  return box.height + leastNotesAdded(L, citedNotes(node)) > L.room + 16;
}

/** The least the page's foot grows by when the notes `cited` join those it holds. */
export function leastNotesAdded(L: Layout, cited: readonly number[]): number {
  const onPage = new Set(notesAtFoot(L.page));
  let least = 0;
  for (const n of new Set(cited)) {
    if (!onPage.has(n)) least += L.measured.notes.get(n)?.least ?? 0;
  }
  return least > 0 && onPage.size === 0 ? least + L.measured.footLeast : least;
}

/**
 * Places a run on the current page if all of it fits, closing the levels it finishes;
 * otherwise takes it back and reopens them. A node not placed yet is outside the current
 * page (or in the first page's body, for keepFirstRun's run), never in a shell of it.
 */
export function placeRun(L: Layout, run: Run): boolean {
  const { room, roomExact } = L;
  const stack = [...L.stack];
  const nexts = stack.map((l) => l.next);
  const placed: Node[] = [];
  run.ends.forEach((end, k) => {
    if (k > 0) L.stack.pop();
    const level = L.stack[L.stack.length - 1] as Level;
    for (const node of level.queue.slice(level.next, end)) {
      // The first page's run already stands in its shell (keepFirstRun): not moved again.
      if (node.parentNode !== level.shell) level.shell.appendChild(node);
      placed.push(node);
    }
    level.next = end;
  });
  if (!fits(L)) {
    for (const node of placed) (node as ChildNode).remove();
    L.stack = stack;
    stack.forEach((l, k) => {
      l.next = nexts[k] as number;
    });
    L.runsMissed++;
    L.runsTakenBack++;
    Object.assign(L, { room, roomExact });
    return false;
  }
  for (const node of placed) if (node instanceof Element && !keepsWithNext(node)) L.page.placed++;
  return true;
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

/**
 * A block that splits between its children (a section, list, table), unless it asks not to.
 * `measured` is the block as measured before the moves, when it was (see SourceBox).
 */
export function isContainer(el: Element, measured?: SourceBox): boolean {
  if (!splitsBetweenChildren(el) || el.children.length === 0) return false;
  return measured ? !measured.avoidsBreakInside : getComputedStyle(el).breakInside !== 'avoid';
}

/** Elements whose children flow into pages one by one when the whole does not fit. */
export function splitsBetweenChildren(el: Element): boolean {
  return [
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
  ].includes(el.tagName);
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
  // Unmeasured, the new page has at most its height less the carried headings' own.
  const carried = keeps.reduce((h, k) => h + (L.measured.blocks.get(k.el)?.height ?? 0), 0);
  Object.assign(L, { room: L.pageHeight - carried, roomExact: false });
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
  // The room before the paragraph came bounds what it may keep: taller first parts are not
  // tried (each try is a measurement).
  const room = L.room;
  const top = room === null ? 0 : el.getBoundingClientRect().top;
  for (let keep = maxFirst; keep >= minFirst; keep--) {
    const at = starts[keep - 1];
    if (!at || (room !== null && at.above - top > room + 1)) continue;
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
      // No taller than the whole: a bound to predict with, and no least height.
      const whole = L.measured.blocks.get(el);
      if (whole) L.measured.blocks.set(rest, { ...whole, height: 0, pageBreakBefore: false });
      L.carried = rest;
      return true;
    }
    el.appendChild(tail);
    el.normalize();
  }
  return false;
}

/** Opens a shell of a container on the page: its children are placed next, as a level of their own. */
export function splitContainer(L: Layout, node: Element, parent: Element): void {
  node.remove();
  if (node.tagName === 'TABLE') {
    freezeColumns(L.doc, node, parent, L.tables);
    rememberTableHead(node, L.tables);
  }
  const shell = continuationShell(node, false, L.tables);
  parent.appendChild(shell);
  // The shell's own padding and borders are not measured: the room is now at most as before.
  L.roomExact = false;
  L.stack.push({ source: node, shell, queue: Array.from(node.childNodes), next: 0 });
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
  // Read where the flow was measured: asking the moved block for its computed style made
  // Chromium restyle it there and then, on its own (~8% of the pass). Blocks cloned later
  // (a container's continuation) were not measured and are asked.
  const measured = L.measured.blocks.get(node);
  const breaksBefore = measured
    ? measured.pageBreakBefore
    : getComputedStyle(node).breakBefore === 'page';
  if (breaksBefore && leafBlocks(L.page.body).some((l) => l !== node)) {
    node.remove();
    breakPage(L, false);
    parent = topShell(L);
    parent.appendChild(node);
  }
  const roomBefore = L.room;
  if (!surelyOverflows(L, node) && fits(L)) {
    if (!keepsWithNext(node)) L.page.placed++;
    return;
  }
  // The block leaves or splits: the page holds at most what it held before it came.
  const takenBack = () => Object.assign(L, { room: roomBefore, roomExact: false });
  takenBack();
  if (isContainer(node, measured)) {
    splitContainer(L, node, parent);
    return;
  }
  if (isText(node) && splitParagraph(L, node)) return;
  node.remove();
  takenBack();
  // Moved whole to the next page, it is placed there next, by the loop placing its siblings.
  if (L.page.placed > 0) {
    breakPage(L, true);
    L.carried = node;
    return;
  }
  if (leafBlocks(L.page.body).length > 0) {
    // Only headings carried over stand here: leave them and give the block an empty page.
    breakPage(L, false);
    L.carried = node;
    return;
  }
  placeOversize(L, node);
}

/** A block taller than an empty page: placed anyway, and reported for the guard to refuse. */
export function placeOversize(L: Layout, node: Element): void {
  L.room = null;
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
export function layoutReport(
  L: Layout,
  source: LaidOutElement[],
): Omit<PaginateReport, 'ms' | 'measurements' | 'runsTakenBack'> {
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
