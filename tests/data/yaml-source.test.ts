/**
 * Reading a file never throws for bad content: every problem comes back with the line and
 * column an editor can jump to.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/data/problem.js';
import { MAX_FLOW_NESTING } from '../../src/data/yaml-errors.js';
import {
  loadYaml,
  locate,
  MAX_ALIAS_COUNT,
  MAX_FILE_BYTES,
  parseYaml,
} from '../../src/data/yaml-source.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The problems of text that must not parse. */
function refused(input: string | Uint8Array): Problem[] {
  const result = parseYaml(typeof input === 'string' ? utf8(input) : input, 'bad.yaml');
  expect(result.ok, 'the input should be refused').toBe(false);
  return result.problems;
}

const at = (p: Problem | undefined) => p && `${p.line}:${p.column}`;

describe('YAML syntax errors', () => {
  it('reports a nested mapping on one line at the second colon', () => {
    const problems = refused(
      [
        'schema_version: 1',
        'report: clearing-the-mines',
        'country: Kosovo: Republic of',
        'edition: 2025',
      ].join('\n'),
    );
    expect(problems).toEqual([
      {
        file: 'bad.yaml',
        line: 3,
        column: 10,
        severity: 'error',
        path: '',
        message: 'YAML: Nested mappings are not allowed in compact mappings',
        frame: [
          '  2 | report: clearing-the-mines',
          '> 3 | country: Kosovo: Republic of',
          '    |          ^',
          '  4 | edition: 2025',
        ].join('\n'),
      },
    ]);
  });

  it('reports only the first syntax error, counting the ones that may follow from it', () => {
    const problems = refused(
      [
        'land_release:',
        '  current:',
        '    year: 2024',
        '   clearance_m2: 1',
        '    mines_destroyed: 2',
        '',
      ].join('\n'),
    );
    expect(problems).toHaveLength(1);
    expect(at(problems[0])).toBe('4:1');
    expect(problems[0]?.message).toMatch(
      /^YAML: All mapping items must start at the same column \(\d+ more YAML error\(s\) after this one may follow from it\)$/,
    );
  });

  it('reports an unclosed quote where it was opened, not at the end of the file', () => {
    const problems = refused(
      ['schema_version: 1', 'country: "Kosovo', 'edition: 2025', 'notes:', '  n1: Email.', ''].join(
        '\n',
      ),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      line: 2,
      column: 10,
      message: 'YAML: the double quote opened here is never closed',
    });
    expect(refused("a: 'it''s\nb: 2\n")[0]).toMatchObject({
      line: 1,
      column: 4,
      message: 'YAML: the single quote opened here is never closed',
    });
    expect(refused('a: "say \\"hi\\"\nb: 2\n')[0]).toMatchObject({ line: 1, column: 4 });
  });

  it('reports an unclosed flow list or mapping at its opening bracket', () => {
    expect(refused('main_operators: [HALO, NPA\ncountry: Kosovo\n')[0]).toMatchObject({
      line: 1,
      column: 17,
      message: 'YAML: the [ list opened here is never closed with ]',
    });
    expect(refused('a:\n  - [1, [2, 3]\n  - 4\n')[0]).toMatchObject({ line: 2, column: 5 });
    expect(refused('marks: {operator: "*"\nb: 1\n')[0]).toMatchObject({
      line: 1,
      column: 8,
      message: 'YAML: the { mapping opened here is never closed with }',
    });
  });

  it('refuses a second document in the file, in its own words', () => {
    const problems = refused('country: Kosovo\n---\nedition: 2025\n');
    expect(problems[0]).toMatchObject({ line: 2, column: 1 });
    expect(problems[0]?.message).toMatch(/^YAML: more than one document in the file/);
  });

  it('reports a key indented one space short at that key', () => {
    const problems = refused(
      ['key_data:', '  article5:', '    status: party', '   deadline: 2028-03-01', ''].join('\n'),
    );
    expect(problems).toHaveLength(1);
    expect(at(problems[0])).toBe('4:1');
    expect(problems[0]?.message).toBe('YAML: All mapping items must start at the same column');
  });

  it('reports a line that is neither a key nor a list item', () => {
    const problems = refused(['country: Kosovo', 'edition', ''].join('\n'));
    expect(at(problems[0])).toBe('2:1');
    expect(problems[0]?.message).toBe('YAML: Implicit map keys need to be followed by map values');
  });

  it('refuses tabs used for indentation', () => {
    const problems = refused('key_data:\n\tarticle5: {}\n');
    expect(at(problems[0])).toBe('2:1');
    expect(problems[0]?.message).toMatch(/Tabs/);
  });

  it('refuses an unquoted value starting with "*" (an alias), as in a table note, at the "*", saying to quote it', () => {
    const problems = refused(['notes:', '  - *Data correct as at December 2024.', ''].join('\n'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      line: 2,
      column: 5,
      severity: 'error',
      message:
        'YAML: a value that starts with "*" must be quoted (YAML reads *Name as an alias), e.g. "*Data correct..."',
    });
  });

  it('refuses an alias whose anchor is not defined before it, at the alias', () => {
    expect(refused('country: Kosovo\nmain_operators: *ops\n')).toEqual([
      expect.objectContaining({
        line: 2,
        column: 17,
        message: expect.stringMatching(/^YAML: alias \*ops names no anchor &ops defined before it/),
      }),
    ]);
  });

  it('refuses a key that is a list or a mapping, without a warning printed by the parser', () => {
    expect(refused('? [a, b]\n: 1\n')).toEqual([
      expect.objectContaining({
        line: 1,
        column: 3,
        message: 'YAML: a key must be plain text, not a list',
      }),
    ]);
  });

  it('does not include "at line N" in the message: the location is already given', () => {
    for (const p of refused('a: [1, 2\nb: 3\n')) expect(p.message).not.toMatch(/at line \d+/);
  });
});

