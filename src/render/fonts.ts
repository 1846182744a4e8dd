import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { paths } from '../project.js';

/**
 * One TrueType family for both renderers: Chromium embeds it in the PDF, node-canvas draws
 * chart labels with it. Source Sans 3 (OFL) ships as TTF in @expo-google-fonts/source-sans-3.
 */
export const FONT_FAMILY = 'Source Sans 3';

/**
 * The same fonts under a name node-canvas can parse: it reads a CSS font string through
 * Pango, which takes the "3" of "Source Sans 3" for a size and silently falls back to
 * another family. Charts register and ask for the fonts under this alias.
 */
export const CHART_FONT_FAMILY = 'KeydataSourceSans';

/** Each face's file, and its PostScript name: what `local()` finds an installed font by. */
export const FONT_FACES = [
  {
    weight: 400,
    style: 'normal',
    file: '400Regular/SourceSans3_400Regular.ttf',
    postscriptName: 'SourceSans3-Regular',
  },
  {
    weight: 400,
    style: 'italic',
    file: '400Regular_Italic/SourceSans3_400Regular_Italic.ttf',
    postscriptName: 'SourceSans3-Italic',
  },
  {
    weight: 600,
    style: 'normal',
    file: '600SemiBold/SourceSans3_600SemiBold.ttf',
    postscriptName: 'SourceSans3-SemiBold',
  },
  {
    weight: 700,
    style: 'normal',
    file: '700Bold/SourceSans3_700Bold.ttf',
    postscriptName: 'SourceSans3-Bold',
  },
  {
    weight: 700,
    style: 'italic',
    file: '700Bold_Italic/SourceSans3_700Bold_Italic.ttf',
    postscriptName: 'SourceSans3-BoldItalic',
  },
] as const;

export function fontPath(file: string): string {
  return path.join(paths.fonts, file);
}

let fontFaceCss: string | undefined;

/** @font-face rules with the fonts inlined as data: URLs, so the page loads nothing. */
export function inlineFontFaces(): string {
  fontFaceCss ??= FONT_FACES.map((f) => {
    const data = readFileSync(fontPath(f.file)).toString('base64');
    return `@font-face { font-family: '${FONT_FAMILY}'; font-weight: ${f.weight}; font-style: ${f.style}; src: url(data:font/ttf;base64,${data}) format('truetype'); }`;
  }).join('\n');
  return fontFaceCss;
}

export interface LinkedFontsOptions {
  /**
   * The browser has these fonts installed as its own (pdf/browser-fonts.ts): ask for them by
   * name first, which loads nothing; the files stay as the fallback.
   */
  local: boolean;
}

/** @font-face rules pointing at the font files themselves: for printing from a file URL. */
export function linkedFontFaces(options: LinkedFontsOptions = { local: false }): string {
  return FONT_FACES.map((f) => {
    const local = options.local ? `local('${f.postscriptName}'), ` : '';
    return `@font-face { font-family: '${FONT_FAMILY}'; font-weight: ${f.weight}; font-style: ${f.style}; src: ${local}url(${pathToFileURL(fontPath(f.file)).href}) format('truetype'); }`;
  }).join('\n');
}

/** Where the linked fonts live: the one folder outside the document a print may read. */
export function fontDirectory(): string {
  return paths.fonts;
}

/**
 * Rendered documents carry this marker where their @font-face rules go; delivery decides
 * what replaces it. A standalone HTML page gets the fonts inlined; a page printed from a
 * file links the font files, so Chromium reads each font once instead of decoding ~2.5 MB
 * of base64 on every load (and node never builds those strings).
 */
export const FONT_FACES_MARKER = '/* keydata:font-faces */';

export function withInlineFonts(html: string): string {
  return html.replace(FONT_FACES_MARKER, () => inlineFontFaces());
}

export function withLinkedFonts(html: string, options?: LinkedFontsOptions): string {
  return html.replace(FONT_FACES_MARKER, () => linkedFontFaces(options));
}
