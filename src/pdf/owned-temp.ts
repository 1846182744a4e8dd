import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Temporary folders that carry their owner's process id (`keydata-print-<pid>-XXXXXX`), so
 * that a build killed with -9 leaves nothing that the next one cannot clear: at start, each
 * process removes the folders of owners that are gone, and only those, since other builds
 * may be running beside it.
 */

export function makeOwnedTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `${prefix}-${process.pid}-`));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes `<prefix>-<pid>-*` folders under the temp folder whose process is dead. */
export async function removeOrphanTempDirs(prefixes: readonly string[]): Promise<string[]> {
  const names = await readdir(os.tmpdir()).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const prefix = prefixes.find((p) => name.startsWith(`${p}-`));
    const pid = prefix ? /^(\d+)-[^-]+$/.exec(name.slice(prefix.length + 1))?.[1] : undefined;
    if (pid === undefined || Number(pid) === process.pid || alive(Number(pid))) continue;
    const dir = path.join(os.tmpdir(), name);
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    removed.push(dir);
  }
  return removed;
}

let swept: Promise<unknown> | undefined;

/** Sweeps once per process, the first time a temporary folder is needed. */
export function sweepOrphansOnce(prefixes: readonly string[]): Promise<unknown> {
  swept ??= removeOrphanTempDirs(prefixes);
  return swept;
}

export const PRINT_DIR_PREFIX = 'keydata-print';
export const BROWSER_DIR_PREFIX = 'keydata-browser';
export const TEMP_PREFIXES = [PRINT_DIR_PREFIX, BROWSER_DIR_PREFIX];
