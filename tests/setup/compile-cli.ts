/**
 * Two test files run the CLI as users do, through bin/keydata.js, which loads the compiled
 * dist/. So that `npx vitest run` never tests stale code, dist/ is compiled here first
 * whenever a source file is newer than it. Compiling (rather than running the CLI from
 * source through a TS loader) keeps those tests on the launcher and the code that ships.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function newestSource(): number {
  const files = readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
  files.push(path.join(root, 'tsconfig.json'), path.join(root, 'tsconfig.build.json'));
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}

function compiledAt(): number {
  try {
    // tsc rewrites every output, so the entry point's time is the build's time.
    return statSync(path.join(root, 'dist', 'cli', 'main.js')).mtimeMs;
  } catch {
    return 0;
  }
}

export default function setup(): void {
  if (compiledAt() >= newestSource()) return;
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'inherit',
    });
  } catch (err) {
    // tsc still writes dist/ on type errors (npm test type-checks first and fails on them);
    // only a compile that wrote nothing leaves the CLI tests on stale code.
    if (compiledAt() < newestSource()) throw err;
  }
}
