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

async function compileDir(dir: string): Promise<KindTemplates> {
  const hbs = Handlebars.create();
  const partials = new Map<string, string>();
  const partialsDir = path.join(dir, 'partials');
  for (const name of (await readdir(partialsDir)).filter((n) => n.endsWith('.hbs'))) {
    const source = await readFile(path.join(partialsDir, name), 'utf8');
    partials.set(name.slice(0, -4), source);
    hbs.registerPartial(name.slice(0, -4), source);
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
 * Compiles templates/<name>/report.hbs and its partials in an isolated Handlebars
 * environment. Templates place values only: no helpers do arithmetic.
 */
export function loadTemplates(
  name: string,
  templatesDir = paths.templates,
): Promise<KindTemplates> {
  const dir = path.join(templatesDir, name);
  let cached = cache.get(dir);
  if (!cached) {
    cached = compileDir(dir);
    cached.catch(() => cache.delete(dir));
    cache.set(dir, cached);
  }
  return cached;
}

/** Forgets compiled templates, so a long-running process sees edited files. */
export function clearTemplateCache(): void {
  cache.clear();
  clearSiteTemplateCache();
}
