import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diff, diffLines, diffPages, isSame, revisionOf } from '../../src/commands/diff.js';
import { diffValues, formatValueChange, showTextChange } from '../../src/commands/diff-values.js';
import { UserError } from '../../src/errors.js';
import { KOSOVO_FILE, KOSOVO_TEXT } from '../helpers/reports.js';

const lines = (a: unknown, b: unknown) => diffValues(a, b).map(formatValueChange);

describe('comparing data as values', () => {
  it('gives one line per changed field, `field.path: old -> new`', () => {
    const a = {
      land_release: { current: { year: 2024, clearance_m2: 47065 } },
      country: 'Kosovo',
      gone: true,
    };
    const b = {
      land_release: { current: { year: 2024, clearance_m2: 47605 } },
      country: 'Kosova',
      added: [1, 2],
    };
    expect(lines(a, b)).toEqual([
      'land_release.current.clearance_m2: 47065 -> 47605',
      'country: "Kosovo" -> "Kosova"',
      'gone: true -> (none)',
      'added: (none) -> [1,2]',
    ]);
  });

  it('matches list items by value, so a year added at the top is one addition', () => {
    const history = [
      { year: 2022, area_km2: 0.02 },
      { year: 2021, area_km2: 0.1 },
    ];
    expect(lines({ h: history }, { h: [{ year: 2023, area_m2: 29309 }, ...history] })).toEqual([
      'h.0: (none) -> {"year":2023,"area_m2":29309}',
    ]);
    expect(lines({ h: history }, { h: [history[0], { year: 2021, area_km2: 0.12 }] })).toEqual([
      'h.1.area_km2: 0.1 -> 0.12',
    ]);
    expect(lines({ h: [1, 2, 3] }, { h: [1, 3] })).toEqual(['h.1: 2 -> (none)']);
  });

  it('tells a number from text that looks like one, and sees no change in equal values', () => {
    expect(lines({ year: 2024 }, { year: '2024' })).toEqual(['year: 2024 -> "2024"']);
    expect(diffValues({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual([]);
  });

  it('shows a change inside a long paragraph as the words around it', () => {
    const before = `In 2024, a total of 47,065m² was released through clearance with eight AP mines found and destroyed. ${'More text. '.repeat(20)}`;
    const after = before.replace('47,065', '47,605');
    const [o, n] = showTextChange(before, after);
    expect(o).toBe('"In 2024, a total of 47,065m² was released through…"');
    expect(n).toBe('"In 2024, a total of 47,605m² was released through…"');
  });
});

describe('comparing PDFs page by page', () => {
  it('lists lines removed and added on a page, and pages only one side has', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'B', 'c', 'd'])).toEqual([
      { sign: '-', text: 'b' },
      { sign: '+', text: 'B' },
      { sign: '+', text: 'd' },
    ]);
    expect(diffPages([['x'], ['y']], [['x'], ['y2'], ['z']])).toEqual([
      {
        page: 2,
        kind: 'changed',
        lines: [
          { sign: '-', text: 'y' },
          { sign: '+', text: 'y2' },
        ],
      },
      { page: 3, kind: 'added', lines: [{ sign: '+', text: 'z' }] },
    ]);
  });
});

describe('diff inputs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'keydata-diff-'));
    await writeFile(
      path.join(dir, 'new.yaml'),
      KOSOVO_TEXT.replace('clearance_m2: 47065', 'clearance_m2: 47605').replace(
        '# A note is a citation',
        '# A comment changed',
      ),
    );
    await writeFile(path.join(dir, 'broken.yaml'), 'country: [unclosed\n');
    await writeFile(path.join(dir, 'fake.pdf'), '%PDF-1.7 not really');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('compares two data files by value: comments do not count', async () => {
    const r = await diff({ old: KOSOVO_FILE, new: 'new.yaml', cwd: dir });
    expect(r.kind === 'data' && r.changes.map(formatValueChange)).toEqual([
      'land_release.current.clearance_m2: 47065 -> 47605',
    ]);
    expect(isSame(await diff({ old: KOSOVO_FILE, new: KOSOVO_FILE, cwd: dir }))).toBe(true);
  });

  it('reads REV:path from the git revision (here from a stand-in for git show)', async () => {
    expect(revisionOf('HEAD~1:data/editions/2025/clearing-the-mines/kosovo.yaml')).toEqual({
      rev: 'HEAD~1',
      file: 'data/editions/2025/clearing-the-mines/kosovo.yaml',
    });
    expect(revisionOf('kosovo.yaml')).toBeUndefined();
    const asked: string[] = [];
    const readRevision = async (rev: string, file: string) => {
      asked.push(`${rev}:${file}`);
      return Buffer.from(KOSOVO_TEXT);
    };
    const r = await diff({
      old: 'HEAD~1:data/editions/2025/clearing-the-mines/kosovo.yaml',
      new: 'new.yaml',
      cwd: dir,
      readRevision,
    });
    expect(asked).toEqual(['HEAD~1:data/editions/2025/clearing-the-mines/kosovo.yaml']);
    expect(r.kind === 'data' && r.changes.length).toBe(1);
  });

  it('refuses (exit 2) a missing file, unreadable YAML, and a PDF against a data file', async () => {
    const failure = (o: string, n: string) =>
      diff({ old: o, new: n, cwd: dir }).catch((e: unknown) => e as UserError);
    const missing = await failure('nothere.yaml', 'new.yaml');
    expect(missing).toBeInstanceOf(UserError);
    expect((missing as UserError).exitCode).toBe(2);
    expect((missing as UserError).message).toMatch(/nothere\.yaml: no such file/);
    expect(((await failure('broken.yaml', 'new.yaml')) as UserError).message).toMatch(
      /^cannot read broken\.yaml: broken\.yaml:1:\d+: error: YAML/,
    );
    expect(((await failure('fake.pdf', 'new.yaml')) as UserError).message).toMatch(
      /cannot compare a PDF \(fake\.pdf\) with a data file/,
    );
  });

  it('never shows a line that is still on the page as removed and added', () => {
    // pdftotext read the footnote before the paragraph this time: nothing changed.
    expect(
      diffLines(['Head', 'para', 'note 1', 'foot'], ['Head', 'note 1', 'para', 'foot']),
    ).toEqual([]);
    // A real change beside a moved line still shows, and only it.
    expect(diffLines(['a', 'b', 'c'], ['c', 'a', 'B'])).toEqual([
      { sign: '-', text: 'b' },
      { sign: '+', text: 'B' },
    ]);
    // A line that appears once more than before is one addition.
    expect(diffLines(['x', 'y'], ['y', 'x', 'x'])).toEqual([{ sign: '+', text: 'x' }]);
  });
});
