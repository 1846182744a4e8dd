/**
 * `migrate`: upgrades data files on disk, atomically, with the migrations of each file's kind
 * (a test-only registry for the mechanism, the shipped one for Clearing the Mines 1 -> 2), and
 * `validate` sends old files to it. The inputs are Kosovo's files as written for schema 1.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/commands/migrate.js';
import { validate } from '../../src/commands/validate.js';
import { formatProblem } from '../../src/data/problem.js';
import { ROOT } from '../helpers/reports.js';

const V1 = path.join(ROOT, 'tests', 'fixtures', 'v1', '2025', 'clearing-the-mines');
import { TEST_MIGRATIONS } from '../helpers/test-migrations.js';

let root: string;
let dir: string;
let kosovo: string;
let meta: string;
const display = (f: string) => path.relative(root, f);

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'keydata-migrate-'));
  dir = path.join(root, '2025', 'clearing-the-mines');
  kosovo = path.join(dir, 'kosovo.yaml');
  meta = path.join(dir, '_edition.yaml');
  await cp(path.join(V1, 'kosovo.yaml'), kosovo);
  await cp(path.join(V1, '_edition.yaml'), meta);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('validate before migrating', () => {
  it('sends each old file to keydata migrate, at its schema_version, instead of reporting schema errors', async () => {
    const result = await validate({ files: [root], display, migrations: TEST_MIGRATIONS });
    expect(result.problems.map(formatProblem)).toEqual([
      '2025/clearing-the-mines/_edition.yaml:3:17: error: schema_version 1 is older than 2: run keydata migrate',
      '2025/clearing-the-mines/kosovo.yaml:2:17: error: schema_version 1 is older than 3: run keydata migrate',
    ]);
  });
});

describe('migrate', () => {
  it('upgrades every data file under a folder and writes it back, keeping comments', async () => {
    const before = await readFile(kosovo, 'utf8');
    const results = await migrate({ files: [root], display, migrations: TEST_MIGRATIONS });
    expect(results.map((r) => [display(r.file), r.kind, r.result.status, r.written])).toEqual([
      ['2025/clearing-the-mines/_edition.yaml', 'edition', 'migrated', true],
      ['2025/clearing-the-mines/kosovo.yaml', 'clearing-the-mines', 'migrated', true],
    ]);
    const after = await readFile(kosovo, 'utf8');
    expect(after.split('\n')[0]).toBe(before.split('\n')[0]);
    expect(after).toMatch(/^schema_version: 3$/m);
    expect(after).toMatch(/^ {2}operators:$/m);
    expect(await readFile(meta, 'utf8')).toMatch(/^license: /m);
    // Nothing is left behind by the atomic write, and a second run has nothing to do.
    expect((await readdir(dir)).sort()).toEqual(['_edition.yaml', 'kosovo.yaml']);
    const again = await migrate({ files: [root], display, migrations: TEST_MIGRATIONS });
    expect(again.map((r) => r.result.status)).toEqual(['current', 'current']);
    expect(
      (await validate({ files: [kosovo], display, migrations: TEST_MIGRATIONS })).problems.map(
        (p) => p.message,
      ),
    ).not.toContain(expect.stringMatching(/run keydata migrate/));
  });

  it('with check, reports what needs migrating and writes nothing', async () => {
    const before = await readFile(kosovo);
    const results = await migrate({ files: [kosovo], check: true, migrations: TEST_MIGRATIONS });
    expect(results).toEqual([
      expect.objectContaining({
        written: false,
        result: expect.objectContaining({ status: 'migrated', from: 1, to: 3 }),
      }),
    ]);
    expect(await readFile(kosovo)).toEqual(before);
  });

  it('with the shipped registry, upgrades a schema 1 Kosovo to 2, which then validates', async () => {
    const results = await migrate({ files: [root] });
    expect(results.map((r) => r.result)).toEqual([
      { status: 'current', version: 1 },
      expect.objectContaining({ status: 'migrated', from: 1, to: 2 }),
    ]);
    const problems = (await validate({ files: [root], display })).problems;
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  });

  it('selects files under an editions folder by edition, kind and country', async () => {
    const results = await migrate({
      editionsDir: root,
      edition: 2025,
      country: 'kosovo',
      check: true,
      migrations: TEST_MIGRATIONS,
    });
    expect(results.map((r) => path.basename(r.file))).toEqual(['_edition.yaml', 'kosovo.yaml']);
    await expect(migrate({ editionsDir: root, edition: 1999 })).rejects.toThrow(
      /no data files match/,
    );
  });

  it('leaves a broken or unidentifiable file untouched and reports it failed', async () => {
    await writeFile(kosovo, 'schema_version: 1\ncountry: Kosovo: Republic\n');
    const other = path.join(root, 'loose.yaml');
    await writeFile(other, 'schema_version: 1\n');
    const results = await migrate({ files: [kosovo, other], display, migrations: TEST_MIGRATIONS });
    expect(results.map((r) => r.result)).toEqual([
      {
        status: 'failed',
        message:
          '2025/clearing-the-mines/kosovo.yaml:2:10: error: YAML: Nested mappings are not allowed in compact mappings',
      },
      {
        status: 'failed',
        message: 'cannot tell the report kind (no `report:` field, not in a report kind folder)',
      },
    ]);
    expect(await readFile(kosovo, 'utf8')).toBe('schema_version: 1\ncountry: Kosovo: Republic\n');
  });

  it('refuses files together with a selection, and a file that does not exist', async () => {
    await expect(migrate({ files: [kosovo], country: 'kosovo' })).rejects.toThrow(/not both/);
    await expect(migrate({ files: [path.join(root, 'nope.yaml')] })).rejects.toThrow(
      /no such file/,
    );
  });
});
