import {
  isAlias,
  isMap,
  isScalar,
  visit,
  type Document,
  type LineCounter,
  type YAMLError,
} from 'yaml';
import { codeFrame } from './code-frame.js';
import type { Problem } from './problem.js';

/** More levels of flow brackets in a row than any report needs: refused before parsing. */
export const MAX_FLOW_NESTING = 64;

/** Where the text opens too many flow collections in a row ("[[[[..."), if it does. */
export function excessiveNesting(text: string): number | undefined {
  const m = new RegExp(`(?:[\\[{][\\s,]*){${MAX_FLOW_NESTING + 1}}`).exec(text);
  return m?.index;
}

/**
 * Block collections nest by indentation and by "- " (or "? ") markers written one after
 * another; the parser and every walk over the value recurse once per level, so a file of
 * 2,500 levels could exhaust the stack. Counted on the text before parsing, like brackets:
 * each line's indentation closes the levels at or beyond it and opens one, and each
 * marker after it opens one more. Block scalar text counts as one level at most.
 */
export const MAX_BLOCK_NESTING = 64;

/** The offset of the first place where block nesting passes MAX_BLOCK_NESTING, if any. */
export function excessiveBlockNesting(text: string): number | undefined {
  const open: number[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    if (indent === line.length || line[indent] === '#') continue;
    while (open.length > 0 && (open.at(-1) as number) >= indent) open.pop();
    open.push(indent);
    const markers = /^(?:[-?](?: +|$))+/.exec(line.slice(indent))?.[0] ?? '';
    let column = indent;
    for (const m of markers.matchAll(/[-?] */g)) {
      column += m[0].length;
      open.push(column);
      if (open.length > MAX_BLOCK_NESTING) return start + column;
    }
    if (open.length > MAX_BLOCK_NESTING) return start + indent;
  }
  return undefined;
}

/** The key of a duplicate-key error at `offset`, and where the same key first appears in its mapping. */
function keyText(
  doc: Document.Parsed,
  offset: number,
): { key: string; firstOffset?: number } | undefined {
  let found: { key: string; firstOffset?: number } | undefined;
  visit(doc, {
    Map(_, map) {
      const i = map.items.findIndex((p) => isScalar(p.key) && p.key.range?.[0] === offset);
      const own = map.items[i]?.key;
      if (!isScalar(own)) return undefined;
      const key = String(own.value);
      const first = map.items.find(
        (p, j) => j < i && isScalar(p.key) && String(p.key.value) === key,
      );
      const firstKey = first?.key;
      found = { key, firstOffset: isScalar(firstKey) ? firstKey.range?.[0] : undefined };
      return visit.BREAK;
    },
  });
  return found;
}

/** The parser's message in an editor's words, by error code; the position is given apart. */
function messageFor(e: YAMLError, doc: Document.Parsed, lineCounter: LineCounter): string {
  const first = (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '');
  switch (e.code) {
    case 'DUPLICATE_KEY': {
      const dup = keyText(doc, e.pos[0]);
      if (!dup) return 'YAML: duplicate key';
      const where =
        dup.firstOffset === undefined
          ? ''
          : ` (first at line ${lineCounter.linePos(dup.firstOffset).line})`;
      return `YAML: duplicate key '${dup.key}'${where}; a field appears once`;
    }
    case 'MULTIPLE_DOCS':
      return 'YAML: more than one document in the file (a line "---" or "..." ends the first); a data file holds one';
    case 'RESOURCE_EXHAUSTION':
      return 'YAML: nested too deeply to read';
    default:
      return `YAML: ${first}`;
  }
}

/**
 * Where the quote or bracket that an "unclosed" error is about was opened: the parser notices
 * at the end of the file or at the next key, but the node (and the mistake) starts there.
 */
