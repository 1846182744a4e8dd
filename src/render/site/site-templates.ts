import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { paths } from '../../project.js';

type Compiled = (context: unknown) => string;

/** The site's pages: a country's page, a report kind's index, the edition's index. */
export interface SiteTemplates {
  country: Compiled;
  kindIndex: Compiled;
  editionIndex: Compiled;
}

/** templates/site/: the site's own layouts, its partials and its script. */
export const siteTemplatesDir = (templatesDir = paths.templates) => path.join(templatesDir, 'site');

async function partialsOf(dir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.hbs')))
    found.set(name.slice(0, -4), await readFile(path.join(dir, name), 'utf8'));
  return found;
}

const cache = new Map<string, Promise<SiteTemplates>>();

/** Where a kind's page comes from (src/render/page.ts KindPage): its partials' folders. */
type PageFolders = { templates: string; sharedPartials: readonly string[] };

async function compile(
  page: PageFolders | undefined,
  templatesDir: string,
): Promise<SiteTemplates> {
  const hbs = Handlebars.create();
  const site = siteTemplatesDir(templatesDir);
  // The country page places the kind's own report body, the partials the PDF is made of: one
  // template for both, so the web page cannot drift from the printed report.
  for (const folder of page ? [page.templates, ...page.sharedPartials] : [])
    for (const [name, source] of await partialsOf(path.join(templatesDir, folder, 'partials')))
      hbs.registerPartial(name, source);
  // The index of a Mine Action Review kind prints the volume's overview table.
  const volume = await partialsOf(path.join(templatesDir, 'volume', 'partials'));
  const overview = volume.get('overview');
  if (overview !== undefined) hbs.registerPartial('overview', overview);
  for (const [name, source] of await partialsOf(path.join(site, 'partials')))
    hbs.registerPartial(name, source);
  const load = async (name: string): Promise<Compiled> => {
    const t = hbs.compile(await readFile(path.join(site, `${name}.hbs`), 'utf8'), {
      preventIndent: true,
    });
    return (context) => t(context, { allowProtoPropertiesByDefault: false });
  };
  return {
    country: await load('country'),
    kindIndex: await load('kind-index'),
    editionIndex: await load('edition-index'),
  };
}

/** The site's templates with a report kind's partials (none for the edition's index). */
export function loadSiteTemplates(
  page: PageFolders | undefined,
  templatesDir = paths.templates,
): Promise<SiteTemplates> {
  const key = [templatesDir, page?.templates ?? '', ...(page?.sharedPartials ?? [])].join('\0');
  let cached = cache.get(key);
  if (!cached) {
    cached = compile(page, templatesDir);
    cached.catch(() => cache.delete(key));
    cache.set(key, cached);
  }
  return cached;
}

/** Forgets compiled templates, so a long-running process sees edited files. */
export function clearSiteTemplateCache(): void {
  cache.clear();
}

/** The site's sorting script (templates/site/assets/sort.js), the one script a page loads. */
export function readSortScript(templatesDir = paths.templates): Promise<string> {
  return readFile(path.join(siteTemplatesDir(templatesDir), 'assets', 'sort.js'), 'utf8');
}
