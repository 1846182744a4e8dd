/**
 * Finding the processes a test started, through /proc: each carries an environment marker
 * it inherited (a process's initial environment is readable in /proc/<pid>/environ).
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface Proc {
  pid: number;
  cmdline: string;
}

/** Live processes (not zombies) whose environment has NAME=VALUE. */
export function processesWithEnv(name: string, value: string): Proc[] {
  const needle = `${name}=${value}`;
  const found: Proc[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const env = readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0');
      if (!env.includes(needle)) continue;
      const state = /^State:\s+(\w)/m.exec(readFileSync(`/proc/${entry}/status`, 'latin1'))?.[1];
      if (state === 'Z') continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'latin1').replace(/\0/g, ' ').trim();
      found.push({ pid: Number(entry), cmdline });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

export const isBrowser = (p: Proc) => /chrom/i.test(p.cmdline.split(' ')[0] ?? '');

/** Socket inodes listening on TCP (v4 and v6). */
function listeningInodes(): Set<string> {
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'latin1');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] === '0A' && cols[9]) inodes.add(cols[9]);
    }
  }
  return inodes;
}

/** The TCP ports' socket inodes a process holds open and listens on. */
export function listeningSocketsOf(pid: number): string[] {
  const listening = listeningInodes();
  const held: string[] = [];
  let fds: string[] = [];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return [];
  }
  for (const fd of fds) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m?.[1] && listening.has(m[1])) held.push(m[1]);
    } catch {
      // closed meanwhile
    }
  }
  return held;
}

/** Polls until `check` holds; fails with `what` after `limitMs` (a bound, not a timing). */
export async function eventually(
  check: () => boolean,
  what: string,
  limitMs = 60_000,
): Promise<void> {
  const end = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`still not so after ${limitMs / 1000} s: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
