import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Watcher } from '../../src/preview/watch.js';

describe('watching folders for saves', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'keydata-watch-'));
    await mkdir(path.join(dir, 'templates', 'clearing-the-mines', 'partials'), { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('calls once for a burst of saves, with the files, in folders below the one watched; skips swap files', async () => {
    const calls: string[][] = [];
    const watcher = new Watcher(
      [dir, path.join(dir, 'not-there')],
      (files) => calls.push(files.map((f) => path.relative(dir, f)).sort()),
      80,
    );
    try {
      const partial = path.join(dir, 'templates', 'clearing-the-mines', 'partials', 'blocks.hbs');
      await writeFile(
        path.join(dir, 'templates', 'clearing-the-mines', 'partials', '.blocks.hbs.swp'),
        'x',
      );
      await writeFile(partial, '<p>one</p>');
      await writeFile(partial, '<p>two</p>');
      await writeFile(path.join(dir, 'base.css'), 'p {}');
      const until = Date.now() + 5000;
      while (calls.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 200));
      expect(calls).toEqual([
        ['base.css', path.join('templates', 'clearing-the-mines', 'partials', 'blocks.hbs')],
      ]);
    } finally {
      watcher.close();
    }
  });
});
