#!/usr/bin/env node
/**
 * `npm test`: the type check, biome and vitest, all three at once. tsc checks on one core for
 * 10-20 s; run before vitest, as `tsc && biome && vitest` did, it left the machine's other core
 * idle all that time, while vitest keeps both busy and its tests wait on nothing tsc does. The
 * two checks run at a lower priority so they take what the tests leave rather than slow them.
 * Each check's output is printed when it ends, vitest's as it goes; the run fails if any of
 * the three fails, and says which. Arguments go to vitest (`npm test -- tests/pdf`).
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (...p) => path.join(root, 'node_modules', ...p);

/** Runs a command in the checkout; resolves with its exit code, output and time. */
function start(name, command, args, { capture, nice }) {
  const began = performance.now();
  const child = spawn(command, args, {
    cwd: root,
    stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  if (nice) {
    try {
      os.setPriority(child.pid, nice);
    } catch {
      // Not permitted here: it runs at the usual priority, which is only slower.
    }
  }
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  return new Promise((resolve) => {
    child.on('error', (err) => resolve({ name, code: 1, output: `${output}${err}\n`, began }));
    child.on('close', (code, signal) =>
      resolve({
        name,
        code: code ?? (signal ? 1 : 0),
        output,
        began,
        ms: performance.now() - began,
      }),
    );
  });
}

const report = (r) => {
  const what = r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`;
  return `${r.name}: ${what} in ${((r.ms ?? 0) / 1000).toFixed(1)} s`;
};

const checks = [
  start(
    'typecheck',
    process.execPath,
    [bin('typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit'],
    {
      capture: true,
      nice: 10,
    },
  ),
  start('biome', bin('.bin', 'biome'), ['ci', '--error-on-warnings', '.'], {
    capture: true,
    nice: 10,
  }),
].map((p) =>
  p.then((r) => {
    // A check that fails says so at once, not after the whole suite.
    if (r.code !== 0) process.stderr.write(`\n${report(r)}\n${r.output}\n`);
    return r;
  }),
);
const tests = start(
  'vitest',
  process.execPath,
  [bin('vitest', 'vitest.mjs'), 'run', ...process.argv.slice(2)],
  {
    capture: false,
  },
);

const results = [...(await Promise.all(checks)), await tests];
for (const r of results.slice(0, 2))
  if (r.code === 0 && r.output.trim()) process.stdout.write(r.output);
process.stdout.write(`\n${results.map(report).join('\n')}\n`);
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
