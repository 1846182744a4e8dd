import { describe, expect, it } from 'vitest';
import {
  formatPath,
  formatProblem,
  hasErrors,
  sortProblems,
  type Problem,
} from '../../src/data/problem.js';

const problem = (over: Partial<Problem>): Problem => ({
  file: 'kosovo.yaml',
  line: 1,
  column: 1,
  severity: 'error',
  path: '',
  message: 'm',
  ...over,
});

describe('formatProblem', () => {
  it('prints FILE:LINE:COL: severity: path: message', () => {
    expect(
      formatProblem(
        problem({
          line: 19,
          column: 19,
          path: 'land_release.current.clearance_m2',
          message: "expected a number of m², got 'n/a'",
        }),
      ),
    ).toBe(
      "kosovo.yaml:19:19: error: land_release.current.clearance_m2: expected a number of m², got 'n/a'",
    );
  });

  it('leaves the path out for a problem with the whole file', () => {
    expect(formatProblem(problem({ message: 'file is empty' }))).toBe(
      'kosovo.yaml:1:1: error: file is empty',
    );
  });
});

describe('formatPath', () => {
  it('joins keys and list indexes with dots', () => {
    expect(formatPath(['tables', 'clearance_by_district', 'rows', 2, 'area_m2'])).toBe(
      'tables.clearance_by_district.rows.2.area_m2',
    );
    expect(formatPath([])).toBe('');
  });
});

describe('hasErrors', () => {
  it('is true only when some problem is an error', () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([problem({ severity: 'warning' })])).toBe(false);
    expect(hasErrors([problem({ severity: 'warning' }), problem({})])).toBe(true);
  });
});

describe('sortProblems', () => {
  it('orders by file, line, then column, without changing its input', () => {
    const input = [
      problem({ file: 'b.yaml', line: 1 }),
      problem({ line: 10, column: 3 }),
      problem({ line: 10, column: 1 }),
      problem({ line: 2 }),
    ];
    const sorted = sortProblems(input);
    expect(sorted.map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual([
      'b.yaml:1:1',
      'kosovo.yaml:2:1',
      'kosovo.yaml:10:1',
      'kosovo.yaml:10:3',
    ]);
    expect(input[0]?.file).toBe('b.yaml');
  });
});
