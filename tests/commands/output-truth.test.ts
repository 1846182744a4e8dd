/**
 * Issue 12: after a correction and a rebuild, the output folder tells the truth. Every file
 * in it is claimed by the manifest and matches its hash; the manifest's paths are relative
 * to the output folder; formats and variants accumulate; one build at a time; a corrupted
 * manifest is moved aside with a warning.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEdition, type BuildOptions, type BuildSummary } from '../../src/commands/build.js';
import { LOCK_FILE } from '../../src/commands/lock.js';
import { manifestPath, readManifest } from '../../src/commands/manifest.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { VERSION } from '../../src/version.js';
import { sharedBrowser } from '../support/shared-browser.js';

const KIND_DIR = path.join('2025', 'clearing-the-mines');
const sha = async (f: string) =>
  createHash('sha256')
    .update(await readFile(f))
    .digest('hex');
const statuses = (s: BuildSummary) =>
  Object.fromEntries(s.results.map((r) => [r.country.country, r.status]));

/** A checkout-like folder: data/ with Kosovo (and Arcadia) of 2025, out/ for the outputs. */
async function makeRoot(withArcadia = false): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'keydata-truth-'));
  const dir = path.join(root, 'data', 'editions', KIND_DIR);
  for (const f of ['_edition.yaml', 'kosovo.yaml', ...(withArcadia ? ['arcadia.yaml'] : [])])
    await cp(path.join(PROJECT_ROOT, 'data', 'editions', KIND_DIR, f), path.join(dir, f));
  return root;
}

const at = (root: string) => ({
  ...sharedBrowser(),
  editionsDir: path.join(root, 'data', 'editions'),
  outDir: path.join(root, 'out'),
  edition: 2025,
});
const kosovoData = (root: string) => path.join(root, 'data', 'editions', KIND_DIR, 'kosovo.yaml');
const outFile = (root: string, name: string) => path.join(root, 'out', KIND_DIR, name);

/** Every file under the edition's output folder except the manifest, relative to out/. */
async function filesIn(root: string): Promise<string[]> {
  const dir = path.join(root, 'out', '2025');
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && e.name !== 'manifest.json')
    .map((e) => path.relative(path.join(root, 'out'), path.join(e.parentPath, e.name)))
    .sort();
}

/** The folder tells the truth: each file is claimed by the manifest and is what it recorded. */
async function expectTruthful(root: string): Promise<void> {
  const manifest = await readManifest(path.join(root, 'out'), 2025, VERSION);
  const claimed = new Map(
    Object.values(manifest.profiles).flatMap((e) =>
      Object.values(e.outputs).map((o) => [o.file, o.sha256] as const),
    ),
  );
  for (const f of await filesIn(root)) {
    expect(claimed.has(f), `${f} is claimed by the manifest`).toBe(true);
    expect(await sha(path.join(root, 'out', f)), `${f} matches the manifest`).toBe(claimed.get(f));
  }
}

