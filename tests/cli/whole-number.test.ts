/** Numeric flags out of range are usage errors (exit 2), never silently another value. */
import { describe, expect, it } from 'vitest';
import { parseWholeNumber } from '../../src/cli/whole-number.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { runCli } from '../helpers/run-cli.js';

describe('whole-number flags', () => {
  it('accept their range and refuse what lies outside it', () => {
    const range = { min: 1, max: 86_400, unit: 'seconds' };
    expect(parseWholeNumber('--timeout', '60', range)).toBe(60);
    expect(parseWholeNumber('--timeout', '86400', range)).toBe(86_400);
    expect(parseWholeNumber('--timeout', undefined, range)).toBeUndefined();
    for (const bad of ['0', '-5', '1.5', '', ' ', 'abc', '86401', '2147484', '1e30', 'Infinity'])
      expect(() => parseWholeNumber('--timeout', bad, range), bad).toThrow(
        /--timeout expects a whole number from 1 to 86400 seconds/,
      );
  });

  it.each([
    ['--timeout', '2147484'],
    ['--timeout', '99999999999'],
    ['--concurrency', '100000'],
  ])('build %s %s is a usage error, exit 2', async (flag, value) => {
    const r = await runCli(['build', '--edition', '2025', flag, value], PROJECT_ROOT);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^keydata: ${flag} expects a whole number from 1 to \\d+`));
  });
});
