/**
 * Issue 17: the CLI starts without loading puppeteer or pdf-lib (~1 s of a loaded 2-core
 * machine, most of a no-op rebuild): they are imported when something is printed. Nor does
 * it load any command's core (each action imports its own), and a build plans (a no-op
 * rebuild: hashing inputs, reading the manifest) without the renderer's packages, which the
 * kinds' render parts load when first used (src/kinds/<kind>/commands/kind.ts). Checked
 * on the sources: the static value imports reachable from the CLI's entry point (type-only
 * imports and `await import()` are not loaded at start).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project.js';

/** Every package a module imports at load, and the chain of our modules that leads to it. */
function packagesAtStart(entry: string): Map<string, string[]> {
  return importsAtStart(entry).packages;
}

/** The packages and our own modules a module loads at start, each with the chain that leads to it. */
function importsAtStart(entry: string): {
  packages: Map<string, string[]>;
  modules: Map<string, string[]>;
} {
  const chainTo = new Map<string, string[]>([[entry, [entry]]]);
  const packages = new Map<string, string[]>();
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^import\s+(?!type\b)(?:[^'";]*?\s+from\s+)?'([^']+)'/gm)) {
      const spec = m[1] as string;
      const chain = chainTo.get(file) as string[];
      if (!spec.startsWith('.')) {
        const name = spec.startsWith('@')
          ? spec.split('/').slice(0, 2).join('/')
          : spec.split('/')[0];
        if (!packages.has(name as string)) packages.set(name as string, chain);
        continue;
      }
      const target = path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts'));
      if (existsSync(target) && !chainTo.has(target)) {
        chainTo.set(target, [...chain, target]);
        queue.push(target);
      }
    }
  }
  return { packages, modules: chainTo };
}

describe('the CLI at start', () => {
  const loaded = packagesAtStart(path.join(PROJECT_ROOT, 'src', 'cli', 'main.ts'));
  const show = (name: string) =>
    (loaded.get(name) ?? []).map((f) => path.relative(PROJECT_ROOT, f)).join(' -> ');

  it('finds the packages it does load (the check reads imports)', () => {
    expect(loaded.has('commander')).toBe(true);
  });

  it.each(['puppeteer', 'puppeteer-core', 'pdf-lib', 'handlebars', 'markdown-it'])(
    'does not load %s',
    (name) => {
      expect(show(name)).toBe('');
    },
  );
});

describe('a build, until it has something to print', () => {
  const loaded = packagesAtStart(path.join(PROJECT_ROOT, 'src', 'commands', 'build.ts'));
  const show = (name: string) =>
    (loaded.get(name) ?? []).map((f) => path.relative(PROJECT_ROOT, f)).join(' -> ');

  it('finds the packages it does load (the manifest is validated with zod)', () => {
    expect(loaded.has('zod')).toBe(true);
  });

  it.each([
    'puppeteer',
    'puppeteer-core',
    'pdf-lib',
    'handlebars',
    'markdown-it',
    'chart.js',
    'chartjs-node-canvas',
    'subset-font',
  ])('does not load %s', (name) => {
    expect(show(name)).toBe('');
  });
});

describe('a no-op rebuild (finding files, hashing inputs, reading the manifest)', () => {
  const { modules } = importsAtStart(path.join(PROJECT_ROOT, 'src', 'commands', 'build.ts'));
  const kindModules = [...modules.keys()]
    .map((f) => path.relative(PROJECT_ROOT, f))
    .filter((f) => f.startsWith('src/kinds/'));

  it("reaches the kinds' light parts: file settings and pages", () => {
    expect(kindModules).toContain('src/kinds/monitor-profile/schema/files.ts');
    expect(kindModules).toContain('src/kinds/clearing-the-mines/render/page.ts');
  });

  // Every kind's zod schema is ~80 ms to build and their derivations ~40 ms to load: the
  // registry's light parts (src/schema/kind-files.ts, src/commands/kind-pages.ts) answer
  // what finding and hashing ask.
  it('loads no kind schema, derivation or definition', () => {
    const heavy = kindModules.filter(
      (f) => !/^src\/kinds\/[^/]+\/(schema\/files|render\/page)\.ts$/.test(f),
    );
    expect(
      heavy.map(
        (f) =>
          `${f}: ${(modules.get(path.join(PROJECT_ROOT, f)) ?? []).map((m) => path.relative(PROJECT_ROOT, m)).join(' -> ')}`,
      ),
    ).toEqual([]);
  });
});

describe('a build of country profiles, until the first is printed', () => {
  const loaded = packagesAtStart(path.join(PROJECT_ROOT, 'src', 'commands', 'run.ts'));
  const show = (name: string) =>
    (loaded.get(name) ?? []).map((f) => path.relative(PROJECT_ROOT, f)).join(' -> ');

  it('finds the packages it does load (puppeteer-core prints)', () => {
    expect(loaded.has('puppeteer-core')).toBe(true);
  });

  // pdf-lib loads while Chromium prints the first profile (src/commands/build-profile.ts);
  // the site's font subsetting only for --formats site; puppeteer itself (its configuration
  // loader and download manager) only to find its downloaded browser when there is no other.
  it.each(['pdf-lib', 'subset-font', 'puppeteer'])('does not load %s', (name) => {
    expect(show(name)).toBe('');
  });
});
