/**
 * The browser lives and dies with keydata: it is driven over a pipe, so no DevTools port
 * listens for other local processes; it exits when keydata is killed, even with -9; a
 * killed build's temporary folders are cleared by the next; SIGTERM and SIGHUP stop a
 * build the way Ctrl-C does (the build used to start a new browser and finish, exit 0).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/pdf/browser.js';
import { removeOrphanTempDirs, TEMP_PREFIXES } from '../../src/pdf/owned-temp.js';
import {
  eventually,
  isBrowser,
  listeningSocketsOf,
  processesWithEnv,
} from '../support/processes.js';
import { compiledCli } from '../support/compiled-cli.js';

/** bin/keydata.js, once dist/ is compiled (the compile runs while the first tests do). */
let CLI = '';
beforeAll(async () => {
  CLI = await compiledCli();
});

/** A build of every sample profile, one at a time, marked so its processes can be found. */
function startBuild(out: string): { child: ChildProcess; marker: string; output: () => string } {
  const marker = randomUUID();
  let output = '';
  const child = spawn(
    process.execPath,
    [CLI, 'build', '--all', '--force', '--concurrency', '1', '--out', out],
    {
      env: { ...process.env, KEYDATA_LIFETIME_TEST: marker, CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  return { child, marker, output: () => output };
}

const browsersOf = (marker: string) =>
  processesWithEnv('KEYDATA_LIFETIME_TEST', marker).filter(isBrowser);
const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

describe('the browser', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'keydata-lifetime-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('is driven over a pipe: no DevTools port listens', async () => {
    const env = process.env.PUPPETEER_EXECUTABLE_PATH;
    const browser = await launchBrowser(env ? { envPath: env } : {});
    try {
      const pid = browser.process()?.pid as number;
      const args = browser.process()?.spawnargs ?? [];
      expect(args).toContain('--remote-debugging-pipe');
      expect(args.some((a) => a.startsWith('--remote-debugging-port'))).toBe(false);
      expect(listeningSocketsOf(pid)).toEqual([]);
      const page = await browser.newPage();
      await page.setContent('<p>over the pipe</p>');
      expect(await page.$eval('p', (p) => p.textContent)).toBe('over the pipe');
    } finally {
      await browser.close();
    }
  });

  it('dies with a build killed with -9, and the next run clears its temporary folders', async () => {
    const build = startBuild(path.join(root, 'killed'));
    await eventually(() => browsersOf(build.marker).length > 0, 'the build started its browser');
    const pid = build.child.pid as number;
    const ownDirs = async () =>
      (await readdir(os.tmpdir())).filter((n) =>
        TEMP_PREFIXES.some((p) => n.startsWith(`${p}-${pid}-`)),
      );
    expect((await ownDirs()).length).toBeGreaterThan(0);
    build.child.kill('SIGKILL');
    await exited(build.child);
    await eventually(() => browsersOf(build.marker).length === 0, 'its browser exited with it');
    const removed = await removeOrphanTempDirs(TEMP_PREFIXES);
    expect(removed.filter((d) => path.basename(d).includes(`-${pid}-`)).length).toBeGreaterThan(0);
    expect(await ownDirs()).toEqual([]);
  });

  it.each(['SIGTERM', 'SIGHUP'] as const)(
    '%s stops a build like Ctrl-C: profiles in progress finish, exit 130, browser gone',
    async (signal) => {
      const build = startBuild(path.join(root, signal));
      await eventually(() => browsersOf(build.marker).length > 0, 'the build started its browser');
      build.child.kill(signal);
      const code = await exited(build.child);
      expect(build.output()).toContain('interrupted: finishing the profiles in progress');
      expect(code).toBe(130);
      expect(build.output()).not.toMatch(/3 built/);
      await eventually(() => browsersOf(build.marker).length === 0, 'the browser exited');
    },
  );
});
