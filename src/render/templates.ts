import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { paths } from '../project.js';
import type { ReportKind } from '../schema/report-kind.js';

type Compiled = (context: unknown) => string;
const cache = new Map<string, Compiled>();

/**
 * Compiles templates/<kind>/report.hbs with the partials beside it, in an isolated
 * Handlebars environment. Templates place values only: no helpers do arithmetic.
 */
export async function loadTemplate(kind: ReportKind, templatesDir = paths.templates): Promise<Compiled> {
  const dir = path.join(templatesDir, kind);
  const cached = cache.get(dir);
  if (cached) return cached;
  const hbs = Handlebars.create();
  const partialsDir = path.join(dir, 'partials');
  for (const name of (await readdir(partialsDir)).filter((n) => n.endsWith('.hbs'))) {
    hbs.registerPartial(name.slice(0, -4), await readFile(path.join(partialsDir, name), 'utf8'));
  }
  const template = hbs.compile(await readFile(path.join(dir, 'report.hbs'), 'utf8'), {
    preventIndent: true,
  });
  const compiled: Compiled = (context) => template(context, { allowProtoPropertiesByDefault: false });
  cache.set(dir, compiled);
  return compiled;
}

/** Forgets compiled templates, so a long-running process sees edited files. */
export function clearTemplateCache(): void {
  cache.clear();
}
