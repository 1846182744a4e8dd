/**
 * Before the layout pass, in the page (serialised by page.evaluate: self-contained): with
 * the flow set to the page's width, a table wider than the box it sits in (several columns
 * of long words: each column is at least as wide as its longest word) is marked
 * `kd-squeeze`, whose cells may then break words anywhere (styles/base.css). Only such tables
 * change: breaking anywhere in every cell would move the columns of tables that fit today.
 * Returns how many were marked.
 */
export function squeezeOverwideTablesInPage(args: { flowRoot: string; width: number }): number {
  const flow = document.querySelector<HTMLElement>(args.flowRoot);
  if (!flow) return 0;
  const before = flow.style.width;
  flow.style.width = `${args.width}px`;
  let squeezed = 0;
  for (const table of Array.from(flow.querySelectorAll('table'))) {
    const box = table.parentElement?.getBoundingClientRect();
    if (!box || table.getBoundingClientRect().width <= box.width + 0.5) continue;
    table.classList.add('kd-squeeze');
    squeezed++;
  }
  flow.style.width = before;
  return squeezed;
}
