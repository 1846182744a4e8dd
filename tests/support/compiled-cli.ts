import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import { PROJECT_ROOT } from '../../src/project.js';

/**
 * bin/keydata.js, once dist/ is compiled and bundled: tests/setup/compile-cli.ts does both
 * while the first test files run. A test that starts the CLI in a child process takes its path from
 * here (in a beforeAll), never straight from bin/, so it cannot run stale code.
 */
export async function compiledCli(): Promise<string> {
  const status = inject('cliCompileStatus');
  for (;;) {
    let text: string | undefined;
    try {
      text = await readFile(status, 'utf8');
    } catch {
      // not compiled yet
    }
    if (text !== undefined) {
      const { ok, output } = JSON.parse(text) as { ok: boolean; output: string };
      if (!ok) throw new Error(`dist/ did not compile or bundle (npm run build):\n${output}`);
      return path.join(PROJECT_ROOT, 'bin', 'keydata.js');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
