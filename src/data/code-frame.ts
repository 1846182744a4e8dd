/** Lines wider than this are cut around the position, so a long paragraph stays readable. */
const MAX_WIDTH = 100;

/**
 * A short excerpt of `text` around LINE:COLUMN (both from 1), the line itself marked with
 * ">" and a caret under the column, as compilers print it:
 *
 * ```
 *   2 | report: clearing-the-mines
 * > 3 | country: Kosovo: Republic of
 *     |                ^
 *   4 | edition: 2025
 * ```
 */
export function codeFrame(text: string, line: number, column: number, context = 1): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '' && lines.length > 1) lines.pop();
  const at = Math.min(Math.max(line, 1), Math.max(lines.length, 1));
  const first = Math.max(1, at - context);
  const last = Math.min(lines.length, at + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const { shown, caretAt } = clip(lines[n - 1] ?? '', n === at ? column : 1);
    out.push(`${n === at ? '>' : ' '} ${String(n).padStart(width)} | ${shown}`.trimEnd());
    if (n === at) {
      // Copy tabs from the line so the caret lines up however the terminal draws them.
      const pad = shown
        .slice(0, caretAt)
        .split('')
        .map((c) => (c === '\t' ? '\t' : ' '))
        .join('');
      out.push(`  ${' '.repeat(width)} | ${pad}^`);
    }
  }
  return out.join('\n');
}

/** Cuts a long line to a window around the column; returns where the caret goes in it. */
function clip(line: string, column: number): { shown: string; caretAt: number } {
  // Columns count UTF-16 code units, as the YAML parser's positions do.
  const chars = line.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '\ufffd').split('');
  const index = Math.min(Math.max(column - 1, 0), chars.length);
  if (chars.length <= MAX_WIDTH) return { shown: chars.join(''), caretAt: index };
  const start = Math.max(0, Math.min(index - MAX_WIDTH / 2, chars.length - MAX_WIDTH));
  const end = start + MAX_WIDTH;
  const head = start > 0 ? '…' : '';
  const tail = end < chars.length ? '…' : '';
  return {
    shown: `${head}${chars.slice(start, end).join('')}${tail}`,
    caretAt: index - start + head.length,
  };
}
