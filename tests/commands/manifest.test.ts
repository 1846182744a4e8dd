import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  manifestPath,
  readManifest,
  withBuild,
  writeManifest,
} from '../../src/commands/manifest.js';

describe('the build manifest', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'keydata-manifest-'));
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('still reads a manifest written before builds had a history, its paths made relative', async () => {
    const old = {
      keydata: '0.1.0',
      edition: 2025,
      profiles: {
        'clearing-the-mines/kosovo': {
          inputs: 'abc',
          outputs: {
            pdf: { file: path.join(out, '2025/clearing-the-mines/kosovo.pdf'), sha256: 'def' },
          },
          built: '2025-10-01T10:00:00.000Z',
        },
      },
    };
    await mkdir(path.dirname(manifestPath(out, 2025)), { recursive: true });
    await writeFile(manifestPath(out, 2025), JSON.stringify(old));
    const read = await readManifest(out, 2025, '0.1.0');
    expect(read.profiles['clearing-the-mines/kosovo']).toEqual({
      ...old.profiles['clearing-the-mines/kosovo'],
      formats: ['pdf'],
      outputs: { pdf: { file: '2025/clearing-the-mines/kosovo.pdf', sha256: 'def' } },
    });
    const entry = read.profiles['clearing-the-mines/kosovo'];
    expect(
      withBuild(entry, {
        date: '2025-11-03T09:00:00.000Z',
        inputs: 'ghi',
        corrections: 1,
        status: 'final',
      }),
    ).toEqual([
      { date: '2025-11-03T09:00:00.000Z', inputs: 'ghi', corrections: 1, status: 'final' },
    ]);
  });

  it('keeps each build, oldest first, through a write and a read', async () => {
    const first = {
      date: '2025-10-01T10:00:00.000Z',
      inputs: 'a',
      corrections: 0,
      status: 'final',
    };
    const second = {
      date: '2025-11-03T09:00:00.000Z',
      inputs: 'b',
      corrections: 1,
      status: 'final',
    };
    const entry = {
      inputs: 'b',
      outputs: {},
      built: second.date,
      history: withBuild({ inputs: 'a', outputs: {}, built: first.date, history: [first] }, second),
    };
    await writeManifest(out, {
      keydata: '0.1.0',
      edition: 2026,
      profiles: { 'clearing-the-mines/kosovo': entry },
    });
    expect(
      (await readManifest(out, 2026, '0.1.0')).profiles['clearing-the-mines/kosovo']?.history,
    ).toEqual([first, second]);
  });
});
