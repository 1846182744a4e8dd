/**
 * `keydata diff OLD NEW` as an editor uses it: one line per changed field, and the exit code
 * says same (0), different (1) or error (2).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KOSOVO_FILE, KOSOVO_TEXT } from '../helpers/reports.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'keydata-diff-cli-'));
  await writeFile(path.join(dir, 'same.yaml'), `# only a comment differs\n${KOSOVO_TEXT}`);
  await writeFile(
    path.join(dir, 'corrected.yaml'),
    `${KOSOVO_TEXT.replace('clearance_m2: 47065', 'clearance_m2: 47605')}corrections:\n  - { date: 2025-11-03, change: Clearance in 2024, reason: HALO corrected it }\n`,
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('keydata diff', () => {
  it('exits 0 and prints nothing when the values are the same', async () => {
    const r = await runCli(['diff', KOSOVO_FILE, 'same.yaml'], dir);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 and prints `field.path: old -> new`, one line per change', async () => {
    const r = await runCli(['diff', KOSOVO_FILE, 'corrected.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'land_release.current.clearance_m2: 47065 -> 47605\n' +
        'corrections: (none) -> [{"date":"2025-11-03","change":"Clearance in 2024","reason":"HALO corrected it"}]\n',
    );
  });

  it('exits 2 on a file that is not there, and on a REV:path git cannot give', async () => {
    const missing = await runCli(['diff', 'nothere.yaml', 'same.yaml'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^keydata: nothere\.yaml: no such file/);
    const rev = await runCli(['diff', 'no-such-revision:kosovo.yaml', 'same.yaml'], dir);
    expect(rev.code).toBe(2);
    expect(rev.stderr).toMatch(/^keydata: no-such-revision:kosovo\.yaml: /);
  });
});
