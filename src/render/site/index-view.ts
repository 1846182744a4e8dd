/**
 * What the site's indexes print, from the edition's overview (Mine Action Review), each
 * profile's sections (Monitor) and the files the manifest says were built. No arithmetic
 * beyond formatting sizes; the links are relative to the page.
 */
import type { EditionOverview } from '../../derive/overview/edition-overview.js';
import type { EditionMeta } from '../../schema/edition.js';
import { overviewView } from '../overview/overview-view.js';
import { publishedHtml } from '../to-fill-mark.js';
import { fileSize, type SiteChrome, type SiteLink, siteHref } from './site-page.js';

/** A built file, as the manifest names it (relative to the output folder), with its size. */
export interface BuiltFile {
  /** The manifest's key: "pdf", "pdf-print", "csv:clearance_by_district", "overview-csv"... */
  key: string;
  file: string;
  bytes: number;
}

const words = (name: string) => name.replace(/[_-]+/g, ' ');

/** How a file is offered: its label, and whether it is a PDF or data. */
function describe(key: string, book: boolean): { label: string; pdf: boolean } | undefined {
  const [kind, name = ''] = key.split(':');
  const what = book ? 'The whole edition as one book' : '';
  switch (kind) {
    case 'pdf':
      return { label: book ? `${what} (PDF)` : 'PDF', pdf: true };
    case 'pdf-print':
      return {
        label: `${book ? `${what}, ` : ''}PDF for print (bleed, crop marks, CMYK)`,
        pdf: true,
      };
    case 'csv':
      return { label: `Table: ${words(name)} (CSV)`, pdf: false };
    case 'svg':
      return { label: `Chart: ${words(name)} (SVG)`, pdf: false };
    case 'png':
      return { label: `Chart: ${words(name)} (PNG)`, pdf: false };
    case 'overview-csv':
      return { label: 'Overview of the edition (CSV)', pdf: false };
    case 'overview-json':
      return { label: 'Overview of the edition (JSON)', pdf: false };
    default:
      // The standalone HTML page and the site's own files are not offered as downloads.
      return undefined;
  }
}

/** The files of one profile or edition output as links from a page: PDFs first, then data. */
export function fileLinks(
  page: string,
  files: readonly BuiltFile[],
  /** The files of the edition's volume: named as the book, not as one country's report. */
  book = false,
): { pdfs: SiteLink[]; data: SiteLink[] } {
  const pdfs: SiteLink[] = [];
  const data: SiteLink[] = [];
  const sorted = [...files].sort((a, b) => a.key.localeCompare(b.key));
  for (const f of sorted) {
    const d = describe(f.key, book);
    if (!d) continue;
    const link = {
      label: d.label,
      href: siteHref(page, f.file),
      detail: fileSize(f.bytes),
      download: !d.pdf,
    };
    (d.pdf ? pdfs : data).push(link);
  }
  return { pdfs, data };
}

/** One country as its kind's index lists it. */
export interface IndexCountry {
  slug: string;
  /** The country's name; its file's name when its data cannot be read. */
  name: string;
  /** Its page on the site, as the manifest names it; none when not built. */
  page: string | undefined;
  files: BuiltFile[];
  /** A Monitor profile's sections: heading, anchor, last updated (as printed, escaped HTML, and as in the data). */
  sections?: {
    id: string;
    heading: string;
    updatedHtml: string;
    updatedSort: string;
    from: string;
  }[];
}

export interface KindIndexInput {
  meta: EditionMeta;
  /** The index page's path as the manifest names it. */
  page: string;
  chrome: SiteChrome;
  countries: IndexCountry[];
  /** The edition's overview (Mine Action Review); its table links each country's page. */
  overview: EditionOverview | undefined;
  /** The volume's PDFs and the overview's data files. */
  editionFiles: BuiltFile[];
}

const count = (n: number) => `${n} ${n === 1 ? 'country' : 'countries'}`;

export function kindIndexView(input: KindIndexInput) {
  const { meta, page, countries } = input;
  const href = (c: IndexCountry) => (c.page ? siteHref(page, c.page) : undefined);
  const bySlug = new Map(countries.map((c) => [c.slug, c]));
  const overview = input.overview && overviewView(input.overview);
  const edition = fileLinks(page, input.editionFiles, true);
  return {
    lang: meta.language,
    title: meta.title.includes(String(meta.edition)) ? meta.title : `${meta.title} ${meta.edition}`,
    edition: meta.edition,
    publisher: meta.publisher,
    publishedHtml: publishedHtml(meta.published),
    licence: meta.licence,
    countryCount: count(countries.length),
    site: input.chrome,
    volume: [...edition.pdfs, ...edition.data],
    overview: overview && {
      ...overview,
      countries: overview.countries.map((row, i) => {
        const slug = input.overview?.rows[i]?.slug;
        const c = slug === undefined ? undefined : bySlug.get(slug);
        return { ...row, href: c && href(c) };
      }),
    },
    monitor: countries.some((c) => c.sections)
      ? countries.map((c) => {
          const own = href(c);
          return {
            slug: c.slug,
            country: c.name,
            href: own,
            sections: (c.sections ?? []).map((s) => ({
              heading: s.heading,
              href: own && `${own}#${encodeURIComponent(s.id)}`,
              updatedHtml: s.updatedHtml,
              sortKey: s.updatedSort,
              from: s.from,
            })),
          };
        })
      : undefined,
    countries: countries.map((c) => ({
      country: c.name,
      href: href(c),
      ...fileLinks(page, c.files),
    })),
  };
}

export interface EditionIndexKind {
  meta: EditionMeta;
  /** The kind's index page as the manifest names it. */
  index: string;
  countries: number;
}

export function editionIndexView(
  edition: number,
  page: string,
  chrome: SiteChrome,
  kinds: readonly EditionIndexKind[],
) {
  return {
    lang: kinds[0]?.meta.language ?? 'en',
    edition,
    site: chrome,
    kinds: kinds.map((k) => ({
      title: k.meta.title,
      href: siteHref(page, k.index),
      publisher: k.meta.publisher,
      publishedHtml: publishedHtml(k.meta.published),
      countryCount: count(k.countries),
    })),
  };
}
