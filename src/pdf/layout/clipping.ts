import type { LayoutViolation } from './guard.js';

/**
 * Nothing lost means visible, not only placed: text that runs out of its page box (a word
 * too long for its table column pushing the figures off the page) or out of a box that clips
 * its overflow is cut off in the PDF, though every element is where it belongs. This check
 * runs in the page after the layout pass and names each element whose text is cut off.
 */
export interface ClippedText {
  /** 0-based page. */
  page: number;
  tag: string;
  /** The start of the element's text. */
  text: string;
  /** How far the furthest glyph lies outside the visible box, in CSS px, and beyond which edge. */
  overflowPx: number;
  side: 'left' | 'right' | 'top' | 'bottom';
}

/**
 * In the page (serialised by page.evaluate: self-contained): every text node inside each
 * `.kd-page` must lie within the page box and within every ancestor that clips its overflow.
 * A text node's whole box is checked first; only a node that pokes out is checked word by
 * word, so a line-end space hanging past a justified edge does not count.
 */
export function findClippedTextInPage(): ClippedText[] {
  const TOLERANCE = 1;
  const found: ClippedText[] = [];
  const clipCache = new Map<Element, DOMRect>();
  const intersect = (a: DOMRect, b: DOMRect) => {
    const left = Math.max(a.left, b.left);
    const top = Math.max(a.top, b.top);
    return new DOMRect(
      left,
      top,
      Math.min(a.right, b.right) - left,
      Math.min(a.bottom, b.bottom) - top,
    );
  };
  const clipBox = (el: Element, pageBox: Element): DOMRect => {
    const cached = clipCache.get(el);
    if (cached) return cached;
    let box: DOMRect;
    if (el === pageBox || !el.parentElement) box = pageBox.getBoundingClientRect();
    else {
      box = clipBox(el.parentElement, pageBox);
      const style = getComputedStyle(el);
      if (style.overflowX !== 'visible' || style.overflowY !== 'visible')
        box = intersect(box, el.getBoundingClientRect());
    }
    clipCache.set(el, box);
    return box;
  };
  // A glyph box spans the font's whole ascent and descent, more than the ink (a superscript's
  // box pokes above the line at a page's top): vertically only the middle half must be inside.
  const SIDES = ['left', 'right', 'top', 'bottom'] as const;
  const overflow = (r: DOMRect, box: DOMRect): [number, (typeof SIDES)[number]] => {
    if (r.width === 0 && r.height === 0) return [0, 'right'];
    const by = [
      box.left - r.left,
      r.right - box.right,
      box.top - (r.top + r.height / 4),
      r.bottom - r.height / 4 - box.bottom,
    ];
    const most = Math.max(...by);
    return [most, SIDES[by.indexOf(most)] ?? 'right'];
  };
  const outside = (r: DOMRect, box: DOMRect) => overflow(r, box)[0];
  // A page whose every box (text and elements, read in one call) lies inside it, and in
  // which nothing else clips text, cuts nothing off: the text-by-text check below (a range
  // per text node, most of this function's cost) finds nothing there, so it is skipped. A
  // box without text cannot cut text: images (a chart) clip their own content only.
  const allInside = (pageBox: Element): boolean => {
    const box = pageBox.getBoundingClientRect();
    for (const el of Array.from(pageBox.querySelectorAll('*'))) {
      const style = getComputedStyle(el);
      if (
        (style.overflowX !== 'visible' || style.overflowY !== 'visible') &&
        (el.textContent ?? '').trim() !== ''
      )
        return false;
    }
    const range = document.createRange();
    range.selectNodeContents(pageBox);
    for (const r of Array.from(range.getClientRects())) {
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < box.left - TOLERANCE || r.right > box.right + TOLERANCE) return false;
      if (r.top < box.top - TOLERANCE || r.bottom > box.bottom + TOLERANCE) return false;
    }
    return true;
  };
  const pages = Array.from(document.querySelectorAll('.kd-page'));
  pages.forEach((pageBox, page) => {
    if (allInside(pageBox)) return;
    const walker = document.createTreeWalker(pageBox, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const first = text.search(/\S/);
      if (first < 0 || !node.parentElement) continue;
      const box = clipBox(node.parentElement, pageBox);
      range.setStart(node, first);
      range.setEnd(node, text.trimEnd().length);
      if (outside(range.getBoundingClientRect(), box) <= TOLERANCE) continue;
      let worst = 0;
      let side: (typeof SIDES)[number] = 'right';
      for (const m of text.matchAll(/\S+/g)) {
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        for (const r of Array.from(range.getClientRects())) {
          const [by, where] = overflow(r, box);
          if (by > worst) [worst, side] = [by, where];
        }
      }
      if (worst <= TOLERANCE) continue;
      const owner =
        node.parentElement.closest(
          'p, li, td, th, caption, h1, h2, h3, h4, figcaption, dd, dt, div',
        ) ?? node.parentElement;
      const ownerText = (owner.textContent ?? '').replace(/\s+/g, ' ').trim();
      found.push({
        page,
        tag: owner.tagName.toLowerCase(),
        text: ownerText.slice(0, 60),
        overflowPx: Math.round(worst),
        side,
      });
    }
  });
  return found;
}

/** One violation per element whose text is cut off, for the layout guard's report. */
export function clippingViolations(clipped: readonly ClippedText[]): LayoutViolation[] {
  const seen = new Set<string>();
  const out: LayoutViolation[] = [];
  for (const c of clipped) {
    const key = `${c.page}:${c.tag}:${c.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const text = c.text.length > 57 ? `${c.text.slice(0, 57)}...` : c.text;
    out.push({
      element: `${c.tag} "${text}"`,
      page: c.page + 1,
      message: `is cut off: its text runs ${c.overflowPx}px beyond the ${c.side} edge of the page or its box`,
    });
  }
  return out;
}
