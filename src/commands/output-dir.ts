import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { access, mkdir, rm, stat, statfs, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';

/**
 * Makes sure the output folder can take a build before any work starts, so a wrong --out
 * is one clear message (exit 1) rather than a stack trace or a hang. Folders are created
 * one level at a time: Node's recursive mkdir loops forever under /proc (mkdir there fails
 * with ENOENT, which it takes for a missing parent), and the kernel's own file systems are
 * refused outright. A probe file proves the folder is writable (root ignores permissions,
 * a read-only mount does not).
 */

/** statfs magic numbers of file systems that are the kernel's, not storage. */
const PSEUDO_FILE_SYSTEMS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x64626720, 'debugfs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x73636673, 'securityfs'],
  [0x6e736673, 'nsfs'],
  [0xcafe4a11, 'bpf'],
  [0x74726163, 'tracefs'],
]);

export async function prepareOutputDir(outDir: string): Promise<void> {
  const dir = path.resolve(outDir);
  const missing: string[] = [];
  let existing = dir;
  let info: Stats | undefined;
  for (;;) {
    info = await stat(existing).catch(() => undefined);
    if (info || path.dirname(existing) === existing) break;
    missing.unshift(existing);
    existing = path.dirname(existing);
  }
  if (!info) throw new UserError(`--out ${outDir}: no folder to write into`, 1);
  if (!info.isDirectory())
    throw new UserError(`--out ${outDir}: ${existing} is a file, not a folder`, 1);
  const fsType = PSEUDO_FILE_SYSTEMS.get((await statfs(existing)).type);
  if (fsType)
    throw new UserError(
      `--out ${outDir}: ${existing} is on the kernel's ${fsType} file system, not storage`,
      1,
    );
  try {
    await access(existing, constants.W_OK);
    for (const d of missing) await mkdirOnce(d);
    // Two builds in one process may probe the same folder at once: each its own probe name.
    const probe = path.join(dir, `.keydata-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (err) {
    throw new UserError(`--out ${outDir}: cannot write there: ${reasonOf(err)}`, 1, {
      cause: err,
    });
  }
}

/**
 * Makes one folder; one made meanwhile by another build is fine (two builds starting at
 * once into a new folder: the build lock, not this check, says which one goes on).
 */
async function mkdirOnce(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !(await stat(dir)).isDirectory())
      throw err;
  }
}

/** A file-system error in words, without the stack: "read-only file system (EROFS)". */
export function reasonOf(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EISDIR: 'a folder is in the way',
    ENOTDIR: 'a file is in the way of a folder',
    EEXIST: 'something is already there',
    ENOENT: 'the folder does not exist',
    EIO: 'input/output error',
    ENAMETOOLONG: 'name too long',
    EMFILE: 'too many open files',
  };
  const text = e?.code ? words[e.code] : undefined;
  return text ? `${text} (${e.code})` : (e?.message ?? String(err));
}
