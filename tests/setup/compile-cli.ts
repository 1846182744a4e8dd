/**
 * Three test files run the CLI as users do, through bin/keydata.js, which loads the compiled
 * dist/, bundled (dist/bundle/, scripts/bundle.mjs) while the bundle is current. So that
 * `npx vitest run` never tests stale code, dist/ is compiled here whenever a source file is
 * newer than it, and bundled whenever the bundle is older than dist/. Compiling (rather than
 * running the CLI from source through a TS loader) keeps those tests on the launcher and the
 * code that ships. The compile (about 12 s of a core on a clean clone) and the bundle (~1 s)
 * run while the first test files do: only the files that start the CLI wait for them, through
 * `compiledCli()` (tests/support/compiled-cli.ts), which reads the outcome this writes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { bundleIsFresh } from '../../bin/bundle-fresh.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the compile's outcome is written: { ok, output }. */
    cliCompileStatus: string;
  }
}

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

/** Runs node with these arguments in the checkout: its exit code and output. */
function run(args: string[]): Promise<{ code: number; output: string }> {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => {
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
    child.on('error', (err) => resolve({ code: 1, output: `${output}${err}` }));
  });
}

export default function setup(project: TestProject): () => Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'keydata-compile-'));
  const status = path.join(dir, 'status.json');
  project.provide('cliCompileStatus', status);
  // Written whole under another name, then renamed: a reader never sees half of it.
  const report = (ok: boolean, output: string) => {
    writeFileSync(`${status}.part`, JSON.stringify({ ok, output }));
    renameSync(`${status}.part`, status);
  };
  // The CLI runs dist/bundle/ when it is current (scripts/bundle.mjs), so a compile is
  // followed by a bundle: the tests run the code that ships, bundled as it ships.
  const dist = path.join(root, 'dist');
  let compiling: Promise<void> = Promise.resolve();
  if (compiledAt() >= newestSource() && bundleIsFresh(dist)) report(true, '');
  else
    compiling = (async () => {
      let output = '';
      if (compiledAt() < newestSource()) {
        const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
        const compiled = await run([tsc, '-p', 'tsconfig.build.json']);
        // tsc still writes dist/ on type errors (npm test type-checks first and fails on
        // them); only a compile that wrote nothing leaves the CLI tests on stale code.
        if (compiledAt() < newestSource()) return report(false, compiled.output);
        if (compiled.code !== 0) output = compiled.output;
      }
      const bundled = await run([path.join(root, 'scripts', 'bundle.mjs')]);
      report(bundled.code === 0 && bundleIsFresh(dist), output + bundled.output);
    })();
  return async () => {
    await compiling;
    rmSync(dir, { recursive: true, force: true });
  };
}
