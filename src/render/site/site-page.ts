/**
 * The site's pages, from the same views and the same partials as the PDFs: a country's page
 * places its report's view (RenderedReport.source) in templates/site/country.hbs, which
 * includes the kind's report body with `site` set, so charts come inline and tables scroll.
 * The indexes are made from the edition's overview (Mine Action Review) or each profile's
 * sections with their "Last updated" dates (Monitor), and the manifest's outputs.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { paths } from '../../project.js';
import type { ReportKind } from '../../schema/report-kind.js';
import { markLongWords } from '../long-words.js';
import { FONT_FACES_MARKER } from '../fonts.js';
import type { KindPage } from '../page.js';
import { paletteCss } from '../palette.js';
import type { RenderedReport } from '../render-report.js';
import { loadStyles } from '../styles.js';
import { siteFontFaces } from './site-fonts.js';
import { loadSiteTemplates } from './site-templates.js';

/** A link to a file the site offers: a PDF, a table as CSV, the overview's data. */
export interface SiteLink {
  label: string;
  href: string;
  /** e.g. "1.2 MB", "print, 3.4 MB". */
  detail?: string;
  download?: boolean;
}

/** What surrounds every page of the site: its policy, stylesheet and way back. */
export interface SiteChrome {
  /** The report kind the page belongs to (its stylesheet); none for the edition's index. */
  kind?: ReportKind;
  /** From the page to the site's root folder: "../" or "". */
  root: string;
  stylesheet: string;
  csp: string;
  /** The id the skip link jumps to. */
  skipTo: string;
  /** The breadcrumb, the last item the page itself (no href). */
  trail: { label: string; href?: string }[];
  files?: SiteLink[];
}

/** A manifest path as a link from a page: relative, "/" between parts, each part escaped. */
export function siteHref(fromFile: string, toFile: string): string {
  const rel = path.posix.relative(path.posix.dirname(fromFile), toFile);
  return rel
    .split('/')
    .map(encodeURIComponent)
    .join('/')
    .replace(/%2E%2E/g, '..');
}

/** A file's size as a reader reads it: "840 KB", "2.4 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  const kb = Math.round(bytes / 1000);
  if (kb < 1000) return `${kb} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** A country's page: its report's own view in its own partials, inside the site's layout. */
export async function renderSiteCountry(
  rendered: Pick<RenderedReport, 'source'>,
  chrome: SiteChrome,
): Promise<string> {
  const source = rendered.source;
  if (!source) throw new Error('this report has no view to place on a web page');
  const templates = await loadSiteTemplates(source.page);
  return markLongWords(templates.country({ ...source.view, site: chrome }));
}

/** A report kind's index (view: src/render/site/index-view.ts). */
export async function renderSiteKindIndex(page: KindPage, view: object): Promise<string> {
  const templates = await loadSiteTemplates(page);
  return markLongWords(templates.kindIndex(view));
}

/** The edition's index: its report kinds. */
export async function renderSiteEditionIndex(view: object): Promise<string> {
  const templates = await loadSiteTemplates(undefined);
  return markLongWords(templates.editionIndex(view));
}

/**
 * A report kind's stylesheet for the site (assets/<kind>.css): the subset fonts, the palette,
 * the print stylesheets the PDF uses, then styles/site.css; for the edition's own index
 * (assets/site.css) the same without a kind's rules.
 */
export async function siteStylesheet(
  page: Pick<KindPage, 'styles'> | undefined,
  stylesDir = paths.styles,
): Promise<string> {
  const site = await readFile(path.join(stylesDir, 'site.css'), 'utf8');
  const report = page
    ? (await loadStyles(page.styles, stylesDir)).replace(FONT_FACES_MARKER, () => siteFontFaces())
    : `${siteFontFaces()}\n${paletteCss()}\n${await readFile(path.join(stylesDir, 'base.css'), 'utf8')}`;
  return `${report}\n${site}`;
}
