/** `keydata preview` as started from a terminal: prints its address, serves, stops on Ctrl-C. */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project.js';
import { runCli } from '../helpers/run-cli.js';
import { compiledCli } from '../support/compiled-cli.js';

/** bin/keydata.js, once dist/ is compiled (the compile runs while the first tests do). */
let CLI = '';
beforeAll(async () => {
  CLI = await compiledCli();
});

describe('keydata preview', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'keydata-preview-cli-'));
    await cp(
      path.join(PROJECT_ROOT, 'data', 'editions', '2019'),
      path.join(root, 'data', 'editions', '2019'),
      { recursive: true },
    );
    await cp(
      path.join(PROJECT_ROOT, 'data', 'editions', '2014'),
      path.join(root, 'data', 'editions', '2014'),
      { recursive: true },
    );
    await cp(path.join(PROJECT_ROOT, 'data', 'reference'), path.join(root, 'data', 'reference'), {
      recursive: true,
    });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('prints its address on 127.0.0.1, logs each build, serves the pages, and stops cleanly on Ctrl-C', async () => {
    const child = spawn(
      process.execPath,
      [
        CLI,
        'preview',
        '--edition',
        '2019',
        '--report',
        'monitor-profile',
        '--country',
        'kosovo',
        '--port',
        '0',
        '--data',
        path.join(root, 'data'),
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    try {
      const until = Date.now() + 60_000;
      while (!/build 1: /.test(stderr) && Date.now() < until && child.exitCode === null)
        await new Promise((r) => setTimeout(r, 100));
      const url = /preview: (http:\/\/127\.0\.0\.1:\d+\/) {2}\(Ctrl-C to stop\)/.exec(stdout)?.[1];
      expect(url, stderr).toBeDefined();
      expect(stderr).toMatch(/\d\d:\d\d:\d\d build 1: 5 pages in \d+\.\d s, 1 warning/);
      const html = await (await fetch(url as string)).text();
      expect(html).toMatch(/<h1 class="mp-country" id="top"[^>]*>Kosovo<\/h1>/);
      expect(html).toContain('class="kd-page"');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('preview stopped');
  });

  it('exits 2 for a country that has no data file, or a port that is not one', async () => {
    const none = await runCli(
      [
        'preview',
        '--edition',
        '2019',
        '--report',
        'monitor-profile',
        '--country',
        'atlantis',
        '--data',
        path.join(root, 'data'),
      ],
      root,
    );
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/atlantis\.yaml: no such file/);
    const port = await runCli(
      [
        'preview',
        '--edition',
        '2019',
        '--report',
        'monitor-profile',
        '--country',
        'kosovo',
        '--port',
        'http',
      ],
      root,
    );
    expect(port).toMatchObject({
      code: 2,
      stderr: "keydata: --port expects a port number (0 picks a free one), got 'http'\n",
    });
  });
});

describe('keydata preview --site', () => {
  let root: string;
  let out: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'keydata-preview-site-'));
    out = path.join(root, 'out');
    await cp(path.join(PROJECT_ROOT, 'data'), path.join(root, 'data'), { recursive: true });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('says to build the site first when there is none', async () => {
    const r = await runCli(['preview', '--site', '--edition', '2019', '--out', out], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /site\/index\.html is not built: run keydata build --edition 2019 --formats pdf,site first/,
    );
  });

  it('serves the built site with its policy, and stops cleanly on Ctrl-C', async () => {
    const built = await runCli(
      [
        'build',
        '--edition',
        '2019',
        '--formats',
        'site',
        '--data',
        path.join(root, 'data'),
        '--out',
        out,
        '--quiet',
      ],
      root,
    );
    expect(built.code, built.stderr).toBe(0);
    const child = spawn(
      process.execPath,
      [CLI, 'preview', '--site', '--edition', '2019', '--out', out, '--port', '0'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    try {
      const until = Date.now() + 30_000;
      while (!/site: /.test(stdout) && Date.now() < until && child.exitCode === null)
        await new Promise((r) => setTimeout(r, 100));
      const url = /site: (http:\/\/127\.0\.0\.1:\d+\/site\/) {2}\(Ctrl-C to stop\)/.exec(
        stdout,
      )?.[1];
      expect(url, stderr).toBeDefined();
      const index = await fetch(url as string);
      expect(index.status).toBe(200);
      expect(index.headers.get('content-security-policy')).toMatch(
        /^default-src 'none'; script-src 'self';/,
      );
      expect(await index.text()).toContain('href="monitor-profile/index.html"');
      const page = await fetch(new URL('monitor-profile/zembla.html', url));
      expect(await page.text()).toMatch(/<h1 class="mp-country" id="top"[^>]*>Zembla<\/h1>/);
      expect((await fetch(new URL('../manifest.json/../../../etc/passwd', url))).status).toBe(404);
      expect((await fetch(new URL('assets/sort.js', url))).headers.get('content-type')).toMatch(
        /^text\/javascript/,
      );
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('preview stopped');
  });
});