describe('duplicate keys', () => {
  it('are refused at the second occurrence', () => {
    const problems = refused(
      [
        'schema_version: 1',
        'report: clearing-the-mines',
        'country: Kosovo',
        'country: Serbia',
        '',
      ].join('\n'),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 4, column: 1, severity: 'error', path: '' });
    expect(problems[0]?.message).toBe(
      "YAML: duplicate key 'country' (first at line 3); a field appears once",
    );
  });

  it('reports every duplicate key, not only the first problem', () => {
    const problems = refused(
      ['country: Kosovo', 'country: Serbia', 'edition: 2025', 'edition: 2024', ''].join('\n'),
    );
    expect(problems.map((p) => `${at(p)} ${p.message}`)).toEqual([
      "2:1 YAML: duplicate key 'country' (first at line 1); a field appears once",
      "4:1 YAML: duplicate key 'edition' (first at line 3); a field appears once",
    ]);
  });

  it('are refused inside nested mappings, at the repeated key', () => {
    const problems = refused(
      [
        'land_release:',
        '  current:',
        '    year: 2024',
        '    clearance_m2: 1',
        '    year: 2023',
        '',
      ].join('\n'),
    );
    expect(at(problems[0])).toBe('5:5');
  });

  it('are refused in flow mappings', () => {
    const problems = refused('marks: {operator: "*", operator: "†"}\n');
    expect(at(problems[0])).toBe('1:24');
  });
});

