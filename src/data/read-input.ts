import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * Reads an input file only once it is known to be a regular file of bounded size, for any
 * purpose (parsing, hashing). A FIFO would block the read forever and /dev/zero would fill
 * memory; a check by path followed by a read by path can be raced, so the file is opened
 * first (non-blocking, so opening a FIFO does not wait for a writer) and the checks are made
 * on what was opened.
 */
export type InputRead =
  | { ok: true; bytes: Buffer }
  | { ok: false; reason: string; code?: string | undefined };

export async function readInputFile(file: string, maxBytes: number): Promise<InputRead> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    const refusal = refusedBy(info, maxBytes);
    if (refusal) return refusal;
    const buffer = Buffer.alloc(readLength(info.size, maxBytes));
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return readBytes(buffer, length, maxBytes);
  } catch (err) {
    return readFailure(err);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * The same read, synchronous: for hashing hundreds of small files (keydata's own code is
 * ~250, hashed by every build, a no-op rebuild included), where each asynchronous read is
 * five round trips to libuv's threads (~0.3 ms each on a loaded 2-core machine) and a
 * synchronous one a few microseconds. Only where the process has nothing else to do
 * meanwhile (planning a build).
 */
export function readInputFileSync(file: string, maxBytes: number): InputRead {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    const refusal = refusedBy(info, maxBytes);
    if (refusal) return refusal;
    const buffer = Buffer.allocUnsafe(readLength(info.size, maxBytes));
    let length = 0;
    while (length < buffer.length) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return readBytes(buffer, length, maxBytes);
  } catch (err) {
    return readFailure(err);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The checks made on what was opened, before reading: a regular file, within the limit. */
function refusedBy(
  info: Parameters<typeof kindOf>[0] & { isFile(): boolean; size: number },
  maxBytes: number,
): InputRead | undefined {
  if (!info.isFile()) return { ok: false, reason: `not a regular file (${kindOf(info)})` };
  if (info.size > maxBytes)
    return { ok: false, reason: `file is ${info.size} bytes; the limit is ${maxBytes}` };
  return undefined;
}

/** At most one byte more than allowed is read: a file that grows while read is refused too. */
const readLength = (size: number, maxBytes: number) => Math.min(size, maxBytes) + 1;

function readBytes(buffer: Buffer, length: number, maxBytes: number): InputRead {
  if (length > maxBytes)
    return { ok: false, reason: `file is over the limit of ${maxBytes} bytes` };
  return { ok: true, bytes: buffer.subarray(0, length) };
}

function readFailure(err: unknown): InputRead {
  const e = err as NodeJS.ErrnoException;
  return { ok: false, reason: `cannot read file: ${e.message}`, code: e.code };
}

function kindOf(info: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a plain file';
}
