/**
 * Measuring, inside the page: the page box from the stylesheet's @page rule, and where the
 * lines of a text block start. Part of the layout script (script.ts): each function is
 * serialised into the page, so it uses only its arguments, browser globals and other parts.
 */
import type { splitsBetweenChildren as SplitsBetweenChildren } from './paginate.js';

declare const splitsBetweenChildren: typeof SplitsBetweenChildren;

export interface PageGeometry {
  /** Height of a page box: the @page area, floored, less 1px. */
  pageHeight: number;
  contentWidth: number;
}

/** CSS lengths in CSS pixels, as the page resolves them: probes laid out together, read once. */
export function cssPx(doc: Document, lengths: readonly string[]): number[] {
  const probes = lengths.map((length) => {
    const probe = doc.createElement('div');
    probe.style.cssText = `position:absolute;visibility:hidden;height:${length}`;
    doc.body.appendChild(probe);
    return probe;
  });
  const heights = probes.map((p) => p.getBoundingClientRect().height);
  for (const p of probes) p.remove();
  return heights;
}

/** The page box as the stylesheet writes it: CSS lengths, read without laying anything out. */
export interface PageBoxCss {
  size: string;
  width: string;
  height: string;
  top: string;
  bottom: string;
  left: string;
  right: string;
}

/** The first unnamed @page rule's size and margins. */
export function pageBoxCss(doc: Document): PageBoxCss {
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
  const [width, height] = sizes[size] ?? (size.split(/\s+/) as [string, string]);
  const rule = pageRule;
  const margin = (side: string) => rule.style.getPropertyValue(`margin-${side}`) || '0';
  return {
    size,
    width,
    height,
    top: margin('top'),
    bottom: margin('bottom'),
    left: margin('left'),
    right: margin('right'),
  };
}

/** The page area from the first unnamed @page rule: its size less its margins. */
export function pageGeometry(doc: Document, box: PageBoxCss = pageBoxCss(doc)): PageGeometry {
  const [h, w, top, bottom, left, right] = cssPx(doc, [
    box.height,
    box.width,
    box.top,
    box.bottom,
    box.left,
    box.right,
  ]) as [number, number, number, number, number, number];
  if (!(h > 0) || !(w > 0))
    throw new Error(`layout: cannot read the page size '${box.size}' from @page`);
  const contentWidth = w - left - right;
  // A box even 1px taller than the page area spills onto a second printed page.
  const pageHeight = Math.floor(h - top - bottom) - 1;
  return { pageHeight, contentWidth };
}

/** Where a line of a text block starts, and how low the glyphs of the lines before it reach. */
export interface LineStart {
  node: Text;
  offset: number;
  /** The bottom of the line above (its lowest glyph box), in viewport px. */
  above: number;
}

/**
 * Where each line of a text block starts, as (text node, offset), the first line excluded.
 * Glyph boxes, not line boxes: a word whose top is below the line so far starts a new line.
 *
 * Each word's box is a layout query (~2-5 us), and a paragraph has hundreds of words. The
 * words of one text node on one line share their box's top, and tops only grow from line to
 * line, so the first word of the next line is searched for: first where the last line's
 * count of words puts it, then by galloping and halving. A line then costs a few queries.
 */
export function lineStarts(doc: Document, el: Element): LineStart[] {
  const starts: LineStart[] = [];
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  let lineBottom = -Infinity;
  let first = true;
  let perLine = 8;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const text = node;
    const words = Array.from(text.data.matchAll(/\S+/g), (m) => m.index);
    const box = (i: number) => {
      range.setStart(text, words[i] as number);
      range.setEnd(text, (words[i] as number) + 1);
      return range.getBoundingClientRect();
    };
    // Whether word `i` starts a line below the current one; false from `from` on, then true.
    const below = (i: number) => {
      const r = box(i);
      return r.height !== 0 && r.top >= lineBottom - 1;
    };
    let i = 0;
    while (i < words.length) {
      const rect = box(i);
      if (rect.height === 0) {
        i++;
        continue;
      }
      if (first) {
        first = false;
        lineBottom = rect.bottom;
      } else if (rect.top >= lineBottom - 1) {
        starts.push({ node: text, offset: words[i] as number, above: lineBottom });
        lineBottom = rect.bottom;
      } else {
        lineBottom = Math.max(lineBottom, rect.bottom);
      }
      const next = firstBelow(below, i + 1, words.length, i + perLine);
      if (next < words.length) perLine = Math.max(1, next - i);
      i = next;
    }
  }
  return starts;
}

