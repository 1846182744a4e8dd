import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { UserError } from '../errors.js';
import { formatProblem } from '../data/problem.js';
import { parseYaml } from '../data/yaml-source.js';
import { readInputFile } from '../data/read-input.js';
import { commonItems, diffValues, type ValueChange } from './diff-values.js';

const run = promisify(execFile);

/**
 * `keydata diff OLD NEW`: what changed between two data files (compared as values, one line
 * per changed field) or two built PDFs (their text, page by page). Either side may be
 * `REV:path`, the file as a git revision holds it.
 */

export interface DiffOptions {
  old: string;
  new: string;
  /** Resolves relative paths, and where git runs. */
  cwd: string;
  /** Reads `path` as of git revision `rev` (default: `git show REV:path`); tests give their own. */
  readRevision?: (rev: string, file: string, cwd: string) => Promise<Buffer>;
}

export interface PageChange {
  /** 1-based. */
  page: number;
  /** 'changed': lines removed and added; 'added' / 'removed': a page only one side has. */
  kind: 'changed' | 'added' | 'removed';
  lines: { sign: '-' | '+'; text: string }[];
}

export type DiffResult =
  | { kind: 'data'; changes: ValueChange[] }
  | { kind: 'pdf'; pages: PageChange[]; oldPages: number; newPages: number };

export const isSame = (r: DiffResult): boolean =>
  r.kind === 'data' ? r.changes.length === 0 : r.pages.length === 0;

interface Input {
  name: string;
  bytes: Buffer;
}

/** `REV:path` (git's own notation), unless a file of that name exists. */
export function revisionOf(spec: string): { rev: string; file: string } | undefined {
  const m = /^([^:/\\][^:]*):(.+)$/.exec(spec);
  return m ? { rev: m[1] as string, file: m[2] as string } : undefined;
}