describe('alias expansion ("billion laughs")', () => {
  it('is refused quickly instead of exhausting memory', () => {
    const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [name, prev] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
      ['g', 'f'],
      ['h', 'g'],
      ['i', 'h'],
    ]) {
      lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const started = Date.now();
    const problems = refused(lines.join('\n'));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, column: 8, severity: 'error', path: '' }); // the first alias, *a
    expect(problems[0]?.message).toBe(
      `YAML: aliases expand to too many values (the limit is ${MAX_ALIAS_COUNT} alias uses); refused as an alias bomb`,
    );
  });

  it('refuses deeply nested brackets before parsing, quickly', () => {
    const started = Date.now();
    const problems = refused(`a: 1\nb: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 2,
        column: 4,
        message: `YAML: more than ${MAX_FLOW_NESTING} brackets opened in a row; refused as a nesting bomb`,
      }),
    ]);
    expect(parseYaml(utf8(`a: ${'['.repeat(10)}${']'.repeat(10)}\n`), 'ok.yaml').ok).toBe(true);
  });

  it('still allows a few ordinary aliases', () => {
    const result = parseYaml(
      utf8('operators: &ops [HALO, NPA]\nmain_operators: *ops\n'),
      'ok.yaml',
    );
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.source.value).toEqual({
        operators: ['HALO', 'NPA'],
        main_operators: ['HALO', 'NPA'],
      });
  });
});

describe('text encoding', () => {
  it('refuses bytes that are not UTF-8, at the first bad character (a Latin-1 "ô" on line 3)', () => {
    const bytes = new Uint8Array([
      ...utf8('schema_version: 1\nreport: clearing-the-mines\ncountry: C'),
      0xf4,
      ...utf8("te d'Ivoire\n"),
    ]);
    expect(refused(bytes)).toEqual([
      {
        file: 'bad.yaml',
        line: 3,
        column: 11,
        severity: 'error',
        path: '',
        message: 'file is not valid UTF-8 text',
      },
    ]);
  });

  it('counts columns in characters, not bytes, before the bad byte', () => {
    const bytes = new Uint8Array([...utf8('a: 1\nb: Gjakovë '), 0xff, ...utf8('\n')]);
    expect(at(refused(bytes)[0])).toBe('2:12'); // "ë" is two bytes but one column
  });

  it('locates a bad byte at the very start', () => {
    expect(at(refused(new Uint8Array([0xff, 0xfe, 0x61]))[0])).toBe('1:1');
  });

  it('locates a multi-byte sequence cut short at the end of the file', () => {
    expect(at(refused(new Uint8Array([...utf8('a: 1\nb: x'), 0xc3]))[0])).toBe('2:5');
  });

  it('refuses control characters (a binary file that decodes as UTF-8), at the first one', () => {
    expect(refused('country: Test\u0000land\n')).toEqual([
      expect.objectContaining({
        line: 1,
        column: 14,
        message: 'file holds a control character (U+0000); a data file is plain text',
      }),
    ]);
    expect(parseYaml(utf8('a: "tab\there"\r\nb: 2\r\n'), 'ok.yaml').ok).toBe(true);
  });

  it('accepts a UTF-8 byte order mark', () => {
    const result = parseYaml(
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('country: Kosovo\n')]),
      'bom.yaml',
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.source.value).toEqual({ country: 'Kosovo' });
  });
});

describe('files without a mapping at the top', () => {
  it.each([
    ['an empty file', ''],
    ['only blank lines', '\n  \n\n'],
    ['only comments', '# yaml-language-server: $schema=../schema.json\n# nothing yet\n'],
  ])('refuses %s as empty, at 1:1', (_what, text) => {
    expect(refused(text)).toEqual([
      {
        file: 'bad.yaml',
        line: 1,
        column: 1,
        severity: 'error',
        path: '',
        message: 'file is empty',
      },
    ]);
  });

  it('tells a file of many comment lines and some content from an empty one, without slowing down', () => {
    const started = Date.now();
    const result = parseYaml(utf8(`${'# comment\n'.repeat(200)}country: Kosovo\n`), 'ok.yaml');
    expect(Date.now() - started).toBeLessThan(500);
    expect(result.ok).toBe(true);
  });

  it('refuses a list at the top level', () => {
    expect(refused('- country: Kosovo\n- country: Serbia\n')).toEqual([
      {
        file: 'bad.yaml',
        line: 1,
        column: 1,
        severity: 'error',
        path: '',
        message: 'expected a mapping of fields at the top level, got a list',
      },
    ]);
  });

  it('refuses a single value at the top level', () => {
    expect(refused('Kosovo\n')[0]?.message).toBe(
      'expected a mapping of fields at the top level, got a single string',
    );
    expect(refused('42\n')[0]?.message).toBe(
      'expected a mapping of fields at the top level, got a single number',
    );
    expect(refused('null\n')[0]?.message).toBe(
      'expected a mapping of fields at the top level, got empty',
    );
  });
});

describe('YAML warnings', () => {
  it('are passed on as located warnings without refusing the file', () => {
    const result = parseYaml(utf8('country: Kosovo\nedition: !!unknown 2025\n'), 'warn.yaml');
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([
      expect.objectContaining({ line: 2, column: 10, severity: 'warning', path: '' }),
    ]);
  });
});

describe('locate', () => {
  const text = [
    'country: Kosovo', // 1
    'land_release:', // 2
    '  current:', // 3
    '    year: 2024', // 4
    '    clearance_m2: 47065', // 5
    'sections:', // 6
    '  - heading: Contamination', // 7
    '    blocks:', // 8
    '      - p: Text.', // 9
    '      - table: mined_area_by_district', // 10
    '',
  ].join('\n');
  const result = parseYaml(utf8(text), 'loc.yaml');
  if (!result.ok) throw new Error('fixture text should parse');
  const { source } = result;

  it('finds a scalar value', () => {
    expect(locate(source, ['land_release', 'current', 'clearance_m2'])).toEqual({
      line: 5,
      column: 19,
    });
  });

  it('walks list items by index', () => {
    expect(locate(source, ['sections', 0, 'blocks', 1, 'table'])).toEqual({ line: 10, column: 16 });
  });

  it('falls back to the nearest existing ancestor for a missing field', () => {
    expect(locate(source, ['land_release', 'current', 'mines_destroyed'])).toEqual({
      line: 4,
      column: 5,
    });
    expect(locate(source, ['sections', 5, 'heading'])).toEqual({ line: 7, column: 3 });
  });

  it('finds a key itself when asked, not the mapping under it', () => {
    expect(locate(source, ['land_release', 'current'])).toEqual({ line: 4, column: 5 });
    expect(locate(source, ['land_release', 'current'], { key: true })).toEqual({
      line: 3,
      column: 3,
    });
    expect(locate(source, ['country'], { key: true })).toEqual({ line: 1, column: 1 });
  });

  it('gives the start of the file for the empty path', () => {
    expect(locate(source, [])).toEqual({ line: 1, column: 1 });
  });
});

describe('loadYaml', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'keydata-yaml-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads and parses a file, reporting it under its display name', async () => {
    const file = path.join(dir, 'ok.yaml');
    await writeFile(file, 'country: Kosovo\n');
    const result = await loadYaml(file, 'data/ok.yaml');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.source.file).toBe('data/ok.yaml');
      expect(result.source.value).toEqual({ country: 'Kosovo' });
    }
  });

  it('reports a missing file instead of throwing', async () => {
    const result = await loadYaml(path.join(dir, 'nope.yaml'), 'nope.yaml');
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({
      file: 'nope.yaml',
      line: 1,
      column: 1,
      severity: 'error',
    });
    expect(result.problems[0]?.message).toMatch(/^cannot read file/);
  });

  it('reports a folder given as a file', async () => {
    const result = await loadYaml(dir, 'folder');
    expect(result.problems[0]?.message).toBe('not a file');
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const file = path.join(dir, 'huge.yaml');
    await writeFile(file, `x: "${'a'.repeat(MAX_FILE_BYTES)}"\n`);
    const result = await loadYaml(file, 'huge.yaml');
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.message).toMatch(new RegExp(`the limit is ${MAX_FILE_BYTES}$`));
  });
});