/**
 * The first index in [from, to) where `pred` holds, `pred` being false and then true over it
 * (to when it never holds): `guess` is tried first, then galloping from it, then halving.
 */
export function firstBelow(
  pred: (i: number) => boolean,
  from: number,
  to: number,
  guess: number,
): number {
  let lo = from;
  let hi = to;
  const at = Math.min(Math.max(guess, from), to - 1);
  if (at < from) return to;
  if (pred(at)) {
    hi = at;
    if (at - 1 < lo || !pred(at - 1)) return at;
    hi = at - 1;
  } else {
    lo = at + 1;
    for (let step = 1; lo + step < hi; step *= 2) {
      if (pred(lo + step)) {
        hi = lo + step;
        break;
      }
      lo = lo + step + 1;
    }
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A block's margin box where it stood in the flow, laid out whole in the first page, CSS px. */
export interface SourceBox {
  top: number;
  bottom: number;
  /** The border box's height: the least a page grows by when the block is added to it. */
  height: number;
  /** `break-before: page`, read here: a block waiting outside the document has no computed style. */
  pageBreakBefore: boolean;
  /**
   * `break-inside: avoid`. Read here too: asking a block just added to a page made Chromium
   * restyle it on its own, and a container too tall for the page is taken apart right after.
   */
  avoidsBreakInside: boolean;
}

/** What the pass knows of the flow before moving it: the input of its predictions. */
export interface SourceMeasure {
  /** Every block place() may be given, by element; clones made later are not in it. */
  blocks: WeakMap<Element, SourceBox>;
  /** Each note as printed at a page's foot. */
  notes: Map<number, NoteBox>;
  /** What a page's foot adds around its first note (rule, padding, list margins), and 2px. */
  footExtra: number;
  /** The same without the 2px: the least the first note's foot adds. */
  footLeast: number;
}

/** A note's height at a page's foot: with its margin (as a list adds it) and the least. */
export interface NoteBox {
  height: number;
  /** Its border box: the least the foot grows by when the note joins it. */
  least: number;
}

/**
 * The notes styled as a page's foot prints them, at the page's width, out of sight: added
 * before anything is read, so the one layout that measures the flow measures them too.
 */
export function notesProbe(
  doc: Document,
  noteSource: Map<number, Element>,
  /** The page area's width, as a CSS length. */
  width: string,
): HTMLElement {
  const probe = doc.createElement('div');
  probe.className = 'kd-page-notes';
  probe.style.cssText = `position:absolute;visibility:hidden;left:0;top:0;width:${width}`;
  const list = doc.createElement('ol');
  list.className = 'kd-note-list';
  for (const note of noteSource.values()) list.appendChild(note.cloneNode(true));
  probe.appendChild(list);
  doc.body.appendChild(probe);
  return probe;
}

/**
 * Measures the flow's blocks (laid out whole in the first page, as they stand) and the notes
 * (in their probe, which it removes), before any moves. The pass uses these to predict which run of
 * blocks fits the room left on a page, and then measures the page once for the whole run
 * instead of once per block (each forced layout of a page costs ~1 ms). A wrong prediction
 * costs one more measurement, never a different layout.
 */
export function measureSource(root: Element, probe: HTMLElement): SourceMeasure {
  const list = probe.firstElementChild as Element;
  const blocks = new WeakMap<Element, SourceBox>();
  const visit = (container: Element) => {
    for (const el of Array.from(container.children)) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      blocks.set(el, {
        top: r.top - (Number.parseFloat(style.marginTop) || 0),
        bottom: r.bottom + (Number.parseFloat(style.marginBottom) || 0),
        height: r.height,
        pageBreakBefore: style.breakBefore === 'page',
        avoidsBreakInside: style.breakInside === 'avoid',
      });
      if (splitsBetweenChildren(el)) visit(el);
    }
  };
  visit(root);
  const notes = new Map<number, NoteBox>();
  const items = Array.from(list.children);
  items.forEach((li, i) => {
    const r = li.getBoundingClientRect();
    const next = items[i + 1]?.getBoundingClientRect().top;
    const margin = Number.parseFloat(getComputedStyle(li).marginBottom) || 0;
    notes.set(Number(li.getAttribute('data-note')), {
      height: Math.max(next ?? 0, r.bottom + margin) - r.top,
      least: r.height,
    });
  });
  const listBox = list.getBoundingClientRect();
  const footLeast = probe.getBoundingClientRect().height - listBox.height;
  probe.remove();
  return { blocks, notes, footExtra: footLeast + 2, footLeast };
}
