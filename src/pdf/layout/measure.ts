/**
 * Measuring, inside the page: the page box from the stylesheet's @page rule, and where the
 * lines of a text block start. Part of the layout script (script.ts): each function is
 * serialised into the page, so it uses only its arguments, browser globals and other parts.
 */

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

/**
 * Where each line of a text block starts, as (text node, offset), the first line excluded.
 * Glyph boxes, not line boxes: a word whose top is below the line so far starts a new line.
 */
export function lineStarts(doc: Document, el: Element): { node: Text; offset: number }[] {
  const starts: { node: Text; offset: number }[] = [];
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
        starts.push({ node, offset: m.index });
        lineBottom = rect.bottom;
      } else {
        lineBottom = Math.max(lineBottom, rect.bottom);
      }
    }
  }
  return starts;
}
