/**
 * bin/keydata.js runs dist/bundle/ (scripts/bundle.mjs) only while every file it was made
 * from is unchanged (bin/bundle-fresh.js); otherwise dist/ itself, never older code.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleIsFresh } from '../../bin/bundle-fresh.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { compiledCli } from '../support/compiled-cli.js';

describe('whether the bundle is current', () => {
  let dist: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    writeFileSync(path.join(dist, file), text);
  };
  /** A bundle made from these files as they are now. */
  const bundleOf = (files: string[]) =>
    write(
      'bundle/inputs.json',
      JSON.stringify({
        inputs: files.map((f) => {
          const s = statSync(path.join(dist, f));
          return [f, s.size, s.mtimeMs];
        }),
      }),
    );

  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  function made() {
    dist = mkdtempSync(path.join(os.tmpdir(), 'keydata-bundle-'));
    write('cli/main.js', 'export const main = 1;');
    write('../node_modules/pkg/index.js', 'module.exports = 1;');
    bundleOf(['cli/main.js', '../node_modules/pkg/index.js']);
  }

  it('is current while every file it was made from is unchanged', () => {
    made();
    expect(bundleIsFresh(dist)).toBe(true);
  });

  it('is stale once a file is compiled again, even to the same text', () => {
    made();
    const later = new Date(Date.now() + 5_000);
    utimesSync(path.join(dist, 'cli/main.js'), later, later);
    expect(bundleIsFresh(dist)).toBe(false);
  });

  it('is stale once a package file changes size', () => {
    made();
    const file = path.join(dist, '../node_modules/pkg/index.js');
    const { mtime } = statSync(file);
    writeFileSync(file, 'module.exports = 22;');
    utimesSync(file, mtime, mtime);
    expect(bundleIsFresh(dist)).toBe(false);
  });

  it('is stale once a file it was made from is gone', () => {
    made();
    rmSync(path.join(dist, 'cli/main.js'));
    expect(bundleIsFresh(dist)).toBe(false);
  });

  it('does not exist without its list, or with a list that cannot be read', () => {
    made();
    write('bundle/inputs.json', '{"inputs": [');
    expect(bundleIsFresh(dist)).toBe(false);
    write('bundle/inputs.json', '{"inputs": []}');
    expect(bundleIsFresh(dist)).toBe(false);
    rmSync(path.join(dist, 'bundle'), { recursive: true });
    expect(bundleIsFresh(dist)).toBe(false);
  });
});

describe('the bundle the tests run', () => {
  const dist = path.join(PROJECT_ROOT, 'dist');
  beforeAll(async () => {
    await compiledCli();
  }, 120_000);

  it('is current, so the CLI tests run it', () => {
    expect(bundleIsFresh(dist)).toBe(true);
  });

  // The layout pass is sent to the page as its functions' source, joined by their names,
  // which bundling may rename: it is loaded from dist/pdf/layout/ as compiled.
  it('leaves the layout pass out, imported from dist/pdf/layout/', () => {
    const chunks = readdirSync(path.join(dist, 'bundle'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(path.join(dist, 'bundle', f), 'utf8'));
    expect(chunks.some((c) => c.includes('"../pdf/layout/script.js"'))).toBe(true);
    expect(chunks.filter((c) => /\bfunction splitParagraph\(/.test(c))).toEqual([]);
  });
});
