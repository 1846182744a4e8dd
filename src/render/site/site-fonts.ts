import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import subsetFont from 'subset-font';
import { FONT_FACES, FONT_FAMILY, fontPath } from '../fonts.js';

/**
 * The site's fonts: each face of Source Sans 3 subset to a fixed repertoire (Latin with its
 * extensions, Greek, Cyrillic, punctuation, currency and the symbols reports print) and
 * compressed as WOFF2, about a fifth of the TrueType file. The repertoire is fixed rather
 * than read off the data, so a corrected country never changes the fonts every page loads;
 * a character outside it falls back to the reader's own sans-serif, never to a box.
 */
const RANGES: readonly [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x2b0, 0x36f],
  [0x370, 0x3ff],
  [0x400, 0x52f],
  [0x1e00, 0x1eff],
  [0x2000, 0x206f],
  [0x2070, 0x209f],
  [0x20a0, 0x20cf],
  [0x2100, 0x214f],
  [0x2190, 0x21ff],
  [0x2200, 0x22ff],
];

export const SITE_FONT_TEXT = RANGES.map(([a, b]) =>
  Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i)).join(''),
).join('');

export interface SiteFont {
  /** The file's name under the site's assets/fonts/ folder. */
  name: string;
  data: Uint8Array;
}

const fileName = (f: (typeof FONT_FACES)[number]) =>
  `source-sans-3-${f.weight}${f.style === 'italic' ? '-italic' : ''}.woff2`;

/**
 * The installed version of package `name`, resolved as `from` resolves it (`spec` may name a
 * file inside it): the folder holding the package.json of that name, above what resolves.
 */
function installed(name: string, from: string, spec = name): { version: string; at: string } {
  const at = createRequire(from).resolve(spec);
  for (let dir = path.dirname(at); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === name) return { version: String(pkg.version), at };
    } catch {
      // no package.json here: look further up
    }
  }
  throw new Error(`${name}: no package.json above ${at}`);
}

/**
 * What turns a font into the site's file besides the font and the repertoire: subset-font,
 * harfbuzz's subsetter and the WOFF2 encoder, at the versions installed. Undefined when
 * they cannot be told (a bundled install): nothing is then reused.
 */
function subsetterVersions(): string | undefined {
  try {
    const subsetter = installed('subset-font', import.meta.url);
    const harfbuzz = installed('harfbuzzjs', subsetter.at, 'harfbuzzjs/dist/harfbuzz-subset.wasm');
    const converter = installed('fontverter', subsetter.at);
    const woff2 = installed('wawoff2', converter.at);
    return [subsetter, harfbuzz, converter, woff2].map((p) => p.version).join(' ');
  } catch {
    return undefined;
  }
}

/** The installed versions do not change while a process runs: read once, for every face. */
let versionsRead: { versions: string | undefined } | undefined;
const installedSubsetterVersions = () => {
  versionsRead ??= { versions: subsetterVersions() };
  return versionsRead.versions;
};

/** A WOFF2 file whole: its signature, and the length its header gives is its own. */
const isWholeWoff2 = (b: Uint8Array) =>
  b.length >= 48 &&
  new DataView(b.buffer, b.byteOffset).getUint32(0) === 0x774f4632 &&
  new DataView(b.buffer, b.byteOffset).getUint32(8) === b.length;

/**
 * One face for the site, kept in `cacheDir` under a name made of everything its
 * bytes depend on: the source font's bytes, the repertoire and the subsetter's versions. A
 * file found under that name is therefore never stale; one cut short (a build killed while
 * writing, though the file is written whole under another name first) is made again. Making
 * a face costs about a second of CPU, nearly all of it in WOFF2's compression.
 */
export async function siteFace(
  face: (typeof FONT_FACES)[number],
  cacheDir: string,
): Promise<SiteFont> {
  const name = fileName(face);
  const source = await readFile(fontPath(face.file));
  const versions = installedSubsetterVersions();
  const cached =
    versions === undefined
      ? undefined
      : path.join(
          cacheDir,
          `${name.replace(/\.woff2$/, '')}-${createHash('sha256')
            .update(source)
            .update(`\0${SITE_FONT_TEXT}\0woff2\0${versions}`)
            .digest('hex')
            .slice(0, 32)}.woff2`,
        );
  if (cached) {
    const kept = await readFile(cached).catch(() => undefined);
    if (kept && isWholeWoff2(kept)) return { name, data: new Uint8Array(kept) };
  }
  const data = new Uint8Array(await subsetFont(source, SITE_FONT_TEXT, { targetFormat: 'woff2' }));
  if (cached) {
    // Kept for the next build; a cache that cannot be written only costs that build the time.
    const part = `${cached}.${process.pid}.part`;
    await mkdir(path.dirname(cached), { recursive: true })
      .then(() => writeFile(part, data))
      .then(() => rename(part, cached))
      .catch(() => undefined);
  }
  return { name, data };
}

let subsets: Promise<SiteFont[]> | undefined;

/**
 * Every face, made once per process, and kept between processes in `cacheDir` (see
 * siteFace): a later build of the site, a corrected country's, reuses them.
 */
export function siteFonts(cacheDir: string): Promise<SiteFont[]> {
  subsets ??= Promise.all(FONT_FACES.map((f) => siteFace(f, cacheDir)));
  subsets.catch(() => {
    subsets = undefined;
  });
  return subsets;
}

/**
 * @font-face rules for the subset files, relative to the stylesheet in assets/. swap: the
 * text shows at once in a fallback font and changes face when the file arrives.
 */
export function siteFontFaces(): string {
  return FONT_FACES.map(
    (f) =>
      `@font-face { font-family: '${FONT_FAMILY}'; font-weight: ${f.weight}; font-style: ${f.style}; font-display: swap; src: url(fonts/${fileName(f)}) format('woff2'); }`,
  ).join('\n');
}
