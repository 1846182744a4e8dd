/** How problems print: text (with code frames), JSON, GitHub annotations, and the closing line. */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/data/problem.js';
import { formatProblems, summary } from '../../src/cli/problem-output.js';

const error: Problem = {
  file: 'data/x.yaml',
  line: 3,
  column: 10,
  severity: 'error',
  path: '',
  message: 'YAML: Nested mappings are not allowed in compact mappings',
  frame: '  2 | a: 1\n> 3 | country: A: B\n    |          ^',
};
const warning: Problem = {
  file: 'data/x, y.yaml',
  line: 9,
  column: 7,
  severity: 'warning',
  path: 'notes.n1',
  message: '50% off: 100%\nnext line',
};

describe('formatProblems', () => {
  it('text: one line per problem, the code frame indented under it', () => {
    expect(formatProblems([error, warning], 'text')).toBe(
      [
        'data/x.yaml:3:10: error: YAML: Nested mappings are not allowed in compact mappings',
        '      2 | a: 1',
        '    > 3 | country: A: B',
        '        |          ^',
        'data/x, y.yaml:9:7: warning: notes.n1: 50% off: 100%\nnext line',
        '',
      ].join('\n'),
    );
    expect(formatProblems([], 'text')).toBe('');
  });

  it('json: exactly file, line, column, severity, path and message (no frame)', () => {
    expect(JSON.parse(formatProblems([error], 'json'))).toEqual([
      {
        file: 'data/x.yaml',
        line: 3,
        column: 10,
        severity: 'error',
        path: '',
        message: error.message,
      },
    ]);
    expect(formatProblems([], 'json')).toBe('[]\n');
  });

  it('github: a workflow command per problem, escaped as GitHub requires', () => {
    expect(formatProblems([error, warning], 'github').split('\n')).toEqual([
      '::error file=data/x.yaml,line=3,col=10,title=keydata error::YAML: Nested mappings are not allowed in compact mappings',
      '::warning file=data/x%2C y.yaml,line=9,col=7,title=keydata warning%3A notes.n1::notes.n1: 50%25 off: 100%25%0Anext line',
      '',
    ]);
  });
});

describe('summary', () => {
  it('says "valid" when there is no error, counting warnings', () => {
    expect(summary(1, [])).toBe('1 file checked: valid');
    expect(summary(2, [warning])).toBe('2 files checked: valid, 1 warning in 1 file');
  });

  it('never says "valid" when --strict fails on warnings', () => {
    expect(summary(1, [warning], true)).toBe('1 file checked: 1 warning, not valid with --strict');
    expect(summary(1, [], true)).toBe('1 file checked: valid');
  });

  it('counts every file a problem names, and says how many files have problems', () => {
    const meta = { ...error, file: 'data/editions/2026/clearing-the-mines/_edition.yaml' };
    expect(summary(['data/x.yaml'], [error, error, meta])).toBe(
      '2 files checked: 3 errors in 2 files',
    );
  });

  it('counts errors and warnings', () => {
    expect(summary(3, [error, error, warning, warning])).toBe(
      '3 files checked: 2 errors, 2 warnings in 2 files',
    );
    expect(summary(1, [error])).toBe('1 file checked: 1 error');
  });
});
