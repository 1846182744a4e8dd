import { readFile } from 'node:fs/promises';
import { isPair, isScalar, isSeq, type Node, visit } from 'yaml';
import type { Problem } from '../data/problem.js';
import type { YamlSource } from '../data/yaml-source.js';
import { fontCodePoints } from './font-cmap.js';
import { FONT_FACES, fontPath } from './fonts.js';

/**
 * Characters that no bundled font has (an emoji, a rare script) print as empty boxes and
 * drop out of the PDF's text layer, silently. Each string of a data file is checked against
 * the union of the bundled fonts' character maps; each value with such characters gets one
 * warning at its line, naming them.
 */

let covered: Promise<Set<number>> | undefined;

/** Every character some bundled face of Source Sans 3 can print. */
export function bundledCodePoints(): Promise<Set<number>> {
  covered ??= Promise.all(FONT_FACES.map((f) => readFile(fontPath(f.file)))).then((fonts) => {
    const all = new Set<number>();
    for (const bytes of fonts) for (const c of fontCodePoints(bytes)) all.add(c);
    return all;
  });
  return covered;
}

/** Characters that need no glyph: white space and the invisible formatting marks. */
const INVISIBLE: readonly [number, number][] = [
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x2064],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
];
const invisible = (c: string) => {
  const code = c.codePointAt(0) as number;
  return /\s/.test(c) || INVISIBLE.some(([a, b]) => code >= a && code <= b);
};

function pathOf(ancestors: readonly unknown[], node: Node): string {
  const parts: string[] = [];
  let child: unknown = node;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i];
    if (isPair(a) && a.value === child && isScalar(a.key)) parts.unshift(String(a.key.value));
    else if (isSeq(a)) parts.unshift(String(a.items.indexOf(child as Node)));
    child = a;
  }
  return parts.join('.');
}

export async function uncoveredCharacterWarnings(source: YamlSource): Promise<Problem[]> {
  const fonts = await bundledCodePoints();
  const problems: Problem[] = [];
  visit(source.doc, {
    Scalar(key, node, ancestors) {
      if (key === 'key' || typeof node.value !== 'string') return;
      const missing = [...new Set(node.value)].filter(
        (c) => !invisible(c) && !fonts.has(c.codePointAt(0) as number),
      );
      if (missing.length === 0) return;
      const pos = source.lineCounter.linePos(node.range?.[0] ?? 0);
      const names = missing
        .map(
          (c) =>
            `"${c}" (U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')})`,
        )
        .join(', ');
      problems.push({
        file: source.file,
        line: pos.line,
        column: pos.col,
        severity: 'warning',
        path: pathOf(ancestors, node),
        message: `${names}: in no bundled font (Source Sans 3), so printed as an empty box and lost from the PDF's text`,
      });
    },
  });
  return problems;
}
