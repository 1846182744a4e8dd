/**
 * `validate(options)`, the programmatic API behind `keydata validate`: which files, every
 * problem of every file once, edition metadata, and checks across editions.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../src/commands/validate.js';
import { UserError } from '../../src/errors.js';
import { formatProblem } from '../../src/data/problem.js';
import { ARCADIA_FILE, KOSOVO_FILE, ROOT } from '../helpers/reports.js';

const CROSS = path.join(ROOT, 'tests', 'fixtures', 'cross-edition');

let root: string;
const display = (f: string) => path.relative(root, f);
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'keydata-validate-core-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the sample data', () => {
  it("has two warnings, Kosovo's known Table 3 and Table 7 mismatches, and notes for its unchecked figures", async () => {
    const result = await validate({ edition: 2025, kind: 'clearing-the-mines', country: 'kosovo' });
    expect(result.files).toEqual([KOSOVO_FILE]);
    const notes = result.problems.filter((p) => p.severity === 'note');
    expect(notes.length).toBe(result.audits[0]?.audit?.counts.unchecked);
    expect(notes.every((p) => p.message.startsWith('unchecked figure'))).toBe(true);
    expect(result.problems.filter((p) => p.severity !== 'note').map(formatProblem)).toEqual([
      'data/editions/2025/clearing-the-mines/kosovo.yaml:112:22: warning: tables.gender_composition.rows.2.total_staff: ' +
        'HALO: managerial_staff plus operational_staff make 162 staff (28 + 134), more than the 155 of total_staff',
      'data/editions/2025/clearing-the-mines/kosovo.yaml:155:7: warning: tables.clearance_by_district.rows: ' +
        'the rows sum to 47,605m² cleared, but land_release.current.clearance_m2 (line 19) says 47,065m²',
    ]);
  });

  it('has no errors anywhere under data/', async () => {
    const result = await validate();
    expect(result.files).toContain(KOSOVO_FILE);
    expect(result.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  });
});

describe('which files', () => {
  it('refuses a selection that matches nothing, a missing file and files with a selection, as usage errors (exit 2)', async () => {
    const none = validate({ edition: 1999 });
    await expect(none).rejects.toBeInstanceOf(UserError);
    // It lists what there is, so the next try can be right.
    await expect(none).rejects.toThrow(
      /^no data files match --edition 1999 under data\/editions; there are: 2014 monitor-profile \(1 country\), 2019 monitor-profile \(\d+ countries\), 2025 clearing-the-mines \(\d+ countries\), 2025 monitor-profile \(\d+ countries\), 2025 clearing-cluster-munition-remnants \(\d+ countries\)$/,
    );
    const missing = validate({ files: ['no/such.yaml'] });
    await expect(missing).rejects.toBeInstanceOf(UserError);
    await expect(missing).rejects.toThrow('no/such.yaml: no such file');
    await expect(validate({ files: [KOSOVO_FILE], country: 'kosovo' })).rejects.toThrow(/not both/);
    await expect(validate({ files: [path.join(ROOT, 'src')] })).rejects.toThrow(
      /no data files in this folder/,
    );
  });

  it('resolves relative files against cwd (default: the project root)', async () => {
    expect(
      (await validate({ files: ['tests/fixtures/editions/2025/clearing-the-mines/arcadia.yaml'] }))
        .files,
    ).toEqual([ARCADIA_FILE]);
    expect(
      (await validate({ files: ['arcadia.yaml'], cwd: path.dirname(ARCADIA_FILE) })).files,
    ).toEqual([ARCADIA_FILE]);
  });

  it('checks an _edition.yaml named on its own as edition metadata', async () => {
    const result = await validate({
      files: [path.join(path.dirname(KOSOVO_FILE), '_edition.yaml')],
    });
    expect(result.problems).toEqual([]);
  });
});

describe('edition metadata shared by several files', () => {
  it('reports its problems once, not once per country file', async () => {
    const dir = path.join(root, 'shared', '2025', 'clearing-the-mines');
    await mkdir(dir, { recursive: true });
    const meta = await readFile(path.join(path.dirname(ARCADIA_FILE), '_edition.yaml'), 'utf8');
    await writeFile(
      path.join(dir, '_edition.yaml'),
      meta.replace('published: 2025-10-15', 'published: October 2025'),
    );
    await cp(ARCADIA_FILE, path.join(dir, 'arcadia.yaml'));
    await cp(ARCADIA_FILE, path.join(dir, 'arcadia-copy.yaml'));
    const result = await validate({ files: [path.join(root, 'shared')], display });
    expect(result.files).toHaveLength(3);
    expect(result.problems.map(formatProblem)).toEqual([
      "shared/2025/clearing-the-mines/_edition.yaml:8:12: error: published: expected a date written YYYY-MM-DD, got 'October 2025'",
    ]);
  });
});

describe('across editions', () => {
  it('compares each country with its earlier editions in the same editions folder', async () => {
    const result = await validate({ files: [CROSS], display: (f) => path.relative(CROSS, f) });
    expect(result.problems.map((p) => `${p.file} ${p.path}`)).toEqual([
      '2025/clearing-the-mines/arcadia.yaml key_data.contamination.area_m2',
      '2025/clearing-the-mines/arcadia.yaml land_release.previous.clearance_m2',
    ]);
  });

  it('does the same for a single file of a later edition', async () => {
    const result = await validate({
      files: [path.join(CROSS, '2025', 'clearing-the-mines', 'arcadia.yaml')],
    });
    expect(result.problems).toHaveLength(2);
    expect(result.problems[1]?.message).toMatch(
      /the 2024 edition reported 30,000m² \(tests\/fixtures\/cross-edition\/2024\/clearing-the-mines\/arcadia\.yaml:19/,
    );
  });
});
