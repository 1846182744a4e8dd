import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { codeFrame } from './code-frame.js';
import type { Problem } from './problem.js';
import {
  excessiveBlockNesting,
  excessiveNesting,
  firstAlias,
  MAX_BLOCK_NESTING,
  MAX_FLOW_NESTING,
  structureProblems,
  yamlProblems,
} from './yaml-errors.js';

import { leavesDataFolder } from './data-folder.js';
import { readInputFile } from './read-input.js';

/** A data file larger than this is refused before parsing: no country report comes close. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Bounds alias expansion so a "billion laughs" file fails fast instead of exhausting memory. */
export const MAX_ALIAS_COUNT = 100;

/** A parsed YAML file that still knows where each of its nodes came from. */
export interface YamlSource {
  file: string;
  /** The file's text, for code frames. */
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  value: unknown;
}

export type LoadResult =
  | { ok: true; source: YamlSource; problems: Problem[] }
  | { ok: false; problems: Problem[] };

const fileProblem = (file: string, message: string, line = 1, column = 1): Problem => ({
  file,
  line,
  column,
  severity: 'error',
  path: '',
  message,
});

/** Reads and parses one YAML file; never throws for bad content, only reports problems. */
export async function loadYaml(file: string, displayName = file): Promise<LoadResult> {
  const outside = await leavesDataFolder(file);
  if (outside) return { ok: false, problems: [fileProblem(displayName, outside)] };
  const read = await readInputFile(file, MAX_FILE_BYTES);
  if (!read.ok) {
    const reason = read.reason === 'not a regular file (a folder)' ? 'not a file' : read.reason;
    return { ok: false, problems: [fileProblem(displayName, reason)] };
  }
  const bytes = read.bytes;
  return parseYaml(bytes, displayName);
}

export function parseYaml(bytes: Uint8Array, file: string): LoadResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      ok: false,
      problems: [fileProblem(file, 'file is not valid UTF-8 text', at.line, at.column)],
    };
  }
  // Line by line: a single regular expression over the whole text backtracks exponentially.
  if (text.split(/\r?\n/).every((line) => /^\s*(#.*)?$/.test(line))) {
    return { ok: false, problems: [fileProblem(file, 'file is empty')] };
  }
  const lineCounter = new LineCounter();
  const refuse = (offset: number, message: string): LoadResult => {
    const before = text.slice(0, offset).split('\n');
    const pos = { line: before.length, col: (before.at(-1)?.length ?? 0) + 1 };
    return {
      ok: false,
      problems: [
        {
          ...fileProblem(file, message, pos.line, pos.col),
          frame: codeFrame(text, pos.line, pos.col),
        },
      ],
    };
  };
  // YAML allows no control characters but tab and line breaks: a binary file that happens to be
  // UTF-8. The C1 controls (U+0080-U+009F, NEL included) print as nothing and are refused too.
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return refuse(
      control.index,
      `file holds a control character (U+${code}); a data file is plain text`,
    );
  }
  const deep = excessiveNesting(text);
  if (deep !== undefined)
    return refuse(
      deep,
      `YAML: more than ${MAX_FLOW_NESTING} brackets opened in a row; refused as a nesting bomb`,
    );
  const deepBlock = excessiveBlockNesting(text);
  if (deepBlock !== undefined)
    return refuse(
      deepBlock,
      `YAML: nested more than ${MAX_BLOCK_NESTING} levels deep (indented lists and mappings); refused as a nesting bomb`,
    );
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const ctx = { file, doc, text, lineCounter };
  const problems = yamlProblems(ctx);
  if (doc.errors.length > 0) return { ok: false, problems };
  const structure = structureProblems(doc, file, text, lineCounter);
  if (structure.length > 0) return { ok: false, problems: [...problems, ...structure] };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // toJS refuses a document whose aliases expand beyond the limit (a "billion laughs" bomb).
    const alias = firstAlias(doc);
    const pos = lineCounter.linePos(alias ?? 0);
    const message =
      err instanceof ReferenceError && alias !== undefined
        ? `YAML: aliases expand to too many values (the limit is ${MAX_ALIAS_COUNT} alias uses); refused as an alias bomb`
        : `YAML: cannot read the document (${(err as Error).message})`;
    return {
      ok: false,
      problems: [
        ...problems,
        {
          ...fileProblem(file, message, pos.line, pos.col),
          frame: codeFrame(text, pos.line, pos.col),
        },
      ],
    };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const what = Array.isArray(value)
      ? 'a list'
      : value === null
        ? 'empty'
        : `a single ${typeof value}`;
    return {
      ok: false,
      problems: [
        ...problems,
        fileProblem(file, `expected a mapping of fields at the top level, got ${what}`),
      ],
    };
  }
  return { ok: true, source: { file, text, doc, lineCounter, value }, problems };
}

/**
 * Where the first byte that is not UTF-8 sits (e.g. a Latin-1 "é"), so the editor can jump
 * to it. A streaming decoder holds back an incomplete sequence instead of failing, so
 * "this prefix decodes" is monotonic and can be bisected.
 */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  const decodes = (n: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (decodes(mid)) lo = mid;
    else hi = mid - 1;
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, lo), { stream: true });
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/**
 * Finds the line and column of the node at `path`, or of its nearest existing ancestor
 * (a missing field is reported at the mapping that should hold it). With `{ key: true }`,
 * a path ending at a mapping key is located at the key itself rather than its value (an
 * unknown field whose value is a block mapping starts on the line after its key).
 */
export function locate(
  source: YamlSource,
  path: readonly PropertyKey[],
  options: { key?: boolean } = {},
): { line: number; column: number } {
  let node: Node | null | undefined = source.doc.contents as Node | null;
  let best = node;
  let keyNode: Node | undefined;
  let found = 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (it) => isScalar(it.key) && String(it.key.value) === String(seg),
      );
      if (!pair) break;
      keyNode = isScalar(pair.key) ? pair.key : undefined;
      node = pair.value as Node | null;
      best = node ?? keyNode ?? best;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      node = item;
      keyNode = undefined;
      best = item;
    } else {
      break;
    }
    found++;
  }
  if (options.key && found === path.length && keyNode) best = keyNode;
  const offset = best?.range?.[0] ?? 0;
  const pos = source.lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}