async function gitShow(rev: string, file: string, cwd: string): Promise<Buffer> {
  try {
    const { stdout } = await run('git', ['show', `${rev}:${file}`], {
      cwd,
      encoding: 'buffer',
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === 'ENOENT')
      throw new UserError('git is not installed: REV:path needs it', 2, { cause: err });
    const why = e.stderr?.toString('utf8').trim().split('\n')[0] ?? e.message;
    throw new UserError(`${rev}:${file}: ${why}`, 2, { cause: err });
  }
}

/** Data files are at most 2 MiB; a volume PDF of a whole edition stays well under this. */
const MAX_DIFF_BYTES = 512 * 1024 * 1024;

async function readInput(spec: string, options: DiffOptions): Promise<Input> {
  const abs = path.resolve(options.cwd, spec);
  const info = await stat(abs).catch(() => undefined);
  if (info?.isFile()) {
    const read = await readInputFile(abs, MAX_DIFF_BYTES);
    if (!read.ok) throw new UserError(`${spec}: ${read.reason}`);
    return { name: spec, bytes: read.bytes };
  }
  const revision = revisionOf(spec);
  if (info === undefined && revision) {
    const read = options.readRevision ?? gitShow;
    return { name: spec, bytes: await read(revision.rev, revision.file, options.cwd) };
  }
  throw new UserError(
    `${spec}: ${info ? 'not a file' : 'no such file'} (give a data file, a built PDF, or REV:path)`,
  );
}

const isPdf = (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-';

function parseData(input: Input): unknown {
  const parsed = parseYaml(input.bytes, input.name);
  if (!parsed.ok) {
    const first = parsed.problems.find((p) => p.severity === 'error') ?? parsed.problems[0];
    throw new UserError(`cannot read ${input.name}: ${first ? formatProblem(first) : 'not YAML'}`);
  }
  return parsed.source.value;
}

/** Compares two data files or two PDFs. Throws UserError (exit 2) when either cannot be read or they are of different kinds. */
export async function diff(options: DiffOptions): Promise<DiffResult> {
  const [a, b] = await Promise.all([
    readInput(options.old, options),
    readInput(options.new, options),
  ]);
  if (isPdf(a.bytes) !== isPdf(b.bytes)) {
    throw new UserError(
      `cannot compare ${isPdf(a.bytes) ? 'a PDF' : 'a data file'} (${a.name}) with ${isPdf(b.bytes) ? 'a PDF' : 'a data file'} (${b.name})`,
    );
  }
  if (!isPdf(a.bytes)) return { kind: 'data', changes: diffValues(parseData(a), parseData(b)) };
  const [oldPages, newPages] = await Promise.all([pdfPageLines(a), pdfPageLines(b)]);
  return {
    kind: 'pdf',
    pages: diffPages(oldPages, newPages),
    oldPages: oldPages.length,
    newPages: newPages.length,
  };
}

/** ﬀ, ﬁ, ﬂ, ﬃ, ﬄ, ﬅ, ﬆ read as the letters they join: a ligature is typography, not text. */
const withoutLigatures = (l: string) => l.replace(/[\uFB00-\uFB06]/g, (c) => c.normalize('NFKC'));

/** Each page's lines of text (poppler's pdftotext), white space collapsed, blank lines dropped. */
async function pdfPageLines(input: Input): Promise<string[][]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'keydata-diff-'));
  try {
    const file = path.join(dir, 'document.pdf');
    await writeFile(file, input.bytes);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout
      .split('\f')
      .slice(0, -1)
      .map((page) =>
        page
          .split('\n')
          .map((l) => withoutLigatures(l).replace(/\s+/g, ' ').trim())
          .filter(Boolean),
      );
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT')
      throw new UserError('pdftotext is not installed (Debian: apt-get install poppler-utils)', 2, {
        cause: err,
      });
    throw new UserError(
      `cannot read the text of ${input.name}: ${e.stderr?.trim() || e.message}`,
      2,
      { cause: err },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Page by page: lines removed and added on each page both have; pages only one has, whole. */
export function diffPages(a: readonly string[][], b: readonly string[][]): PageChange[] {
  const pages: PageChange[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const before = a[i];
    const after = b[i];
    if (!after)
      pages.push({
        page: i + 1,
        kind: 'removed',
        lines: (before ?? []).map((text) => ({ sign: '-', text })),
      });
    else if (!before)
      pages.push({ page: i + 1, kind: 'added', lines: after.map((text) => ({ sign: '+', text })) });
    else {
      const lines = diffLines(before, after);
      if (lines.length > 0) pages.push({ page: i + 1, kind: 'changed', lines });
    }
  }
  return pages;
}

/**
 * Lines removed (-) and added (+), in order, around the lines both sides keep. A line both
 * removed and added, word for word, is not a change: pdftotext read it in another order
 * (a float, a footnote, a running header), and the page still says it.
 */
export function diffLines(a: readonly string[], b: readonly string[]): PageChange['lines'] {
  const out = orderedDiff(a, b);
  const removed = new Map<string, number>();
  const added = new Map<string, number>();
  for (const l of out) {
    const m = l.sign === '-' ? removed : added;
    m.set(l.text, (m.get(l.text) ?? 0) + 1);
  }
  // Cancel as many of each text as both sides have, keeping the rest in order.
  const cancel = new Map(
    [...removed].map(([t, n]) => [t, Math.min(n, added.get(t) ?? 0)] as const),
  );
  const left = { '-': new Map(cancel), '+': new Map(cancel) };
  return out.filter((l) => {
    const n = left[l.sign].get(l.text) ?? 0;
    if (n === 0) return true;
    left[l.sign].set(l.text, n - 1);
    return false;
  });
}

function orderedDiff(a: readonly string[], b: readonly string[]): PageChange['lines'] {
  const out: PageChange['lines'] = [];
  let i = 0;
  let j = 0;
  for (const [ai, bj] of [...commonItems(a, b, (x, y) => x === y), [a.length, b.length] as const]) {
    for (; i < ai; i++) out.push({ sign: '-', text: a[i] as string });
    for (; j < bj; j++) out.push({ sign: '+', text: b[j] as string });
    i = ai + 1;
    j = bj + 1;
  }
  return out;
}
