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

const TABLE_3 =
  'data/editions/2025/clearing-the-mines/kosovo.yaml:112:22: warning: tables.gender_composition.rows.2.total_staff: ' +
  'HALO: managerial_staff plus operational_staff make 162 staff (28 + 134), more than the 155 of total_staff';
/** Problems other than notes: Kosovo's text also has figures nobody checked. */
const notNotes = (stdout: string) => stdout.split('\n').filter((l) => l && !l.includes(': note: '));

let dir: string;
let broken: string;
let unchecked: string;
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
  unchecked = path.join(editionDir, 'unchecked.yaml');
  await writeFile(
    unchecked,
    arcadia.replace('{three|checked: AFEC email, 2 February 2025} months', 'three months'),
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
    const run = await runCli(['validate', file], ROOT);
    expect(run.code).toBe(0);
    expect(notNotes(run.stdout)).toEqual([TABLE_3, TABLE_7]);
    expect(run.stderr).toMatch(/^1 file checked: valid, 2 warnings, \d+ notes\n$/);
    const strict = await runCli(['validate', file, '--strict'], ROOT);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(
      /^1 file checked: 2 warnings, not valid with --strict, \d+ notes\n$/,
    );
  });

  it('reports an unchecked figure as a note, which --strict ignores and --fail-on unchecked does not', async () => {
    const file = path.join('2025', 'clearing-the-mines', 'unchecked.yaml');
    const run = await runCli(['validate', file, '--strict'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^2025\/clearing-the-mines\/unchecked\.yaml:\d+:\d+: note: sections\.6\.subsections\.2\.blocks\.0\.p: unchecked figure "three" in "…teams were redeployed to flood relief for three months\."; nearest in the data: 3 \(/,
    );
    expect(run.stderr).toBe('1 file checked: valid, 1 note\n');
    expect((await runCli(['validate', file, '--fail-on', 'unchecked'], dir)).code).toBe(1);
    expect((await runCli(['validate', file, '--fail-on', 'warning'], dir)).code).toBe(0);
    expect(await runCli(['validate', file, '--fail-on', 'notes'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: "keydata: --fail-on expects a list of error, warning, unchecked, got 'notes'\n",
    });
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
    expect(run.code).toBe(0);
    expect(notNotes(run.stdout)).toEqual([TABLE_3, TABLE_7]);
  });

  it('checks every file under a folder, all problems of all files in one run', async () => {
    const run = await runCli(['validate', '.'], dir);
    expect(run.code).toBe(1);
    expect(notNotes(run.stdout).filter((l) => /^\S/.test(l))).toEqual([
      '2025/clearing-the-mines/arcadia.yaml:10:10: error: YAML: Nested mappings are not allowed in compact mappings',
      '2025/clearing-the-mines/typo.yaml:34:5: error: land_release.current.clearance_m2: missing required field (a number of m², { value: N, note: "[^id]" } or { missing: not_reported, not_applicable or unknown })',
      '2025/clearing-the-mines/typo.yaml:35:5: error: land_release.current.clearence_m2: unknown field; did you mean clearance_m2?',
    ]);
    expect(run.stderr).toBe('4 files checked: 3 errors in 2 files, 1 note\n');
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
    const problems = JSON.parse(run.stdout) as { severity: string }[];
    expect(problems.filter((p) => p.severity === 'note').length).toBeGreaterThan(0);
    expect(problems.filter((p) => p.severity !== 'note')).toEqual([
      {
        file: 'data/editions/2025/clearing-the-mines/kosovo.yaml',
        line: 112,
        column: 22,
        severity: 'warning',
        path: 'tables.gender_composition.rows.2.total_staff',
        message:
          'HALO: managerial_staff plus operational_staff make 162 staff (28 + 134), more than the 155 of total_staff',
      },
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

describe('the figures audit', () => {
  it('prints per file the figures derived, checked, hand-checked and unchecked', async () => {
    const run = await runCli(
      ['validate', path.relative(ROOT, ARCADIA_FILE), 'data/editions/2014', '--audit'],
      ROOT,
    );
    expect(run.code).toBe(0);
    const all = run.stdout.trimEnd().split('\n');
    const lines = all.slice(all.findIndex((l) => l.startsWith('figures audit')));
    expect(lines[0]?.split(/\s+/)).toEqual([
      'figures',
      'audit',
      'derived',
      'checked',
      'hand-checked',
      'unchecked',
    ]);
    expect(lines.slice(1).map((l) => l.split(/\s+/))).toEqual([
      ['tests/fixtures/editions/2025/clearing-the-mines/arcadia.yaml', '7', '12', '6', '0'],
      ['data/editions/2014/monitor-profile/kosovo.yaml', '7', '0', '0', '29'],
    ]);
  });

  it('adds the audit to the JSON, with each figure and what it matched', async () => {
    const run = await runCli(
      ['validate', 'unchecked.yaml', '--audit', '--format', 'json'],
      path.join(dir, '2025', 'clearing-the-mines'),
    );
    const out = JSON.parse(run.stdout);
    expect(out.problems).toHaveLength(1);
    expect(out.audit[0].counts).toEqual({
      derived: 7,
      checked: 12,
      'hand-checked': 5,
      unchecked: 1,
    });
    expect(out.audit[0].figures).toContainEqual({
      path: 'sections.6.subsections.2.blocks.0.p',
      text: 'three',
      status: 'unchecked',
    });
    expect(out.audit[0].figures).toContainEqual(
      expect.objectContaining({
        text: 'two',
        status: 'hand-checked',
        source: 'HHD staff list, 31 December 2024',
      }),
    );
  });
});

describe('github format', () => {
  it('prints GitHub Actions annotations, escaping what the workflow commands need', async () => {
    const run = await runCli(
      ['validate', path.relative(ROOT, KOSOVO_FILE), '--format', 'github'],
      ROOT,
    );
    const lines = run.stdout.split('\n');
    expect(lines).toContain(
      '::warning file=data/editions/2025/clearing-the-mines/kosovo.yaml,line=155,col=7,' +
        'title=keydata warning%3A tables.clearance_by_district.rows::tables.clearance_by_district.rows: ' +
        'the rows sum to 47,605m² cleared, but land_release.current.clearance_m2 (line 19) says 47,065m²',
    );
    // A note is GitHub's "notice".
    expect(lines.find((l) => l.includes('30,371m²'))).toMatch(
      /^::notice file=data\/editions\/2025\/clearing-the-mines\/kosovo\.yaml,line=\d+,col=\d+,title=keydata note%3A sections\.9\.subsections\.2\.blocks\.0\.p::/,
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
