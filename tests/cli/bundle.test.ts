/**
 * bin/keydata.js runs dist/bundle/ (scripts/bundle.mjs) only while every file it was made
 * from is unchanged (bin/bundle-fresh.js); otherwise dist/ itself, never older code.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleIsFresh } from '../../bin/bundle-fresh.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { compiledCli } from '../support/compiled-cli.js';

describe('whether the bundle is current', () => {
  /** A checkout of its own: dist/ and node_modules/ side by side, as the bundle lists them. */
  let root: string;
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

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function made() {
    root = mkdtempSync(path.join(os.tmpdir(), 'keydata-bundle-'));
    dist = path.join(root, 'dist');
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
  it('leaves the layout pass out, required from dist/pdf/layout/', () => {
    const bundle = readFileSync(path.join(dist, 'bundle', 'keydata.cjs'), 'utf8');
    expect(bundle).toContain('require("../pdf/layout/script.js")');
    expect(bundle).not.toMatch(/\bfunction splitParagraph\(/);
  });
});

describe("the bundle's code cache", () => {
  let dist: string;
  let cacheDir: string;
  const cacheFiles = () => readdirSync(cacheDir).filter((f) => f.endsWith('.code-cache'));
  const loader = pathToFileURL(path.join(PROJECT_ROOT, 'bin', 'load-bundle.js')).href;

  /** A bundle of one module, as scripts/bundle.mjs writes it. */
  function bundle(id: string, answer: number) {
    mkdirSync(path.join(dist, 'bundle'), { recursive: true });
    writeFileSync(
      path.join(dist, 'bundle', 'keydata.cjs'),
      `"use strict"; const half = (x) => x / 2; exports.main = () => half(${answer * 2});`,
    );
    writeFileSync(path.join(dist, 'bundle', 'inputs.json'), JSON.stringify({ id, inputs: [] }));
  }

  /**
   * One command, in a process of its own as the CLI is (within one process V8 reuses what it
   * compiled and never reads the cache): runs the bundle's main and saves the cache.
   */
  function command(cache = cacheDir): number {
    const script = `import { loadBundle } from ${JSON.stringify(loader)};
      const b = loadBundle(${JSON.stringify(dist)}, { KEYDATA_CACHE_DIR: ${JSON.stringify(cache)} });
      process.stdout.write(String(b.exports.main()));
      b.saveCache();`;
    return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script]));
  }

  afterEach(() => {
    rmSync(dist, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  function setUp() {
    dist = mkdtempSync(path.join(os.tmpdir(), 'keydata-bundle-'));
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'keydata-code-cache-'));
  }

  it('runs the bundle, writes the cache, and the next command reads it as it is', () => {
    setUp();
    bundle('a'.repeat(64), 42);
    expect(command()).toBe(42);
    expect(cacheFiles()).toHaveLength(1);
    const file = path.join(cacheDir, cacheFiles()[0] as string);
    const written = readFileSync(file);
    expect(command()).toBe(42);
    expect(readFileSync(file).equals(written)).toBe(true);
  });

  it('never serves another bundle: each has a cache of its own', () => {
    setUp();
    bundle('a'.repeat(64), 42);
    expect(command()).toBe(42);
    bundle('b'.repeat(64), 8);
    expect(command()).toBe(8);
    expect(cacheFiles()).toHaveLength(2);
  });

  it('writes a cache V8 rejects again, and still runs the bundle', () => {
    setUp();
    bundle('a'.repeat(64), 42);
    command();
    const file = path.join(cacheDir, cacheFiles()[0] as string);
    const broken = Buffer.from(readFileSync(file));
    broken.fill(7, 8);
    writeFileSync(file, broken);
    expect(command()).toBe(42);
    expect(readFileSync(file).equals(broken)).toBe(false);
  });

  it('runs without a cache where it cannot write one', () => {
    setUp();
    bundle('a'.repeat(64), 42);
    // A file where the cache folder should be: nothing can be written under it.
    const notAFolder = path.join(cacheDir, 'file');
    writeFileSync(notAFolder, '');
    expect(command(notAFolder)).toBe(42);
    expect(cacheFiles()).toEqual([]);
  });
});
