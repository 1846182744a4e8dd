import { combinedStatus, watermarkFor } from '../derive/review.js';
import type { EditionOverview } from '../derive/overview/edition-overview.js';
import type { EditionMeta } from '../schema/edition.js';
import { overviewView } from './overview/overview-view.js';
import type { RenderedReport } from './render-report.js';
import { cssString, loadVolumeStyles } from './styles.js';
import { markLongWords } from './long-words.js';
import { loadTemplates } from './templates.js';
import { documentDate, publishedHtml } from './to-fill-mark.js';

export interface VolumeCountry {
  slug: string;
  name: string;
  rendered: RenderedReport;
}

/** A page name per country: its pages carry its name in the running header. */
export const countryPageName = (slug: string) => `country-${slug}`;

/**
 * The edition volume of one report kind as one HTML document: cover, contents, and every
 * country's body on pages of its own. The layout pass paginates it whole, so page numbers
 * run on through the book; the contents' page numbers are filled in after layout.
 */
export async function renderVolume(
  meta: EditionMeta,
  countries: readonly VolumeCountry[],
  /** The edition overview that opens the book, for the kinds that have one. */
  overview?: EditionOverview,
): Promise<RenderedReport> {
  const first = countries[0];
  if (!first) throw new Error('a volume needs at least one country');
  const named = countries
    .map(({ slug, name }) => {
      const page = countryPageName(slug);
      return `@page ${page} { @top-right { content: ${cssString(name)}; } }\n@page ${page}-first { @top-left { content: none; } @top-right { content: none; } }`;
    })
    .join('\n');
  const css = `${first.rendered.styles}\n${await loadVolumeStyles()}\n@page { @top-left { content: ${cssString(meta.title)}; } }\n${named}`;
  const templates = await loadTemplates({ templates: 'volume', sharedPartials: [] });
  // A book with one country in draft is a draft: its watermark runs through the book.
  const status = combinedStatus(countries.map((c) => c.rendered.status));
  const view = {
    watermark: watermarkFor(status),
    lang: meta.language,
    title: meta.title,
    subtitle: `Country reports: ${countries.length} ${countries.length === 1 ? 'country' : 'countries'}`,
    publisher: meta.publisher,
    publishedHtml: publishedHtml(meta.published),
    licence: meta.licence,
    website: meta.website,
    overview: overview && overviewView(overview),
    countries: countries.map((c) => ({
      slug: c.slug,
      name: c.name,
      anchor: `country-${c.slug}`,
      body: c.rendered.body,
    })),
  };
  return {
    html: markLongWords(templates.page({ ...view, css })),
    body: markLongWords(templates.body(view)),
    styles: css,
    layout: { ...first.rendered.layout, volume: true },
    title: meta.title,
    status,
    exports: { tables: [], charts: [] },
    meta: {
      title: meta.title,
      author: meta.publisher,
      subject: `${meta.title}: ${countries.map((c) => c.name).join(', ')}`,
      keywords: [meta.title, 'mine action', ...countries.map((c) => c.name)],
      language: meta.language,
      published: documentDate(meta),
    },
  };
}
