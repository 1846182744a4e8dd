import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { paths } from '../project.js';
import { clearSiteTemplateCache } from './site/site-templates.js';

type Compiled = (context: unknown) => string;

/** A report kind's templates: the whole page, and its body alone (for the edition volume). */
export interface KindTemplates {
  page: Compiled;
  body: Compiled;
}

const cache = new Map<string, Promise<KindTemplates>>();

async function compileDir(dir: string, shared: readonly string[]): Promise<KindTemplates> {
  const hbs = Handlebars.create();
  const partials = new Map<string, string>();
  const partialsDir = path.join(dir, 'partials');
  for (const from of [partialsDir, ...shared.map((s) => path.join(s, 'partials'))]) {
    for (const name of (await readdir(from)).filter((n) => n.endsWith('.hbs'))) {
      const key = name.slice(0, -4);
      // One name, one partial: a kind never silently replaces a shared partial.
      if (partials.has(key))
        throw new Error(`${path.join(from, name)}: a partial named '${key}' is already defined`);
      const source = await readFile(path.join(from, name), 'utf8');
      partials.set(key, source);
      hbs.registerPartial(key, source);
    }
  }
  const options = { preventIndent: true };
  const run =
    (t: HandlebarsTemplateDelegate): Compiled =>
    (context) =>
      t(context, { allowProtoPropertiesByDefault: false });
  const bodySource = partials.get('report-body');
  if (bodySource === undefined) throw new Error(`${partialsDir}/report-body.hbs is missing`);
  return {
    page: run(hbs.compile(await readFile(path.join(dir, 'report.hbs'), 'utf8'), options)),
    body: run(hbs.compile(bodySource, options)),
  };
}

/**
 * Compiles templates/<templates>/report.hbs with its partials and those of the folders it
 * shares, in an isolated Handlebars environment. Templates place values only: no helpers do
 * arithmetic.
 */
export function loadTemplates(
  page: { templates: string; sharedPartials: readonly string[] },
  templatesDir = paths.templates,
): Promise<KindTemplates> {
  const dir = path.join(templatesDir, page.templates);
  const shared = page.sharedPartials.map((s) => path.join(templatesDir, s));
  const key = [dir, ...shared].join('\0');
  let cached = cache.get(key);
  if (!cached) {
    cached = compileDir(dir, shared);
    cached.catch(() => cache.delete(key));
    cache.set(key, cached);
  }
  return cached;
}

/** Forgets compiled templates, so a long-running process sees edited files. */
export function clearTemplateCache(): void {
  cache.clear();
  clearSiteTemplateCache();
}
