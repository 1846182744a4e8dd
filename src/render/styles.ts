import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { paths } from '../project.js';
import type { ReportKind } from '../schema/report-kind.js';
import { FONT_FACES_MARKER } from './fonts.js';
import { paletteCss } from './palette.js';

/** A CSS string literal: quotes, backslashes and line breaks escaped, so data cannot end it. */
export function cssString(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`;
}

/** Running header and footer text comes from the data, so it is written here, escaped. */
export function runningHeadCss(publication: string, country: string): string {
  return `@page { @top-left { content: ${cssString(publication)}; } @top-right { content: ${cssString(country)}; } }`;
}

/** The whole stylesheet of a report kind: the fonts' place (see FONT_FACES_MARKER), the palette, base, then the kind's own. */
export async function loadStyles(kind: ReportKind, stylesDir = paths.styles): Promise<string> {
  const [base, own] = await Promise.all([
    readFile(path.join(stylesDir, 'base.css'), 'utf8'),
    readFile(path.join(stylesDir, `${kind}.css`), 'utf8'),
  ]);
  return `${FONT_FACES_MARKER}\n${paletteCss()}\n${base}\n${own}`;
}

/** The edition volume's own rules (cover, contents), added to the kind's stylesheet. */
export function loadVolumeStyles(stylesDir = paths.styles): Promise<string> {
  return readFile(path.join(stylesDir, 'volume.css'), 'utf8');
}
