/** The site's subset fonts, kept between builds in the cache folder under what made them. */
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FONT_FACES } from '../../src/render/fonts.js';
import { siteFace } from '../../src/render/site/site-fonts.js';

/** Byte for byte (expect's toEqual walks a typed array element by element: seconds here). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('a face of the site font, kept in the cache folder', () => {
  const face = FONT_FACES[0];
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'keydata-font-cache-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is made once, kept under a name of what made it, and reused as kept; one cut short is made again', async () => {
    const made = await siteFace(face, dir);
    expect(made.name).toBe('source-sans-3-400.woff2');
    expect(new TextDecoder().decode(made.data.subarray(0, 4))).toBe('wOF2');
    const files = await readdir(dir);
    expect(files).toEqual([expect.stringMatching(/^source-sans-3-400-[0-9a-f]{32}\.woff2$/)]);
    const kept = path.join(dir, files[0] as string);
    expect(same(await readFile(kept), made.data)).toBe(true);

    // What is kept is what a later build takes, without subsetting again: a byte changed in
    // the kept file (its header left whole) comes back changed.
    const marked = new Uint8Array(made.data);
    const at = Math.floor(marked.length / 2);
    marked[at] = ((marked[at] as number) + 1) % 256;
    await writeFile(kept, marked);
    expect(same((await siteFace(face, dir)).data, marked)).toBe(true);

    // A file cut short is not taken: the face is made again, and kept whole.
    await truncate(kept, 100);
    const again = await siteFace(face, dir);
    expect(same(again.data, made.data)).toBe(true);
    expect(same(await readFile(kept), made.data)).toBe(true);
    expect(await readdir(dir)).toEqual(files);
  });
});
