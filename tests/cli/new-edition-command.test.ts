/** `keydata new-edition`: a checklist per country, and exit 2 rather than overwrite an edition. */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project.js';
import { runCli } from '../helpers/run-cli.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'keydata-new-edition-cli-'));
  await cp(path.join(PROJECT_ROOT, 'data'), path.join(root, 'data'), { recursive: true });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('keydata new-edition', () => {
  it('starts the edition and prints a checklist per country', async () => {
    const r = await runCli(
      ['new-edition', '2026', '--from', '2025', '--data', path.join(root, 'data')],
      root,
    );
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('clearing-the-mines 2026, started from 2025:');
    expect(lines).toContain('  [ ] fill published (marked { to_fill: 2026 })');
    expect(r.stdout).toMatch(
      /kosovo\.yaml {2}\(from .*2025\/clearing-the-mines\/kosovo\.yaml; status: draft\)\n {2}\[ \] fill 49 figure\(s\) marked \{ to_fill: 2026 \}/,
    );
    expect(r.stdout).toContain('land_release.current (4), tables.mined_area_by_district.rows (12)');
    expect(lines).toContain('  [x] land_release.current (2024) moved to land_release.previous');
    expect(r.stdout).toMatch(
      / {2}\[ \] review 25 text field\(s\) naming the old year: key_developments\.0, /,
    );
    expect(lines.at(-2)).toBe(
      'next: keydata validate --edition 2026   (lists every field still to fill)',
    );
  });

  it('then validate counts the edition metadata it checked with the country file', async () => {
    const file = path.join('data', 'editions', '2026', 'clearing-the-mines', 'kosovo.yaml');
    // A draft: each value to fill is a warning, failing only --strict.
    const draft = await runCli(['validate', file], root);
    expect(draft.code).toBe(0);
    expect(draft.stdout).toMatch(/_edition\.yaml:\d+:\d+: warning: published: still to fill/);
    expect(draft.stderr).toMatch(/^2 files checked: valid, \d+ warnings in 2 files, \d+ notes\n$/);
    expect((await runCli(['validate', '--strict', file], root)).code).toBe(1);
    // --final checks as build --final would: each is an error.
    const r = await runCli(['validate', '--final', file], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/_edition\.yaml:\d+:\d+: error: published: still to fill/);
    expect(r.stderr).toMatch(/^2 files checked: \d+ errors in 2 files\n$/);
  });

  it('refuses with exit 2 to overwrite an edition that exists', async () => {
    const r = await runCli(
      ['new-edition', '2026', '--from', '2025', '--data', path.join(root, 'data')],
      root,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^keydata: edition 2026 already exists/);
  });

  it('starts a Monitor edition that inherits every section', async () => {
    const r = await runCli(
      [
        'new-edition',
        '2020',
        '--from',
        '2019',
        '--report',
        'monitor-profile',
        '--data',
        path.join(root, 'data'),
      ],
      root,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      '  [x] mine_ban_policy: from the 2019 edition, last updated 18 December 2019',
    );
    expect(r.stdout).toContain(
      '  [x] support_for_mine_action: from the 2014 edition, last updated ',
    );
  });

  it('without --from starts each report kind from its newest earlier edition', async () => {
    const r = await runCli(['new-edition', '2027', '--data', path.join(root, 'data')], root);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('clearing-the-mines 2027, started from 2026:');
    // The Monitor's newest edition before 2027 is the 2026 the first test started from 2025.
    expect(lines).toContain('monitor-profile 2027, started from 2026:');
    const none = await runCli(
      ['new-edition', '2013', '--report', 'monitor-profile', '--data', path.join(root, 'data')],
      root,
    );
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^keydata: no monitor-profile edition before 2013 under /);
  });

  it('exits 2 on a year that is not one', async () => {
    const r = await runCli(['new-edition', 'next', '--from', '2025'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("keydata: the new edition expects a year such as 2026, got 'next'\n");
  });
});
