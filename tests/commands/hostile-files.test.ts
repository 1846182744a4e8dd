/**
 * Faults in the files around a build: a data file that is a FIFO or a link to /dev/zero
 * (which used to hang the build or grow it to gigabytes: inputs were hashed before they
 * were checked), and output folders that cannot be written (/proc used to hang forever).
 * Each is one clear message naming the file, exit 1, no stack trace, never a hang.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputFile, readInputFileSync } from '../../src/data/read-input.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { systemErrorMessage } from '../../src/cli/system-error.js';
import { runCli } from '../helpers/run-cli.js';

describe('input files', () => {
  let root: string;
  let dir: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'keydata-hostile-files-'));
    dir = path.join(root, 'data', 'editions', '2025', 'clearing-the-mines');
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, '_edition.yaml'),
      await readFile(
        path.join(PROJECT_ROOT, 'data/editions/2025/clearing-the-mines/_edition.yaml'),
      ),
    );
    execFileSync('mkfifo', [path.join(dir, 'fifo.yaml')]);
    await symlink('/dev/zero', path.join(dir, 'zero.yaml'));
    await writeFile(path.join(dir, 'big.yaml'), Buffer.alloc(3 * 1024 * 1024, 0x20));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it.each([
    ['asynchronously (parsing)', readInputFile],
    ['synchronously (hashing)', async (f: string, max: number) => readInputFileSync(f, max)],
  ])(
    'are checked before they are read %s: a FIFO, a device, a folder, an oversized file',
    async (_how, read) => {
      expect(await read(path.join(dir, 'fifo.yaml'), 1024)).toEqual({
        ok: false,
        reason: 'not a regular file (a named pipe)',
      });
      expect(await read(path.join(dir, 'zero.yaml'), 1024)).toEqual({
        ok: false,
        reason: 'not a regular file (a device)',
      });
      expect(await read(dir, 1024)).toEqual({
        ok: false,
        reason: 'not a regular file (a folder)',
      });
      expect(await read(path.join(dir, 'big.yaml'), 1024)).toEqual({
        ok: false,
        reason: 'file is 3145728 bytes; the limit is 1024',
      });
      const ok = await read(path.join(dir, '_edition.yaml'), 1024);
      expect(ok.ok && ok.bytes.toString('utf8')).toMatch(/^schema_version/m);
    },
  );

  it('that are a FIFO or /dev/zero fail the build with located errors, and it ends', async () => {
    const r = await runCli(
      [
        'build',
        '--edition',
        '2025',
        '--data',
        path.join(root, 'data'),
        '--out',
        path.join(root, 'out'),
      ],
      root,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${path.join(dir, 'fifo.yaml')}:1:1: error: not a regular file (a named pipe)`,
    );
    expect(r.stderr).toContain(
      // A link to /dev/zero leaves the data folder: refused before its type is looked at.
      `${path.join(dir, 'zero.yaml')}:1:1: error: a link to /dev/zero, outside the data folder ${path.join(root, 'data')}`,
    );
    expect(r.stderr).toContain(
      `${path.join(dir, 'big.yaml')}:1:1: error: file is 3145728 bytes; the limit is 2097152`,
    );
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

describe('output folders that cannot be written', () => {
  let root: string;
  let data: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'keydata-hostile-out-'));
    data = path.join(root, 'data');
    const dir = path.join(data, 'editions', '2025', 'clearing-the-mines');
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, '_edition.yaml'),
      await readFile(
        path.join(PROJECT_ROOT, 'data/editions/2025/clearing-the-mines/_edition.yaml'),
      ),
    );
    // A country that fails validation: the build reaches its manifest without a browser.
    await writeFile(path.join(dir, 'broken.yaml'), 'report: clearing-the-mines\n');
    await writeFile(path.join(root, 'a-file'), 'x');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const build = (out: string) =>
    runCli(['build', '--edition', '2025', '--data', data, '--out', out, '--quiet'], root);

  it.each([
    [
      '/proc/keydata-test',
      "--out /proc/keydata-test: /proc is on the kernel's proc file system, not storage",
    ],
    [
      '/sys/keydata-test',
      "--out /sys/keydata-test: /sys is on the kernel's sysfs file system, not storage",
    ],
    [
      'a-file',
      (root: string) =>
        `--out ${path.join(root, 'a-file')}: ${path.join(root, 'a-file')} is a file, not a folder`,
    ],
    [
      'a-file/below',
      (root: string) =>
        `--out ${path.join(root, 'a-file/below')}: ${path.join(root, 'a-file')} is a file, not a folder`,
    ],
  ])('--out %s is refused before any work, exit 1', async (out, message) => {
    const abs = path.isAbsolute(out) ? out : path.join(root, out);
    const r = await build(abs);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`keydata: ${typeof message === 'string' ? message : message(root)}\n`);
  });

  it('a manifest.json that is a folder is named and moved aside (issue 12), no stack trace', async () => {
    const out = path.join(root, 'out-manifest-dir');
    await mkdir(path.join(out, '2025', 'manifest.json'), { recursive: true });
    const r = await build(out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `keydata: cannot (read|write) ${path.join(out, '2025', 'manifest.json')}: a folder is in the way \\(EISDIR\\)\\n$`,
      ),
    );
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('a full disk or a read-only mount is the machine, not a bug: one line, the file named', () => {
    const fault = (code: string, syscall: string) =>
      Object.assign(new Error(`${code}: ${syscall}`), {
        code,
        syscall,
        path: '/out/2025/manifest.json',
      });
    expect(systemErrorMessage(fault('ENOSPC', 'write'))).toBe(
      'cannot write /out/2025/manifest.json: no space left on the device (ENOSPC)',
    );
    expect(systemErrorMessage(fault('EROFS', 'open'))).toBe(
      'cannot open /out/2025/manifest.json: read-only file system (EROFS)',
    );
    expect(systemErrorMessage(new Error('a bug'))).toBeUndefined();
  });
});
