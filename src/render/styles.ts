import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { paths } from '../project.js';
import { FONT_FACES_MARKER } from './fonts.js';
import { paletteCss } from './palette.js';

/**
 * A CSS string literal that data cannot leave: every character that could end the string,
 * the declaration or the HTML <style> element around it (quotes, backslash, line breaks, <, >,
 * &, control characters) is written as a CSS hex escape. "</style>" inside a CSS string still
 * closes the element in HTML, so escaping quotes alone is not enough.
 */
export function cssString(s: string): string {
  const escaped = s.replace(/[\u0000-\u001f\u007f-\u009f"'\\<>&\u2028\u2029]/g, (c) => {
    const code = c.codePointAt(0) as number;
    // A line break in a running head becomes a space, as it would in HTML text.
    if (c === '\n' || c === '\r' || c === '\f') return ' ';
    return `\\${code.toString(16)} `;
  });
  return `"${escaped}"`;
}

/** Running header and footer text comes from the data, so it is written here, escaped. */
export function runningHeadCss(publication: string, country: string): string {
  return `@page { @top-left { content: ${cssString(publication)}; } @top-right { content: ${cssString(country)}; } }`;
}

/** The whole stylesheet of a report kind: the fonts' place (see FONT_FACES_MARKER), the palette, base, then the kind's own (styles/<name>.css each). */
export async function loadStyles(
  sheets: readonly string[],
  stylesDir = paths.styles,
): Promise<string> {
  const [base, ...own] = await Promise.all(
    ['base', ...sheets].map((name) => readFile(path.join(stylesDir, `${name}.css`), 'utf8')),
  );
  return [`${FONT_FACES_MARKER}`, paletteCss(), base, ...own].join('\n');
}

/** The edition volume's own rules (cover, contents), added to the kind's stylesheet. */
export function loadVolumeStyles(stylesDir = paths.styles): Promise<string> {
  return readFile(path.join(stylesDir, 'volume.css'), 'utf8');
}
