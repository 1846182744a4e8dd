/**
 * The test suite leaves no browser behind. Every process the suite starts inherits
 * KEYDATA_TEST_RUN; at the end, a browser still alive with it fails the run (and is
 * killed, so it does not outlive the report). It also removes the temporary folders of
 * keydata processes the tests killed.
 */
import { randomUUID } from 'node:crypto';
import { removeOrphanTempDirs, TEMP_PREFIXES } from '../../src/pdf/owned-temp.js';
import { isBrowser, processesWithEnv } from '../support/processes.js';

export default function setup(): () => Promise<void> {
  const run = randomUUID();
  process.env.KEYDATA_TEST_RUN = run;
  return async () => {
    // A build a test killed with -9 leaves its owned temporary folders; every test process is
    // gone by now, so sweeping those of dead owners removes all the suite's and no one else's.
    await removeOrphanTempDirs(TEMP_PREFIXES);
    // A browser closed at the very end of a test may take a moment to exit.
    const end = Date.now() + 10_000;
    let left = processesWithEnv('KEYDATA_TEST_RUN', run).filter(isBrowser);
    while (left.length > 0 && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 200));
      left = processesWithEnv('KEYDATA_TEST_RUN', run).filter(isBrowser);
    }
    if (left.length === 0) return;
    for (const p of left) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    throw new Error(
      `the tests left ${left.length} browser process(es) running:\n${left.map((p) => `  ${p.pid} ${p.cmdline.slice(0, 160)}`).join('\n')}`,
    );
  };
}
