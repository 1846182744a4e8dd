import type { Dirent } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes under a temporary name in the same folder, then renames into place: a reader
 * (or a killed build) sees the old file or the new one, never half of one.
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}${TMP_SUFFIX}`,
  );
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

const TMP_SUFFIX = '.keydata-tmp';
const TMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.keydata-tmp$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files a killed build left behind (their process is gone). */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const e of entries) {
    const m = TMP_NAME.exec(e.name);
    if (!e.isFile() || !m || alive(Number(m[1]))) continue;
    const file = path.join(e.parentPath, e.name);
    await rm(file, { force: true });
    removed.push(file);
  }
  return removed;
}
