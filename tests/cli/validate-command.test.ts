/**
 * `keydata validate` as editors and CI use it: exit codes, the three output formats, files
 * named as given, code frames for syntax errors.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCADIA_FILE, KOSOVO_FILE, ROOT } from '../helpers/reports.js';
import { runCli } from '../helpers/run-cli.js';

const TABLE_7 =
  'data/editions/2025/clearing-the-mines/kosovo.yaml:155:7: warning: tables.clearance_by_district.rows: ' +
  'the rows sum to 47,605m² cleared, but land_release.current.clearance_m2 (line 19) says 47,065m²';

let dir: string;
let broken: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'keydata-validate-'));
  const editionDir = path.join(dir, '2025', 'clearing-the-mines');
  await mkdir(editionDir, { recursive: true });
  await writeFile(
    path.join(editionDir, '_edition.yaml'),
    await readFile(path.join(path.dirname(ARCADIA_FILE), '_edition.yaml')),
  );
  const arcadia = await readFile(ARCADIA_FILE, 'utf8');
  broken = path.join(editionDir, 'arcadia.yaml');
  await writeFile(
    broken,
    arcadia
      .replace('    clearance_m2: 2186450', '    clearance_m2: n/a')
      .replace('country: Arcadia', 'country: Arcadia: Republic of'),
  );
  await writeFile(
    path.join(editionDir, 'typo.yaml'),
    arcadia.replace('    clearance_m2: 2186450', '    clearence_m2: 2186450'),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('exit codes', () => {
  it('is 0 for clean data, and prints "valid"', async () => {
    const run = await runCli(['validate', path.relative(ROOT, ARCADIA_FILE)], ROOT);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '1 file checked: valid\n' });
  });

  it('is 0 for warnings, and 1 with --strict', async () => {
    const file = path.relative(ROOT, KOSOVO_FILE);
    expect(await runCli(['validate', file], ROOT)).toEqual({
      code: 0,
      stdout: `${TABLE_7}\n`,
      stderr: '1 file checked: valid, 1 warning\n',
    });
    const strict = await runCli(['validate', file, '--strict'], ROOT);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('1 file checked: 1 warning, not valid with --strict\n');
  });

  it('is 1 on errors', async () => {
    const run = await runCli(['validate', 'arcadia.yaml'], path.dirname(broken));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('1 file checked: 1 error\n');
  });

  it.each([
    [['validate', 'no-such-file.yaml'], 'keydata: no-such-file.yaml: no such file\n'],
    [
      ['validate', '--format', 'xml'],
      "keydata: --format expects one of text, json, github, got 'xml'\n",
    ],
    [
      ['validate', 'data', '--country', 'kosovo'],
      'keydata: give files, or --edition/--report/--country, not both\n',
    ],
    [['validate', '--edition', 'twenty'], "keydata: --edition expects a year, got 'twenty'\n"],
  ])('is 2 on misuse: %j', async (args, message) => {
    expect(await runCli(args, ROOT)).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('is 2 for an unknown option', async () => {
    expect((await runCli(['validate', '--stritc'], ROOT)).code).toBe(2);
  });
});

describe('selection', () => {
  it('checks a country of a report kind and edition under data/, printing the known Table 7 warning', async () => {
    const run = await runCli(
      ['validate', '--edition', '2025', '--report', 'clearing-the-mines', '--country', 'kosovo'],
      ROOT,
    );
    expect(run).toEqual({
      code: 0,
      stdout: `${TABLE_7}\n`,
      stderr: '1 file checked: valid, 1 warning\n',
    });
  });

  it('checks every file under a folder, all problems of all files in one run', async () => {
    const run = await runCli(['validate', '.'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter((l) => /^\S/.test(l))).toEqual([
      '2025/clearing-the-mines/arcadia.yaml:10:10: error: YAML: Nested mappings are not allowed in compact mappings',
      '2025/clearing-the-mines/typo.yaml:34:5: error: land_release.current.clearance_m2: missing required field (a number of m², { value: N, note: "[^id]" } or { missing: not_reported, not_applicable or unknown })',
      '2025/clearing-the-mines/typo.yaml:35:5: error: land_release.current.clearence_m2: unknown field; did you mean clearance_m2?',
    ]);
    expect(run.stderr).toBe('3 files checked: 3 errors in 2 files\n');
  });
});

describe('text format', () => {
  it('names the file as given and prints a code frame under a syntax error', async () => {
    const run = await runCli(
      ['validate', path.join('2025', 'clearing-the-mines', 'arcadia.yaml')],
      dir,
    );
    expect(run.stdout).toBe(
      [
        '2025/clearing-the-mines/arcadia.yaml:10:10: error: YAML: Nested mappings are not allowed in compact mappings',
        '       9 | edition: 2025',
        '    > 10 | country: Arcadia: Republic of',
        '         |          ^',
        '      11 |',
        '',
      ].join('\n'),
    );
  });
});

describe('json format', () => {
  it('prints a list of {file, line, column, severity, path, message}', async () => {
    const run = await runCli(
      ['validate', path.relative(ROOT, KOSOVO_FILE), '--format', 'json'],
      ROOT,
    );
    expect(JSON.parse(run.stdout)).toEqual([
      {
        file: 'data/editions/2025/clearing-the-mines/kosovo.yaml',
        line: 155,
        column: 7,
        severity: 'warning',
        path: 'tables.clearance_by_district.rows',
        message:
          'the rows sum to 47,605m² cleared, but land_release.current.clearance_m2 (line 19) says 47,065m²',
      },
    ]);
  });

  it('prints an empty list for clean data', async () => {
    expect(
      JSON.parse(
        (await runCli(['validate', path.relative(ROOT, ARCADIA_FILE), '--format', 'json'], ROOT))
          .stdout,
      ),
    ).toEqual([]);
  });
});

describe('github format', () => {
  it('prints GitHub Actions annotations, escaping what the workflow commands need', async () => {
    const run = await runCli(
      ['validate', path.relative(ROOT, KOSOVO_FILE), '--format', 'github'],
      ROOT,
    );
    expect(run.stdout).toBe(
      '::warning file=data/editions/2025/clearing-the-mines/kosovo.yaml,line=155,col=7,' +
        'title=keydata warning%3A tables.clearance_by_district.rows::tables.clearance_by_district.rows: ' +
        'the rows sum to 47,605m² cleared, but land_release.current.clearance_m2 (line 19) says 47,065m²\n',
    );
    const typo = await runCli(
      ['validate', '2025/clearing-the-mines/typo.yaml', '--format', 'github'],
      dir,
    );
    expect(typo.stdout.split('\n')[1]).toBe(
      '::error file=2025/clearing-the-mines/typo.yaml,line=35,col=5,title=keydata error%3A land_release.current.clearence_m2::' +
        'land_release.current.clearence_m2: unknown field; did you mean clearance_m2?',
    );
  });
});
