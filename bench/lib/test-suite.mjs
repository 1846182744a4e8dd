// `npm test` on a clean clone: the committed tree (not the working copy) in a fresh folder,
// dist/ not compiled yet. node_modules is linked from this checkout rather than installed,
// so the figure is the suite's, not npm's download time.
import { execFile } from 'node:child_process';
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { timed } from './measure.mjs';

const run = promisify(execFile);

export async function measureTestSuite(root, dir) {
  const clone = path.join(dir, 'clone');
  await run('git', ['clone', '--quiet', root, clone]);
  const { stdout } = await run('git', ['-C', clone, 'log', '-1', '--format=%h']);
  await symlink(path.join(root, 'node_modules'), path.join(clone, 'node_modules'));
  const { wallMs, out } = await timed('npm', ['test'], { cwd: clone, memory: false });
  // vitest's summary may come coloured (ANSI escapes), which the table would print as is.
  const plain = out.replace(/\x1b\[[0-9;]*m/g, '');
  const summary = /Tests\s+(.*)/.exec(plain)?.[1]?.trim() ?? '';
  return { wallMs, commit: stdout.trim(), summary };
}
