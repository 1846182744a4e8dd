// Timing and memory of a command and every process it starts (its Chromium included).
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

/** The pid and all its descendants, from /proc. */
export async function descendants(pid) {
  const all = [];
  for (const d of await readdir('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = await readFile(`/proc/${d}/stat`, 'utf8');
      all.push([Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])]);
    } catch {}
  }
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, pp] of all) {
      if (tree.has(pp) && !tree.has(p)) {
        tree.add(p);
        grew = true;
      }
    }
  }
  return [...tree];
}

/**
 * Proportional set size: shared pages (Chromium's processes share most of their code and
 * fonts) count once across the processes, not once per process as RSS would.
 */
export async function pssKiB(pids) {
  let total = 0;
  for (const p of pids) {
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(await readFile(`/proc/${p}/smaps_rollup`, 'utf8'));
      total += Number(m?.[1] ?? 0);
    } catch {}
  }
  return total;
}

/**
 * Runs a command, sampling the PSS of it and its descendants once a second; throws on a
 * non-zero exit. Reading every process's smaps_rollup every 100 ms took ~40% of a core (every 250 ms, 15%), time
 * taken from the build it measures: the process tree is found again every few samples only.
 */
export async function timed(cmd, args, options = {}) {
  const started = performance.now();
  const child = spawn(cmd, args, {
    env: { ...process.env, CI: 'true', ...options.env },
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  let peak = 0;
  let tree = [child.pid];
  let treeAt = 0;
  let sampling = false;
  const sample = async () => {
    if (sampling) return;
    sampling = true;
    try {
      if (performance.now() - treeAt > 3000) {
        tree = await descendants(child.pid);
        treeAt = performance.now();
      }
      peak = Math.max(peak, await pssKiB(tree));
    } finally {
      sampling = false;
    }
  };
  const sampler = options.memory === false ? undefined : setInterval(sample, 1000);
  const code = await new Promise((r) => child.on('exit', r));
  clearInterval(sampler);
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${out.slice(-4000)}`);
  return { wallMs, peakMiB: Math.round(peak / 1024), out };
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
