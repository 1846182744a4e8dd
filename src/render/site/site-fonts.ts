import { readFile } from 'node:fs/promises';
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

let subsets: Promise<SiteFont[]> | undefined;

/** Every face, subset once per process (harfbuzz takes a second or two a face). */
export function siteFonts(): Promise<SiteFont[]> {
  subsets ??= Promise.all(
    FONT_FACES.map(async (f) => ({
      name: fileName(f),
      data: new Uint8Array(
        await subsetFont(await readFile(fontPath(f.file)), SITE_FONT_TEXT, {
          targetFormat: 'woff2',
        }),
      ),
    })),
  );
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
