import { access } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { EDITION_META_FILE } from '../data/find.js';
import { formatPath } from '../data/problem.js';
import { schemaTemplate } from '../data/schema-template.js';
import { findToFill } from '../data/to-fill.js';
import { UserError } from '../errors.js';
import { paths } from '../project.js';
import { REPORT_SCHEMAS } from '../schema/index.js';
import type { ReportKind } from '../schema/report-kind.js';
import { definitionOf } from './kinds.js';
import { writeFileAtomic } from './atomic-write.js';

export interface AddCountryOptions {
  edition: number;
  kind: ReportKind;
  /** The file name without .yaml, e.g. "ruritania". */
  country: string;
  /** The name as printed (default: from the file name, "grand-fenwick" -> "Grand Fenwick"). */
  name?: string;
  editionsDir?: string;
}

export interface AddCountryResult {
  file: string;
  /** Fields left `{ to_fill: <edition> }`, as dotted paths. */
  toFill: string[];
}

/** A file name: lower-case letters and digits, words joined by "-". */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** "grand-fenwick" -> "Grand Fenwick". */
export const nameFromSlug = (slug: string): string =>
  slug
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');

/**
 * Adds a country to an edition of a report kind: a new draft file with every field of the
 * kind's schema, each under its description, `{ to_fill: <edition> }` where a value is
 * needed and optional fields commented out. It validates as a draft and builds with the
 * marks; `--final` refuses it until every marker is filled. Refuses (UserError, exit 2) a
 * bad file name, an edition that does not exist, and a file that exists: it never overwrites.
 */
export async function addCountry(options: AddCountryOptions): Promise<AddCountryResult> {
  const { edition, kind, country } = options;
  if (!SLUG.test(country))
    throw new UserError(
      `the country's file name must be lower-case letters and digits joined by "-", such as grand-fenwick, got '${country}'`,
    );
  const editionsDir = options.editionsDir ?? paths.editions;
  const dir = path.join(editionsDir, String(edition), kind);
  if (!(await exists(path.join(dir, EDITION_META_FILE))))
    throw new UserError(
      `no ${kind} edition ${edition} (no ${path.join(dir, EDITION_META_FILE)}): start it with keydata new-edition ${edition}`,
    );
  const file = path.join(dir, `${country}.yaml`);
  if (await exists(file))
    throw new UserError(`${file} already exists: add-country never overwrites a file`);

  const name = options.name?.trim() || nameFromSlug(country);
  const hook = definitionOf(kind).addCountry;
  const text = schemaTemplate(
    REPORT_SCHEMAS[kind],
    {
      edition,
      given: { edition, country: name, status: 'draft', ...hook.given?.(edition) },
      live: new Set(hook.live ?? []),
    },
    [
      `yaml-language-server: $schema=../../../../schemas/${kind}.json`,
      `${name}, ${kind} ${edition}: a new country, written by keydata add-country.`,
      `Fill every { to_fill: ${edition} }: a draft builds with each printed "TO FILL ${edition}",`,
      'build --final refuses the file until none is left. Optional fields are commented out:',
      'uncomment what applies. A choice of words starts at its first value: choose.',
    ],
  );
  const toFill = findToFill(parse(text)).map((u) => formatPath(u.path));
  await writeFileAtomic(file, text);
  return { file, toFill };
}
