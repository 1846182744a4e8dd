/** The build command's editor-workflow flags: --final and the export formats. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project.js';
import { runCli } from '../helpers/run-cli.js';
import { withoutSamples } from '../helpers/samples.js';

describe('keydata build', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'keydata-build-cli-'));
    // Clearing the Mines only: the 2025 Monitor samples would need the reference data too.
    await cp(
      path.join(PROJECT_ROOT, 'data', 'editions', '2025', 'clearing-the-mines'),
      path.join(root, 'data', 'editions', '2025', 'clearing-the-mines'),
      { recursive: true, filter: withoutSamples },
    );
    const file = path.join(root, 'data', 'editions', '2025', 'clearing-the-mines', 'kosovo.yaml');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(/\nstatus: final\n/, '\nstatus: draft\n'),
    );
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('with --final refuses a draft (exit 1), saying why, and prints nothing', async () => {
    const r = await runCli(
      [
        'build',
        '--edition',
        '2025',
        '--final',
        '--data',
        path.join(root, 'data'),
        '--out',
        path.join(root, 'out'),
      ],
      root,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /2025\/clearing-the-mines\/kosovo\s+failed\s+not final \(status: draft\): --final builds only profiles marked status: final/,
    );
    expect(r.stderr).toContain('building 0 of 1 profile(s); 0 unchanged; 1 not final');
    await expect(
      readFile(path.join(root, 'out', '2025', 'clearing-the-mines', 'kosovo.pdf')),
    ).rejects.toThrow();
  });

  it('knows the export formats, and names them when given another (exit 2)', async () => {
    const r = await runCli(
      ['build', '--edition', '2025', '--formats', 'pdf,xlsx', '--data', path.join(root, 'data')],
      root,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "keydata: --formats: unknown 'xlsx'; known: pdf, html, csv, svg, png, overview, site\n",
    );
  });
});
