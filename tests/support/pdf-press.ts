import { execFileSync, spawnSync } from 'node:child_process';

/** Each page's boxes as `pdfinfo -box` prints them: { MediaBox: [x0, y0, x1, y1], ... }. */
export function pdfBoxes(file: string, pages: number): Record<string, number[]>[] {
  const out = execFileSync('pdfinfo', ['-box', '-f', '1', '-l', String(pages), file], {
    encoding: 'utf8',
  });
  const boxes: Record<string, number[]>[] = [];
  for (const m of out.matchAll(
    /^Page\s+(\d+)\s+(\w+Box):\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)/gm,
  )) {
    const i = Number(m[1]) - 1;
    boxes[i] ??= {};
    (boxes[i] as Record<string, number[]>)[m[2] as string] = [m[3], m[4], m[5], m[6]].map(Number);
  }
  return boxes;
}

/** A page rendered by poppler (pdftoppm, PPM): the colour at a point given in PDF points from the top left. */
export function pagePixels(
  file: string,
  page: number,
  dpi: number,
): { width: number; height: number; at(xPt: number, yPt: number): [number, number, number] } {
  const ppm = execFileSync(
    'pdftoppm',
    ['-r', String(dpi), '-f', String(page), '-l', String(page), file],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  // "P6\n<w> <h>\n255\n" then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PPM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const data = ppm.subarray(header[0].length);
  const scale = dpi / 72;
  return {
    width,
    height,
    at(xPt, yPt) {
      const x = Math.min(width - 1, Math.round(xPt * scale));
      const y = Math.min(height - 1, Math.round(yPt * scale));
      const i = (y * width + x) * 3;
      return [data[i] as number, data[i + 1] as number, data[i + 2] as number];
    },
  };
}

/** An element, or a run of its text (type '#text'), in reading order. */
export interface PopplerNode {
  type: string;
  id?: string;
  text: string;
  children: PopplerNode[];
}

/**
 * The structure tree as poppler reads it (`pdfinfo -struct-text`): element types through the
 * RoleMap, IDs, and the text of each element's marked content, in reading order. Also returns
 * what poppler complained about (an element type it does not know drops the whole element).
 */
export function popplerStructure(file: string): { tree: PopplerNode[]; errors: string[] } {
  const run = spawnSync('pdfinfo', ['-struct-text', file], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const root: PopplerNode = { type: 'root', text: '', children: [] };
  const stack: { indent: number; node: PopplerNode }[] = [{ indent: -1, node: root }];
  for (const line of run.stdout.split('\n')) {
    const indent = line.length - line.trimStart().length;
    const body = line.trim();
    if (!body || body.startsWith('/') || /^Object \d+ \d+$/.test(body)) continue;
    while ((stack.at(-1) as { indent: number }).indent >= indent) stack.pop();
    const parent = (stack.at(-1) as { node: PopplerNode }).node;
    const text = /^"(.*)"$/.exec(body);
    if (text) {
      parent.children.push({ type: '#text', text: text[1] as string, children: [] });
      continue;
    }
    const elem = /^([A-Za-z][A-Za-z0-9]*)(?: <([^>]*)>)?(?: \((?:block|inline)\))?:?$/.exec(body);
    if (!elem) continue;
    const node: PopplerNode = { type: elem[1] as string, text: '', children: [] };
    if (elem[2]) node.id = elem[2];
    parent.children.push(node);
    stack.push({ indent, node });
  }
  const errors = `${run.stderr}`.split('\n').filter((l) => /error/i.test(l));
  return { tree: root.children, errors };
}

/** All text of a node and its descendants, in reading order. */
export const fullText = (n: PopplerNode): string => n.text + n.children.map(fullText).join('');

export function* popplerNodes(nodes: readonly PopplerNode[]): Generator<PopplerNode> {
  for (const n of nodes) {
    yield n;
    yield* popplerNodes(n.children);
  }
}