// Each test builds in a folder of its own: they run at once, Chromium printing for one while
// node works for another (the file took 39 s one after the other).
describe.concurrent('the output folder after corrections', () => {
  const roots: string[] = [];
  const newRoot = async (withArcadia = false) => {
    const r = await makeRoot(withArcadia);
    roots.push(r);
    return r;
  };
  afterAll(async () => {
    for (const r of roots.splice(0)) await rm(r, { recursive: true, force: true });
  });

  it('1. leaves no export showing a pre-correction figure beside the corrected PDF', async () => {
    const root = await newRoot();
    const all: BuildOptions = { ...at(root), formats: ['pdf', 'html', 'csv', 'svg', 'png'] };
    await buildEdition(all);
    const count = (text: string, figure: string) => text.split(figure).length - 1;
    const before = await readFile(outFile(root, 'kosovo.html'), 'utf8');
    const data = await readFile(kosovoData(root), 'utf8');
    await writeFile(kosovoData(root), data.replace('clearance_m2: 47065', 'clearance_m2: 47605'));

    const s = await buildEdition(at(root));
    expect(s.results[0]).toMatchObject({ status: 'built', reason: 'data changed' });
    const html = await readFile(outFile(root, 'kosovo.html'), 'utf8');
    // KEY DATA and the land release table now say 47,605 (the prose typed 47,065 itself).
    expect(count(html, '47,605')).toBeGreaterThan(count(before, '47,605'));
    expect(count(html, '47,065')).toBeLessThan(count(before, '47,065'));
    await expectTruthful(root);
    expect(await filesIn(root)).toContain(path.join(KIND_DIR, 'kosovo.clearance_by_district.csv'));
  });

  it('2. stores paths relative to the output folder: a copied checkout rebuilds its own files only', async () => {
    const a = await newRoot();
    await buildEdition(at(a));
    const text = await readFile(manifestPath(path.join(a, 'out'), 2025), 'utf8');
    expect(text).not.toContain(path.join(a, 'out'));
    expect(JSON.parse(text).profiles['clearing-the-mines/kosovo'].outputs.pdf.file).toBe(
      '2025/clearing-the-mines/kosovo.pdf',
    );

    const b = await newRoot();
    await cp(path.join(a, 'out'), path.join(b, 'out'), { recursive: true });
    const original = await sha(outFile(a, 'kosovo.pdf'));
    await rm(outFile(b, 'kosovo.pdf'));
    const s = await buildEdition(at(b));
    expect(s.results[0]).toMatchObject({ status: 'built', reason: 'output missing: kosovo.pdf' });
    expect(await sha(outFile(b, 'kosovo.pdf'))).toBe(original);

    // A manifest written by an older keydata, with absolute paths into checkout A.
    const manifest = JSON.parse(text);
    manifest.profiles['clearing-the-mines/kosovo'].outputs.pdf.file = outFile(a, 'kosovo.pdf');
    await writeFile(manifestPath(path.join(b, 'out'), 2025), JSON.stringify(manifest));
    // Read as B's own file from "2025/" on: B's PDF matches its hash, so it is current.
    expect(statuses(await buildEdition(at(b)))).toEqual({ kosovo: 'skipped' });
    await buildEdition({ ...at(b), force: true });
    // A path with no "2025/" part cannot be placed: the output counts as missing.
    manifest.profiles['clearing-the-mines/kosovo'].outputs.pdf.file = '/elsewhere/kosovo.pdf';
    await writeFile(manifestPath(path.join(b, 'out'), 2025), JSON.stringify(manifest));
    expect((await buildEdition(at(b))).results[0]?.reason).toBe('output missing: pdf');
    expect(await sha(outFile(a, 'kosovo.pdf'))).toBe(original);
    await expectTruthful(b);
  });

  it('3. accumulates variants and formats: a print build keeps the screen PDF, both recorded', async () => {
    const root = await newRoot();
    await buildEdition(at(root));
    const screen = await stat(outFile(root, 'kosovo.pdf'));
    const print = await buildEdition({ ...at(root), variants: ['print'] });
    expect(print.results[0]?.reason).toBe('newly asked for: pdf-print');
    expect((await stat(outFile(root, 'kosovo.pdf'))).mtimeMs).toBe(screen.mtimeMs);
    const html = await buildEdition({ ...at(root), formats: ['html'] });
    expect(html.results[0]?.reason).toBe('newly asked for: html');
    const entry = (await readManifest(path.join(root, 'out'), 2025, VERSION)).profiles[
      'clearing-the-mines/kosovo'
    ];
    expect(Object.keys(entry?.outputs ?? {}).sort()).toEqual(['html', 'pdf', 'pdf-print']);
    expect(await filesIn(root)).toEqual(
      ['kosovo.html', 'kosovo.pdf', 'kosovo.print.pdf'].map((f) => path.join(KIND_DIR, f)),
    );
    // Back to the default: nothing to do, and nothing lost.
    expect(statuses(await buildEdition(at(root)))).toEqual({ kosovo: 'skipped' });
    await expectTruthful(root);
  });

  it("4. lets one build at a time write an output folder, and takes over a dead holder's lock", async () => {
    const root = await newRoot(true);
    const runs = await Promise.allSettled([
      buildEdition({ ...at(root), country: 'kosovo' }),
      buildEdition({ ...at(root), country: 'arcadia' }),
    ]);
    const manifest = await readManifest(path.join(root, 'out'), 2025, VERSION);
    // No update lost: every build that says it built a profile left its entry.
    for (const r of runs)
      if (r.status === 'fulfilled')
        for (const b of r.value.results)
          expect(Object.keys(manifest.profiles)).toContain(
            `clearing-the-mines/${b.country.country}`,
          );
    const refused = runs.filter((r) => r.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(String((refused[0] as PromiseRejectedResult).reason)).toMatch(
      /another build \(PID \d+, started .*\) is writing to /,
    );

    const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
    await writeFile(
      path.join(root, 'out', LOCK_FILE),
      JSON.stringify({ pid: dead, host: os.hostname(), started: '2025-01-01T00:00:00.000Z' }),
    );
    const s = await buildEdition(at(root));
    expect(s.warnings.join('\n')).toMatch(`took over the build lock of PID ${dead}`);
    expect(statuses(s)).toMatchObject({ arcadia: expect.any(String), kosovo: expect.any(String) });
    await expect(stat(path.join(root, 'out', LOCK_FILE))).rejects.toThrow();
  });

  it('5. moves a corrupted manifest aside with a warning, and goes on as a full build', async () => {
    const root = await newRoot();
    await buildEdition(at(root));
    const file = manifestPath(path.join(root, 'out'), 2025);
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.slice(0, 200));
    const s = await buildEdition(at(root));
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]).toMatch(
      /manifest\.json is unreadable: not JSON .*; moved it to manifest\.json\.unreadable-/,
    );
    expect(statuses(s)).toEqual({ kosovo: 'built' });
    const aside = (await readdir(path.dirname(file))).filter((f) => f.startsWith('manifest.json.'));
    expect(aside).toHaveLength(1);
    expect(await readFile(path.join(path.dirname(file), aside[0] as string), 'utf8')).toBe(
      good.slice(0, 200),
    );
    expect(
      Object.keys((await readManifest(path.join(root, 'out'), 2025, VERSION)).profiles),
    ).toEqual(['clearing-the-mines/kosovo']);
  });

  it('--prune removes what no profile or edition output claims, never the manifest', async () => {
    const root = await newRoot();
    await buildEdition(at(root));
    await writeFile(outFile(root, 'kosovo.old-table.csv'), 'stale');
    const s = await buildEdition({ ...at(root), prune: true });
    expect(s.pruned).toEqual([outFile(root, 'kosovo.old-table.csv')]);
    expect(await filesIn(root)).toEqual([path.join(KIND_DIR, 'kosovo.pdf')]);
    await expectTruthful(root);
  });
});
