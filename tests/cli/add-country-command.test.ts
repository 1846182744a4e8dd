/**
 * `keydata add-country`, then `keydata build` of the new draft: warnings located at each
 * value to fill, exit 0; --strict and --final fail (exit 1); exit 2 rather than overwrite.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project.js';
import { withoutSamples } from '../helpers/samples.js';
import { runCli } from '../helpers/run-cli.js';
import { sharedBrowser } from '../support/shared-browser.js';

let root: string;
let data: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'keydata-add-country-cli-'));
  data = path.join(root, 'data');
  await cp(path.join(PROJECT_ROOT, 'data'), data, { recursive: true, filter: withoutSamples });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const args = ['--report', 'clearing-the-mines', '--country', 'zenda'];

describe('keydata add-country', () => {
  it('writes the file and prints what to fill', async () => {
    const r = await runCli(['add-country', '2025', ...args, '--data', data], root);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(path.join(data, 'editions', '2025', 'clearing-the-mines', 'zenda.yaml'));
    expect(lines[1]).toMatch(
      /^ {2}\[ \] fill \d+ value\(s\) marked \{ to_fill: 2025 \}: key_data\.contamination\.area_m2, /,
    );
  });

  it('refuses with exit 2 to overwrite it, naming the file', async () => {
    const r = await runCli(['add-country', '2025', ...args, '--data', data], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^keydata: .*zenda\.yaml already exists: add-country never overwrites a file\n$/,
    );
  });

  it('needs --report and --country, and a year', async () => {
    expect(
      (await runCli(['add-country', '2025', '--country', 'x', '--data', data], root)).code,
    ).toBe(2);
    expect((await runCli(['add-country', 'next', ...args, '--data', data], root)).code).toBe(2);
  });

  it('builds as a draft: each value to fill a located warning, exit 0; --strict and --final exit 1', async () => {
    const build = (...extra: string[]) =>
      runCli(
        [
          'build',
          '--edition',
          '2025',
          ...args,
          '--data',
          data,
          '--out',
          path.join(root, 'out'),
          '--force',
          '--browser-ws-endpoint',
          sharedBrowser().browserWsEndpoint,
          ...extra,
        ],
        root,
      );
    const draft = await build();
    expect(draft.code, draft.stderr).toBe(0);
    const all = draft.stdout + draft.stderr;
    expect(all).toMatch(
      /zenda\.yaml:\d+:\d+: warning: land_release\.current\.clearance_m2: still to fill for the 2025 edition/,
    );
    expect((await build('--strict')).code).toBe(1);
    const final = await build('--final');
    expect(final.code).toBe(1);
    expect(final.stdout + final.stderr).toMatch(
      /zenda\.yaml:\d+:\d+: error: land_release\.current\.clearance_m2: still to fill for the 2025 edition\n/,
    );
  });
});
