/**
 * Issue 12, points 6, 7 and 9: a build shows its problems as validate does (also with
 * --quiet), --strict fails on warnings, --format github annotates; an empty shard says so and
 * exits 0; --volume-only builds the book without the countries' PDFs; --version.
 */
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inShard } from '../../src/commands/shard.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { VERSION } from '../../src/version.js';
import { runCli } from '../helpers/run-cli.js';
import { sharedBrowser } from '../support/shared-browser.js';

const TABLE_7 =
  'data/editions/2025/clearing-the-mines/kosovo.yaml:155:7: warning: tables.clearance_by_district.rows: the rows sum to 47,605m² cleared, but land_release.current.clearance_m2 (line 19) says 47,065m²';
const exists = (f: string) =>
  access(f).then(
    () => true,
    () => false,
  );

describe('keydata build: problems, shards, the volume alone', () => {
  let out: string;
  const build = (...args: string[]) =>
    runCli(
      [
        'build',
        '--edition',
        '2025',
        '--country',
        'kosovo',
        '--out',
        out,
        '--browser-ws-endpoint',
        sharedBrowser().browserWsEndpoint,
        ...args,
      ],
      PROJECT_ROOT,
    );
  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'keydata-build-problems-'));
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('prints each warning at its line even with --quiet, and says why a profile was built', async () => {
    const r = await build('--quiet');
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')).toContain(TABLE_7);
    // Table 7's total and Table 3's HALO staff.
    expect(r.stdout).toBe('1 built, 0 skipped, 0 failed, 2 warning(s)\n');
    const verbose = await build('--force');
    expect(verbose.stdout).toMatch(
      /2025\/clearing-the-mines\/kosovo\s+built\s+[\d.]+ s, forced \(--force\)/,
    );
  });

  it('with --strict fails on warnings, also of a skipped profile; --format github annotates the line', async () => {
    const r = await build('--quiet', '--strict', '--format', 'github');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '::warning file=data/editions/2025/clearing-the-mines/kosovo.yaml,line=155,col=7,title=keydata warning%3A tables.clearance_by_district.rows::',
    );
    expect(r.stdout).toContain('0 built, 1 skipped, 0 failed, 2 warning(s)');
    expect(r.stderr).toContain('keydata: --strict: 2 warning(s) fail the build');
  });

  it('says so when a shard holds no profile, and exits 0', async () => {
    const empty = [1, 2, 3, 4].find(
      (i) => !inShard('2025/clearing-the-mines/kosovo', { index: i, count: 4 }),
    );
    const r = await build('--shard', `${empty}/4`);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `keydata: shard ${empty}/4 holds none of the 1 selected profile(s): nothing to build`,
    );
  });

  it('builds only the volume with --volume-only, and the workflow uses it', async () => {
    const fresh = await mkdtemp(path.join(os.tmpdir(), 'keydata-volume-only-'));
    try {
      const r = await runCli(
        [
          'build',
          '--edition',
          '2025',
          '--report',
          'clearing-the-mines',
          '--out',
          fresh,
          '--volume-only',
          '--browser-ws-endpoint',
          sharedBrowser().browserWsEndpoint,
        ],
        PROJECT_ROOT,
      );
      expect(r.code).toBe(0);
      const dir = path.join(fresh, '2025', 'clearing-the-mines');
      expect(await exists(path.join(dir, 'clearing-the-mines-2025.pdf'))).toBe(true);
      expect(await exists(path.join(dir, 'kosovo.pdf'))).toBe(false);
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
    const workflow = await readFile(
      path.join(PROJECT_ROOT, '.github/workflows/edition.yml'),
      'utf8',
    );
    const volumeJob = workflow.slice(workflow.indexOf('\n  volume:'));
    expect(volumeJob).toMatch(/keydata build --edition "\$EDITION" --volume-only/);
    expect(workflow).not.toMatch(/if-no-files-found: error/);
  });

  it('refuses --volume-only with --shard: the book needs the whole edition', async () => {
    const r = await build('--volume-only', '--shard', '1/2');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('keydata: --volume needs the whole edition: build it without --shard\n');
  });

  it('refuses --formats site with --shard: the indexes list every country', async () => {
    const r = await build('--formats', 'pdf,site', '--shard', '1/2');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'keydata: --formats site needs the whole edition (its indexes list every country): build it without --shard\n',
    );
  });

  it('lists what exists when a selection matches nothing', async () => {
    const r = await runCli(
      ['build', '--edition', '2025', '--country', 'kosova', '--out', out],
      PROJECT_ROOT,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^keydata: no data files match --edition 2025 --country kosova under data\/editions; countries there: (\S+, )*kosovo(, \S+)*(, and \d+ more)?\n$/,
    );
  });
});

describe('keydata --version', () => {
  it('prints the version and exits 0', async () => {
    expect(await runCli(['--version'], PROJECT_ROOT)).toEqual({
      code: 0,
      stdout: `${VERSION}\n`,
      stderr: '',
    });
  });
});
