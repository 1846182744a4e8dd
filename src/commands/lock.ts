import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import { displayPath } from '../project.js';

/**
 * One build at a time per output folder. Two builds writing the same manifest would each
 * write back what they read, and one would lose the other's entries (and their history).
 * The lock file holds the holder's PID; a lock whose process is gone is taken over.
 */
export const LOCK_FILE = '.keydata-build.lock';

interface Holder {
  pid: number;
  host: string;
  started: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(file: string): Promise<Holder | undefined> {
  try {
    const h = JSON.parse(await readFile(file, 'utf8')) as Partial<Holder>;
    return typeof h.pid === 'number' ? (h as Holder) : undefined;
  } catch {
    return undefined;
  }
}

export interface BuildLock {
  /** The holder this lock took over from, when it was stale. */
  tookOver?: Holder;
  release(): Promise<void>;
}

/** Takes the output folder's lock, or throws a UserError naming the build that holds it. */
export async function lockOutput(outDir: string): Promise<BuildLock> {
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() };
  let tookOver: Holder | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    // Written whole under another name, then linked into place: the link fails if a lock
    // exists, and a lock is never seen half-written.
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(tmp, `${JSON.stringify(me)}\n`);
    try {
      await link(tmp, file);
      return { ...(tookOver ? { tookOver } : {}), release: () => rm(file, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      await rm(tmp, { force: true });
    }
    const holder = await readHolder(file);
    // A lock from another machine (a shared folder) cannot be checked: it is respected.
    if (holder && (holder.host !== me.host || alive(holder.pid)))
      throw new UserError(
        `another build (PID ${holder.pid}${holder.host !== me.host ? ` on ${holder.host}` : ''}, started ${holder.started}) is writing to ${displayPath(outDir)}; wait for it to finish, or remove ${displayPath(file)} if it is not running`,
        1,
      );
    tookOver = holder;
    await rm(file, { force: true });
  }
  throw new UserError(
    `could not take the build lock ${displayPath(file)}: another build keeps taking it`,
    1,
  );
}
