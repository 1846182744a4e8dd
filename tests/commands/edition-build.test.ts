import { execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdition, type BuildSummary } from '../../src/commands/build.js';
import { readManifest } from '../../src/commands/manifest.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { VERSION } from '../../src/version.js';
import { sharedBrowser } from '../support/shared-browser.js';
import { compiledCli } from '../support/compiled-cli.js';

const run = promisify(execFile);
/** bin/keydata.js, once dist/ is compiled (the compile runs while the first tests do). */
let CLI = '';
beforeAll(async () => {
  CLI = await compiledCli();
});
const sha = async (f: string) =>
  (await import('node:crypto'))
    .createHash('sha256')
    .update(await readFile(f))
    .digest('hex');
const statuses = (s: BuildSummary) =>
  Object.fromEntries(s.results.map((r) => [r.country.country, r.status]));

/** A data folder with two countries of the 2025 edition: the real Kosovo and the Arcadia fixture. */
async function makeData(): Promise<{ root: string; data: string; editions: string; out: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'keydata-edition-'));
  const dir = path.join(root, 'data', 'editions', '2025', 'clearing-the-mines');
  await cp(path.join(PROJECT_ROOT, 'tests/fixtures/editions/2025/clearing-the-mines'), dir, {
    recursive: true,
  });
  await cp(
    path.join(PROJECT_ROOT, 'data/editions/2025/clearing-the-mines/kosovo.yaml'),
    path.join(dir, 'kosovo.yaml'),
  );
  return {
    root,
    data: path.join(root, 'data'),
    editions: path.join(root, 'data', 'editions'),
    out: path.join(root, 'out'),
  };
}

