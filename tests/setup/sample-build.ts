/**
 * The run's folder for what test files share: the sample build (`sampleBuild()` in
 * tests/support/sample-build.ts builds into it the first time a file asks), and the cache
 * of every build the run makes (KEYDATA_CACHE_DIR, which every test process inherits: the
 * site's fonts are subset once per run, not once per worker and CLI process). Removed when
 * the run ends, whether tests passed or not; a run killed outright leaves it to the next
 * run's sweep (it carries this process's id, as keydata's own temporary folders do).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { makeOwnedTempDir, removeOrphanTempDirs } from '../../src/pdf/owned-temp.js';

declare module 'vitest' {
  export interface ProvidedContext {
    sampleBuildDir: string;
  }
}

const PREFIX = 'keydata-test-samples';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await removeOrphanTempDirs([PREFIX]);
  const dir = await makeOwnedTempDir(PREFIX);
  project.provide('sampleBuildDir', dir);
  process.env.KEYDATA_CACHE_DIR = path.join(dir, 'cache');
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