function openedAt(e: YAMLError, text: string): { offset: number; what: string } | undefined {
  const quote = /closing (["'])quote/.exec(e.message)?.[1];
  if (e.code === 'MISSING_CHAR' && quote) {
    for (let i = Math.min(e.pos[0], text.length) - 1; i >= 0; i--) {
      if (text[i] !== quote) continue;
      if (quote === "'" && (text[i - 1] === "'" || text[i + 1] === "'")) continue; // '' is an escaped quote
      let slashes = 0;
      while (text[i - 1 - slashes] === '\\') slashes++;
      if (quote === '"' && slashes % 2 === 1) continue; // \" is an escaped quote
      return {
        offset: i,
        what: `the ${quote === '"' ? 'double' : 'single'} quote opened here is never closed`,
      };
    }
  }
  const bracket = /end with an? ([\]}])/.exec(e.message)?.[1];
  if (bracket) {
    // Brackets that open a flow collection: at the start of a value, or inside another one.
    const stack: number[] = [];
    for (let i = 0; i < Math.min(e.pos[0], text.length); i++) {
      const c = text[i];
      if (c === '[' || c === '{') {
        const before = text.slice(text.lastIndexOf('\n', i - 1) + 1, i); // the line up to the bracket
        if (/^\s*$|(^|\s)-\s+$|[:,[{]\s*$/.test(before)) stack.push(i);
      } else if ((c === ']' || c === '}') && stack.length > 0) {
        stack.pop();
      }
    }
    const offset = stack.at(-1);
    if (offset !== undefined) {
      return {
        offset,
        what: `the ${text[offset] === '[' ? '[ list' : '{ mapping'} opened here is never closed with ${text[offset] === '[' ? ']' : '}'}`,
      };
    }
  }
  // A note such as "- *Data correct as at ..." starts with "*", which YAML reads as an alias
  // (*Data) followed by stray text: point at the "*".
  const lineStart = text.lastIndexOf('\n', Math.max(0, e.pos[0] - 1)) + 1;
  const lineEnd = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  const star = /^(.*?(?:^|[:-]\s+))\*[^\s*,\]}]+\s+[^\s#]/.exec(line);
  if (star?.[1] !== undefined) {
    return {
      offset: lineStart + star[1].length,
      what: 'a value that starts with "*" must be quoted (YAML reads *Name as an alias), e.g. "*Data correct..."',
    };
  }
  return undefined;
}

/**
 * The parser's errors and warnings as located problems, with a code frame for errors. A
 * syntax error throws the parser off for what follows, so only the first is reported (with
 * a count of the rest); duplicate keys do not, and each is reported.
 */
export function yamlProblems(ctx: {
  file: string;
  doc: Document.Parsed;
  text: string;
  lineCounter: LineCounter;
}): Problem[] {
  const { doc, text, lineCounter } = ctx;
  const problems: Problem[] = [];
  const syntax = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  const errors = [...syntax.slice(0, 1), ...doc.errors.filter((e) => e.code === 'DUPLICATE_KEY')];
  for (const [severity, list] of [
    ['error', errors],
    ['warning', doc.warnings],
  ] as const) {
    for (const e of list) {
      const opened = severity === 'error' ? openedAt(e, text) : undefined;
      const pos = lineCounter.linePos(opened?.offset ?? e.pos[0]);
      let message = opened ? `YAML: ${opened.what}` : messageFor(e, doc, lineCounter);
      if (e === syntax[0] && syntax.length > 1)
        message += ` (${syntax.length - 1} more YAML error(s) after this one may follow from it)`;
      const problem: Problem = {
        file: ctx.file,
        line: pos.line,
        column: pos.col,
        severity,
        path: '',
        message,
      };
      if (severity === 'error') problem.frame = codeFrame(text, pos.line, pos.col);
      problems.push(problem);
    }
  }
  return problems;
}

/**
 * Structure the parser accepts but a data file cannot hold: an alias to an anchor that is not
 * defined before it, and a key that is a list or mapping (`? [a, b]`). Reported here, at the
 * node, rather than as an exception (or a printed warning) when the document is converted.
 */
export function structureProblems(
  doc: Document.Parsed,
  file: string,
  text: string,
  lineCounter: LineCounter,
): Problem[] {
  const problems: Problem[] = [];
  const at = (offset: number, message: string) => {
    const pos = lineCounter.linePos(offset);
    problems.push({
      file,
      line: pos.line,
      column: pos.col,
      severity: 'error',
      path: '',
      message,
      frame: codeFrame(text, pos.line, pos.col),
    });
  };
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.resolve(doc) === undefined) {
        at(
          node.range?.[0] ?? 0,
          `YAML: alias *${node.source} names no anchor &${node.source} defined before it; a value that starts with "*" must be quoted`,
        );
      }
    },
    Pair(_, pair) {
      if (pair.key !== null && !isScalar(pair.key)) {
        const range = (pair.key as { range?: [number, number, number] }).range;
        at(
          range?.[0] ?? 0,
          `YAML: a key must be plain text, not a ${isMap(pair.key) ? 'mapping' : 'list'}`,
        );
      }
    },
  });
  return problems;
}

/** The offset of the first alias (`*name`) in the document, if it has one. */
export function firstAlias(doc: Document.Parsed): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}
