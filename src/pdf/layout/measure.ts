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

/** A CSS length in CSS pixels, as the page resolves it. */
export function cssPx(doc: Document, length: string): number {
  const probe = doc.createElement('div');
  probe.style.cssText = `position:absolute;visibility:hidden;height:${length}`;
  doc.body.appendChild(probe);
  const h = probe.getBoundingClientRect().height;
  probe.remove();
  return h;
}

/** The page area from the first unnamed @page rule: its size less its margins. */
export function pageGeometry(doc: Document): PageGeometry {
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
  const px = (length: string) => cssPx(doc, length);
  if (!(px(pageH) > 0) || !(px(pageW) > 0))
    throw new Error(`layout: cannot read the page size '${size}' from @page`);
  const rule = pageRule;
  const margin = (side: string) => rule.style.getPropertyValue(`margin-${side}`) || '0';
  const contentWidth = px(pageW) - px(margin('left')) - px(margin('right'));
  // A box even 1px taller than the page area spills onto a second printed page.
  const pageHeight = Math.floor(px(pageH) - px(margin('top')) - px(margin('bottom'))) - 1;
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
 */
export function lineStarts(doc: Document, el: Element): LineStart[] {
  const starts: LineStart[] = [];
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  let lineBottom = -Infinity;
  let first = true;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
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
        starts.push({ node, offset: m.index, above: lineBottom });
        lineBottom = rect.bottom;
      } else {
        lineBottom = Math.max(lineBottom, rect.bottom);
      }
    }
  }
  return starts;
}

/** A block's margin box where it sat in the flow laid out whole at the page's width, CSS px. */
export interface SourceBox {
  top: number;
  bottom: number;
  /** The border box's height: the least a page grows by when the block is added to it. */
  height: number;
  /** `break-before: page`, read here: a block waiting outside the document has no computed style. */
  pageBreakBefore: boolean;
}

/** What the pass knows of the flow before moving it: the input of its predictions. */
export interface SourceMeasure {
  /** Every block place() may be given, by element; clones made later are not in it. */
  blocks: WeakMap<Element, SourceBox>;
  /** Each note's height as printed at a page's foot, margin included. */
  notes: Map<number, number>;
  /** What a page's foot adds around its first note (rule, padding, list margins). */
  footExtra: number;
}

/**
 * Measures the flow's blocks and the notes in one layout, before any moves: blocks at the
 * page's width as they stand, notes in a probe styled as a page's foot. The pass uses these to
 * predict which run of blocks fits the room left on a page, and then measures the page once
 * for the whole run instead of once per block (each forced layout of a page costs ~1 ms).
 * A wrong prediction costs one more measurement, never a different layout.
 */
export function measureSource(
  doc: Document,
  root: Element,
  noteSource: Map<number, Element>,
  contentWidth: number,
): SourceMeasure {
  const probe = doc.createElement('div');
  probe.className = 'kd-page-notes';
  probe.style.cssText = `position:absolute;visibility:hidden;left:0;top:0;width:${contentWidth}px`;
  const list = doc.createElement('ol');
  list.className = 'kd-note-list';
  for (const note of noteSource.values()) list.appendChild(note.cloneNode(true));
  probe.appendChild(list);
  doc.body.appendChild(probe);
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
      });
      if (splitsBetweenChildren(el)) visit(el);
    }
  };
  visit(root);
  const notes = new Map<number, number>();
  const items = Array.from(list.children);
  items.forEach((li, i) => {
    const r = li.getBoundingClientRect();
    const next = items[i + 1]?.getBoundingClientRect().top;
    const margin = Number.parseFloat(getComputedStyle(li).marginBottom) || 0;
    notes.set(Number(li.getAttribute('data-note')), Math.max(next ?? 0, r.bottom + margin) - r.top);
  });
  const listBox = list.getBoundingClientRect();
  const footExtra = probe.getBoundingClientRect().height - listBox.height + 2;
  probe.remove();
  return { blocks, notes, footExtra };
}
