/**
 * Data is read only from inside its data folder: a data file that is a link to a file
 * elsewhere used to be followed silently, and `validate` printed that file's lines in its
 * code frames. Now it is a located error that shows nothing of the file; links that stay
 * inside the folder still work.
 */
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFolderOf, leavesDataFolder } from '../../src/data/data-folder.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { runCli } from '../helpers/run-cli.js';

describe('links out of the data folder', () => {
  let root: string;
  let data: string;
  let dir: string;
  let secret: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'keydata-links-'));
    data = path.join(root, 'data');
    dir = path.join(data, 'editions', '2025', 'clearing-the-mines');
    await mkdir(dir, { recursive: true });
    await cp(path.join(PROJECT_ROOT, 'data/editions/2025/clearing-the-mines'), dir, {
      recursive: true,
    });
    secret = path.join(root, 'secret.yaml');
    await writeFile(secret, 'root:SECRET-LINE-1:\n  - {{{ SECRET-LINE-2\n');
    await symlink(secret, path.join(dir, 'outside.yaml'));
    await symlink(path.join(dir, 'kosovo.yaml'), path.join(dir, 'inside.yaml'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('knows the data folder of a file', () => {
    expect(dataFolderOf(path.join(dir, 'kosovo.yaml'))).toBe(data);
    expect(dataFolderOf(path.join(data, 'reference', 'exchange-rates.yaml'))).toBe(data);
    expect(dataFolderOf('/somewhere/file.yaml')).toBe('/somewhere');
  });

  it('refuses a link that leaves it and follows one that stays inside', async () => {
    expect(await leavesDataFolder(path.join(dir, 'outside.yaml'))).toBe(
      `a link to ${secret}, outside the data folder ${data}: data is read only from inside it`,
    );
    expect(await leavesDataFolder(path.join(dir, 'inside.yaml'))).toBeUndefined();
    expect(await leavesDataFolder(path.join(dir, 'kosovo.yaml'))).toBeUndefined();
  });

  it('validate says so at the file, shows none of its lines, and checks the rest', async () => {
    for (const args of [[data], [path.join(dir, 'outside.yaml')]]) {
      const r = await runCli(
        ['validate', ...args.map((a) => (a === data ? path.join(data, 'editions') : a))],
        root,
      );
      const out = r.stdout + r.stderr;
      expect(r.code).toBe(1);
      expect(out).toContain(
        `outside.yaml:1:1: error: a link to ${secret}, outside the data folder ${data}: data is read only from inside it`,
      );
      expect(out).not.toContain('SECRET-LINE');
    }
    const all = await runCli(['validate', path.join(data, 'editions')], root);
    expect(all.stdout + all.stderr).toMatch(
      /inside\.yaml:155:7: warning: tables\.clearance_by_district/,
    );
  });

  it('build refuses it like any invalid file, without a browser', async () => {
    const r = await runCli(
      [
        'build',
        '--edition',
        '2025',
        '--country',
        'outside',
        '--data',
        data,
        '--out',
        path.join(root, 'out'),
      ],
      root,
    );
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('outside the data folder');
    expect(r.stdout + r.stderr).not.toContain('SECRET-LINE');
  });
});