describe('edition builds', () => {
  let t: Awaited<ReturnType<typeof makeData>>;
  const pdf = (country: string) => path.join(t.out, '2025', 'clearing-the-mines', `${country}.pdf`);
  beforeAll(async () => {
    t = await makeData();
  });
  afterAll(async () => {
    await rm(t.root, { recursive: true, force: true });
  });

  it('builds every country once, then skips what did not change', async () => {
    const first = await buildEdition({
      ...sharedBrowser(),
      editionsDir: t.editions,
      outDir: t.out,
      edition: 2025,
      concurrency: 2,
    });
    expect(statuses(first)).toEqual({ arcadia: 'built', kosovo: 'built' });
    const manifest = await readManifest(t.out, 2025, VERSION);
    expect(Object.keys(manifest.profiles).sort()).toEqual([
      'clearing-the-mines/arcadia',
      'clearing-the-mines/kosovo',
    ]);

    const again = await buildEdition({
      ...sharedBrowser(),
      editionsDir: t.editions,
      outDir: t.out,
      edition: 2025,
    });
    expect(statuses(again)).toEqual({ arcadia: 'skipped', kosovo: 'skipped' });
  });

  it('rebuilds only the country whose data changed', async () => {
    const file = path.join(t.editions, '2025', 'clearing-the-mines', 'arcadia.yaml');
    await writeFile(file, `${await readFile(file, 'utf8')}\n# corrected figure\n`);
    const s = await buildEdition({
      ...sharedBrowser(),
      editionsDir: t.editions,
      outDir: t.out,
      edition: 2025,
    });
    expect(statuses(s)).toEqual({ arcadia: 'built', kosovo: 'skipped' });
  });

  it('rebuilds a profile whose output was deleted or altered, and everything with --force', async () => {
    await writeFile(pdf('kosovo'), 'not a pdf');
    expect(
      statuses(
        await buildEdition({
          ...sharedBrowser(),
          editionsDir: t.editions,
          outDir: t.out,
          edition: 2025,
        }),
      ),
    ).toEqual({ arcadia: 'skipped', kosovo: 'built' });
    expect(
      statuses(
        await buildEdition({
          ...sharedBrowser(),
          editionsDir: t.editions,
          outDir: t.out,
          edition: 2025,
          force: true,
        }),
      ),
    ).toEqual({ arcadia: 'built', kosovo: 'built' });
  });

  it('prints byte-identical PDFs from the same inputs', async () => {
    const before = await sha(pdf('kosovo'));
    await buildEdition({
      ...sharedBrowser(),
      editionsDir: t.editions,
      outDir: t.out,
      edition: 2025,
      country: 'kosovo',
      force: true,
    });
    expect(await sha(pdf('kosovo'))).toBe(before);
  });

  it('isolates a failing country: the others build, its last good PDF stays', async () => {
    const good = await sha(pdf('arcadia'));
    const file = path.join(t.editions, '2025', 'clearing-the-mines', 'arcadia.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('clearance_m2: 2186450', "clearance_m2: 'n/a'"));
    const s = await buildEdition({
      ...sharedBrowser(),
      editionsDir: t.editions,
      outDir: t.out,
      edition: 2025,
      force: true,
    });
    expect(statuses(s)).toEqual({ arcadia: 'failed', kosovo: 'built' });
    const failed = s.results.find((r) => r.country.country === 'arcadia');
    expect(
      failed?.problems.some(
        (p) => p.path === 'land_release.current.clearance_m2' && p.severity === 'error',
      ),
    ).toBe(true);
    expect(await sha(pdf('arcadia'))).toBe(good);

    // The run's browser: this run prints nothing (Kosovo is up to date, Arcadia invalid), and
    // a browser of its own would cost a launch and a close.
    const cli = await run(
      'node',
      [
        CLI,
        'build',
        '--edition',
        '2025',
        '--data',
        t.data,
        '--out',
        t.out,
        '--browser-ws-endpoint',
        sharedBrowser().browserWsEndpoint,
      ],
      { env: { ...process.env, CI: 'true' } },
    ).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect((cli as { code?: number }).code).toBe(1);
    expect((cli as { stdout: string }).stdout).toMatch(
      /2025\/clearing-the-mines\/arcadia\s+failed\s+invalid data/,
    );
    expect((cli as { stderr: string }).stderr).toMatch(
      /arcadia\.yaml:\d+:\d+: error: land_release\.current\.clearance_m2: expected a number of m², .* got 'n\/a'/,
    );
    await writeFile(file, text);
  });

  it('never leaves a truncated PDF when killed mid-build, and cleans up after itself', async () => {
    const good = await sha(pdf('kosovo'));
    const child = spawn(
      'node',
      [
        CLI,
        'build',
        '--edition',
        '2025',
        '--data',
        t.data,
        '--out',
        t.out,
        '--force',
        '--concurrency',
        '1',
      ],
      {
        env: { ...process.env, CI: 'true' },
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group, so kill -9 takes its Chromium down with it.
        detached: true,
      },
    );
    // Kill it as soon as the first profile is under way.
    await new Promise<void>((resolve) =>
      child.stderr.on('data', (d: Buffer) => d.toString().includes('building') && resolve()),
    );
    await new Promise((r) => setTimeout(r, 400));
    process.kill(-(child.pid as number), 'SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const pdfAfter = await readFile(pdf('kosovo'));
    expect(pdfAfter.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await sha(pdf('kosovo'))).toBe(good);
    // The next build removes any temporary file the killed one left.
    await buildEdition({
      ...sharedBrowser(),
      editionsDir: t.editions,
      outDir: t.out,
      edition: 2025,
    });
    const leftovers = (await readdir(path.join(t.out, '2025', 'clearing-the-mines'))).filter((f) =>
      f.endsWith('.keydata-tmp'),
    );
    expect(leftovers).toEqual([]);
  });

  it('prunes the outputs of a country removed from the data', async () => {
    await rm(path.join(t.editions, '2025', 'clearing-the-mines', 'arcadia.yaml'));
    const s = await buildEdition({
      ...sharedBrowser(),
      editionsDir: t.editions,
      outDir: t.out,
      edition: 2025,
      prune: true,
    });
    expect(s.pruned).toContain(pdf('arcadia'));
    await expect(readFile(pdf('arcadia'))).rejects.toThrow();
    expect(Object.keys((await readManifest(t.out, 2025, VERSION)).profiles)).toEqual([
      'clearing-the-mines/kosovo',
    ]);
  });

  it('fails a print that hangs past the timeout after one retry, naming the timeout', async () => {
    const before = await sha(pdf('kosovo'));
    const s = await buildEdition({
      editionsDir: t.editions,
      outDir: t.out,
      edition: 2025,
      force: true,
      timeoutMs: 5,
    });
    const r = s.results[0];
    expect(r?.status).toBe('failed');
    expect(r?.error).toMatch(/printing took longer than/);
    // The failed print leaves the last good PDF as it was.
    expect(await sha(pdf('kosovo'))).toBe(before);
  });
});
