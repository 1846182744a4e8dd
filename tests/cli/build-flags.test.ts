import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBuildFlags } from '../../src/cli/build-command.js';
import { PROJECT_ROOT } from '../../src/project.js';

/** The CLI only parses: what a flag does not say stays unset, for the build's defaults to fill. */
describe('build flags', () => {
  it('leave every unset option undefined (the defaults live in commands/options.ts)', () => {
    const o = parseBuildFlags({ edition: '2025' });
    expect(o.edition).toBe(2025);
    for (const key of [
      'formats',
      'variants',
      'timeoutMs',
      'concurrency',
      'outDir',
      'editionsDir',
      'browserPath',
      'browserWsEndpoint',
      'shard',
    ] as const) {
      expect(o[key], key).toBeUndefined();
    }
    expect(o).not.toHaveProperty('env');
  });

  it('turn flags into options: seconds to ms, lists, paths from the project root', () => {
    const o = parseBuildFlags({
      all: true,
      timeout: '5',
      formats: 'pdf,csv',
      variant: 'screen,print,screen',
      out: 'build/out',
      data: 'tests/fixtures',
      shard: '2/4',
      browser: '/usr/bin/chromium',
    });
    expect(o).toMatchObject({
      timeoutMs: 5000,
      formats: ['pdf', 'csv'],
      variants: ['screen', 'print'],
      outDir: path.join(PROJECT_ROOT, 'build', 'out'),
      editionsDir: path.join(PROJECT_ROOT, 'tests', 'fixtures', 'editions'),
      browserPath: '/usr/bin/chromium',
    });
    expect(o.shard).toBeDefined();
  });

  it('refuse a build with neither --edition nor --all, and a bad number', () => {
    expect(() => parseBuildFlags({})).toThrow(/--edition 2025\), or --all/);
    expect(() => parseBuildFlags({ all: true, timeout: '0' })).toThrow(/--timeout expects/);
  });
});
