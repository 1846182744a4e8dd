/**
 * The corpus of broken files (tests/fixtures/invalid/): each gets exactly its expected
 * located problems, all in one run of `validate`, and none makes it throw or hang.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/commands/validate.js';
import type { Problem } from '../../src/data/problem.js';
import { ROOT } from '../helpers/reports.js';

const CORPUS = path.join(ROOT, 'tests', 'fixtures', 'invalid');
const FILES = path.join(CORPUS, '2025', 'clearing-the-mines');
const expected = JSON.parse(await readFile(path.join(CORPUS, 'expected.json'), 'utf8')) as Record<
  string,
  string[]
>;
const names = (await readdir(FILES))
  .filter((n) => n.endsWith('.yaml') && n !== '_edition.yaml')
  .sort();

const shown = (p: Problem) =>
  `${p.line}:${p.column}: ${p.severity}: ${p.path ? `${p.path}: ` : ''}${p.message}`;

const started = Date.now();
const result = await validate({ files: [FILES], display: (f) => path.relative(FILES, f) });
const elapsed = Date.now() - started;

describe('the corpus of broken files', () => {
  it('holds at least 30 files, each with its expectation, and no expectation without its file', () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(expected).sort()).toEqual(names);
  });

  it('is checked in one run, quickly (bombs refused, not expanded)', () => {
    expect(result.files.filter((f) => !f.endsWith('_edition.yaml'))).toHaveLength(names.length);
    expect(elapsed).toBeLessThan(10_000);
  });

  it.each(names)('%s gets its located messages', (name) => {
    const got = result.problems.filter((p) => p.file === name).map(shown);
    expect(got.length, 'every broken file gets at least one problem').toBeGreaterThan(0);
    expect(got).toEqual(expected[name]);
  });

  it('locates every problem inside its file (line and column from 1, within the text)', async () => {
    for (const p of result.problems) {
      const lines = (await readFile(path.join(FILES, p.file))).toString('latin1').split('\n');
      expect(p.line, shown(p)).toBeGreaterThanOrEqual(1);
      expect(p.column, shown(p)).toBeGreaterThanOrEqual(1);
      expect(p.line, shown(p)).toBeLessThanOrEqual(Math.max(lines.length, 1));
    }
  });

  it('reports nothing about the edition metadata beside the files', () => {
    expect(result.problems.filter((p) => p.file === '_edition.yaml')).toEqual([]);
  });
});
