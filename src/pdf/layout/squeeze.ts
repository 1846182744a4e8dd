/**
 * Before the flow moves into pages, inside the page (a part of the layout script, see
 * measure.ts): with the flow laid out in the first page, a table wider than the box it sits in
 * (several columns of long words: each column is at least as wide as its longest word) is
 * marked `kd-squeeze`, whose cells may then break words anywhere (styles/base.css). Only such
 * tables change: breaking anywhere in every cell would move the columns of tables that fit
 * today. Returns how many were marked.
 */
export function squeezeOverwideTables(flow: Element): number {
  let squeezed = 0;
  for (const table of Array.from(flow.querySelectorAll('table'))) {
    const box = table.parentElement?.getBoundingClientRect();
    if (!box || table.getBoundingClientRect().width <= box.width + 0.5) continue;
    table.classList.add('kd-squeeze');
    squeezed++;
  }
  return squeezed;
}
