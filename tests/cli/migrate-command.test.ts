/** `keydata migrate` from the command line, with the shipped registry. */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/reports.js';
import { runCli } from '../helpers/run-cli.js';

describe('keydata migrate', () => {
  it('--check finds every sample data file current, and exits 0', async () => {
    const run = await runCli(
      ['migrate', '--check', '--edition', '2025', '--report', 'clearing-the-mines'],
      ROOT,
    );
    // Every data file of the folder: Kosovo, the fictional samples and _edition.yaml.
    const dir = path.join(ROOT, 'data', 'editions', '2025', 'clearing-the-mines');
    const n = (await readdir(dir)).filter((f) => f.endsWith('.yaml')).length;
    expect(n).toBeGreaterThan(2);
    expect(run).toEqual({
      code: 0,
      stdout: '',
      stderr: `${n} file(s): 0 to migrate, ${n} up to date, 0 failed\n`,
    });
  });

  it('--check lists a schema 1 file to migrate and exits 1, writing nothing', async () => {
    const v1 = path.join(ROOT, 'tests', 'fixtures', 'v1', '2025', 'clearing-the-mines');
    const run = await runCli(['migrate', '--check', path.join(v1, 'borduria.yaml')], ROOT);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/borduria\.yaml: schema_version 1 -> 2\n/);
    expect(run.stdout).toContain('deadline + extension become original_deadline');
  });

  it('reports a file it cannot read as FAILED and exits 1', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'keydata-migrate-cli-'));
    try {
      await writeFile(path.join(dir, 'broken.yaml'), 'a: [1\n');
      const run = await runCli(['migrate', 'broken.yaml'], dir);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe(
        'FAILED   broken.yaml: broken.yaml:1:4: error: YAML: the [ list opened here is never closed with ]\n',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is 2 for a file that does not exist', async () => {
    expect(await runCli(['migrate', 'nope.yaml'], ROOT)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'keydata: nope.yaml: no such file\n',
    });
  });
});
