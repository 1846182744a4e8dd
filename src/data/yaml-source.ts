import { readFile, stat } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Problem } from './problem.js';

/** A data file larger than this is refused before parsing: no country report comes close. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Bounds alias expansion so a "billion laughs" file fails fast instead of exhausting memory. */
export const MAX_ALIAS_COUNT = 100;

/** A parsed YAML file that still knows where each of its nodes came from. */
export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  value: unknown;
}

export type LoadResult = { ok: true; source: YamlSource; problems: Problem[] } | { ok: false; problems: Problem[] };

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
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, problems: [fileProblem(displayName, 'not a file')] };
    if (info.size > MAX_FILE_BYTES) {
      return {
        ok: false,
        problems: [fileProblem(displayName, `file is ${info.size} bytes; the limit is ${MAX_FILE_BYTES}`)],
      };
    }
    bytes = await readFile(file);
  } catch (err) {
    return { ok: false, problems: [fileProblem(displayName, `cannot read file: ${(err as Error).message}`)] };
  }
  return parseYaml(bytes, displayName);
}

export function parseYaml(bytes: Uint8Array, file: string): LoadResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { ok: false, problems: [fileProblem(file, 'file is not valid UTF-8 text', at.line, at.column)] };
  }
  if (text.trim() === '' || /^(\s*#[^\n]*\n?)*\s*$/.test(text)) {
    return { ok: false, problems: [fileProblem(file, 'file is empty')] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const problems: Problem[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const pos = lineCounter.linePos(e.pos[0]);
    problems.push({
      file,
      line: pos.line,
      column: pos.col,
      severity: doc.errors.includes(e as never) ? 'error' : 'warning',
      path: '',
      message: yamlMessage(e.code, e.message),
    });
  }
  if (doc.errors.length > 0) return { ok: false, problems };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    return { ok: false, problems: [...problems, fileProblem(file, `YAML: ${(err as Error).message}`)] };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const what = Array.isArray(value) ? 'a list' : value === null ? 'empty' : `a single ${typeof value}`;
    return { ok: false, problems: [...problems, fileProblem(file, `expected a mapping of fields at the top level, got ${what}`)] };
  }
  return { ok: true, source: { file, doc, lineCounter, value }, problems };
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

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  if (code === 'DUPLICATE_KEY') return `YAML: duplicate key: ${first.replace(/^Map keys must be unique.*?:?\s*/, '') || first}`;
  return `YAML: ${first.replace(/ at line \d+, column \d+:?$/, '')}`;
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
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(seg));
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
