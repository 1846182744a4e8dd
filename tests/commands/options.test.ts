import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_DEFAULTS, resolveBuildOptions } from '../../src/commands/options.js';
import { resolveBrowserSource } from '../../src/pdf/browser-session.js';
import { paths } from '../../src/project.js';
import { resolvePreviewOptions } from '../../src/preview/server.js';
import { DEFAULT_PREVIEW_PORT } from '../../src/preview/defaults.js';

describe('build options: flags, then defaults, into one read-only object', () => {
  it('fills every default from BUILD_DEFAULTS and the project paths', () => {
    const o = resolveBuildOptions({ edition: 2025 });
    expect(o).toMatchObject({
      edition: 2025,
      editionsDir: paths.editions,
      outDir: paths.output,
      formats: ['pdf'],
      variants: ['screen'],
      timeoutMs: 60_000,
      force: false,
      prune: false,
      volume: false,
      final: false,
      browser: { wsEndpoint: undefined, finder: { explicit: undefined, envPath: undefined } },
    });
    expect(o.concurrency).toBe(BUILD_DEFAULTS.concurrency());
    expect(o.concurrency).toBeGreaterThanOrEqual(1);
    expect(o.concurrency).toBeLessThanOrEqual(4);
    expect(Object.isFrozen(o)).toBe(true);
  });

  it('keeps what the caller gave over the defaults', () => {
    const o = resolveBuildOptions({
      formats: ['pdf', 'csv'],
      variants: ['print'],
      timeoutMs: 5_000,
      concurrency: 1,
      outDir: '/tmp/x',
    });
    expect(o).toMatchObject({
      formats: ['pdf', 'csv'],
      variants: ['print'],
      timeoutMs: 5_000,
      concurrency: 1,
      outDir: '/tmp/x',
    });
  });
});

describe('the browser source: a flag first, then its environment variable', () => {
  const env = {
    PUPPETEER_EXECUTABLE_PATH: '/env/chrome',
    KEYDATA_BROWSER_WS_ENDPOINT: 'ws://env:3000',
  };

  it('takes the environment when no flag is given', () => {
    expect(resolveBrowserSource({}, env)).toEqual({
      wsEndpoint: 'ws://env:3000',
      finder: { explicit: undefined, envPath: '/env/chrome' },
      env,
    });
  });

  it('lets a flag win over the environment, and treats an empty variable as unset', () => {
    expect(
      resolveBrowserSource({ browserPath: '/flag/chrome', browserWsEndpoint: 'ws://flag:1' }, env),
    ).toEqual({
      wsEndpoint: 'ws://flag:1',
      finder: { explicit: '/flag/chrome', envPath: '/env/chrome' },
      env,
    });
    const empty = { PUPPETEER_EXECUTABLE_PATH: '', KEYDATA_BROWSER_WS_ENDPOINT: '' };
    expect(resolveBrowserSource({}, empty)).toEqual({
      wsEndpoint: undefined,
      finder: { explicit: undefined, envPath: undefined },
      env: empty,
    });
  });

  it('keeps the cache in the output folder, unless KEYDATA_CACHE_DIR (not empty) says where', () => {
    expect(resolveBuildOptions({}).cacheDir).toBe(path.join(paths.output, '.keydata-cache'));
    expect(resolveBuildOptions({ outDir: '/tmp/x' }).cacheDir).toBe('/tmp/x/.keydata-cache');
    const moved = { KEYDATA_CACHE_DIR: '/var/cache/keydata' };
    expect(resolveBuildOptions({ outDir: '/tmp/x', env: moved }).cacheDir).toBe(
      '/var/cache/keydata',
    );
    expect(resolveBuildOptions({ env: { KEYDATA_CACHE_DIR: '' } }).cacheDir).toBe(
      path.join(paths.output, '.keydata-cache'),
    );
  });

  it('is the same chain for a build and for the preview', () => {
    const build = resolveBuildOptions({ env });
    const preview = resolvePreviewOptions({
      edition: 2025,
      kind: 'clearing-the-mines',
      country: 'kosovo',
      env,
    });
    expect(preview.browser).toEqual(build.browser);
    expect(preview.timeoutMs).toBe(build.timeoutMs);
    expect(preview.port).toBe(DEFAULT_PREVIEW_PORT);
    expect(Object.isFrozen(preview)).toBe(true);
  });
});
