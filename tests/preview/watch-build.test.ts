/** Issue 12, point 11: `keydata build --watch` builds again what a saved file changes. */
import { access, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildSummary } from '../../src/commands/build.js';
import { LOCK_FILE } from '../../src/commands/lock.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { watchBuilds, type WatchEvent } from '../../src/preview/watch-build.js';

describe('build --watch', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'keydata-watch-'));
    for (const f of ['_edition.yaml', 'kosovo.yaml'])
      await cp(
        path.join(PROJECT_ROOT, 'data', 'editions', '2025', 'clearing-the-mines', f),
        path.join(root, 'data', 'editions', '2025', 'clearing-the-mines', f),
      );
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('builds, then rebuilds the country whose data file was saved, until stopped', async () => {
    const file = path.join(root, 'data', 'editions', '2025', 'clearing-the-mines', 'kosovo.yaml');
    const abort = new AbortController();
    const events: WatchEvent['type'][] = [];
    const summaries: BuildSummary[] = [];
    await watchBuilds(
      {
        editionsDir: path.join(root, 'data', 'editions'),
        outDir: path.join(root, 'out'),
        edition: 2025,
        signal: abort.signal,
      },
      (e) => {
        events.push(e.type);
        if (e.type !== 'built') return;
        summaries.push(e.summary);
        if (summaries.length === 1)
          void readFile(file, 'utf8').then((t) =>
            writeFile(file, t.replace('clearance_m2: 47065', 'clearance_m2: 47605')),
          );
        else abort.abort();
      },
    );
    expect(summaries.map((s) => s.results.map((r) => [r.status, r.reason]))).toEqual([
      [['built', 'not built before']],
      [['built', 'data changed']],
    ]);
    expect(events.slice(0, 3)).toEqual(['build', 'built', 'waiting']);
    expect(events.at(-1)).toBe('built');
    await expect(access(path.join(root, 'out', LOCK_FILE))).rejects.toThrow();
  });
});
