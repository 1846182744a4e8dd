/**
 * Keep-with-next, inside the page: headings, captions and a table's head and first row do
 * not end a page; at a page break they move on with what follows them.
 * Part of the layout script (script.ts): self-contained, see measure.ts.
 */

/** Whether a block must not end a page. */
export function keepsWithNext(el: Element): boolean {
  // A table's first row stays with its head: no page ends on a caption and header alone.
  return (
    /^H[1-6]$/.test(el.tagName) ||
    el.tagName === 'CAPTION' ||
    el.tagName === 'THEAD' ||
    (el.tagName === 'TR' &&
      el.parentElement?.firstElementChild === el &&
      !el.parentElement.classList.contains('kd-continued')) ||
    getComputedStyle(el).breakAfter === 'avoid'
  );
}

/** What a continuation adds that is not content: a repeated header row, frozen columns. */
export function isFiller(el: Element): boolean {
  return el.hasAttribute('data-kd-repeat') || el.tagName === 'COLGROUP';
}

/** The blocks placed in a container, in order, looking through container shells. */
export function leafBlocks(container: Element): Element[] {
  return Array.from(container.children).flatMap((c) =>
    c.hasAttribute('data-kd-shell') ? leafBlocks(c) : isFiller(c) ? [] : [c],
  );
}

/**
 * Takes off the page the blocks at its end that keep with the next, each with the depth
 * of the open shell it sat in (`shells`, outermost first), so they can move on with it.
 * The page's first block always stays.
 */
export function trailingKeeps(
  body: Element,
  shells: readonly Element[],
): { level: number; el: Element }[] {
  const taken: { level: number; el: Element }[] = [];
  const leaves = leafBlocks(body);
  while (leaves.length > 1) {
    const last = leaves[leaves.length - 1] as Element;
    const level = shells.indexOf(last.parentElement as Element);
    if (!keepsWithNext(last) || level < 0) break;
    taken.unshift({ level, el: last });
    last.remove();
    leaves.pop();
  }
  return taken;
}
