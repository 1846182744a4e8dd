import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Document, isMap, isScalar, type YAMLMap } from 'yaml';
import { UserError } from '../errors.js';
import { findCascadeFiles } from '../data/cascade.js';
import { EDITION_META_FILE, findCountryFiles, type CountryFile } from '../data/find.js';
import { currentVersion, documentText } from '../data/migrate.js';
import { formatProblem } from '../data/problem.js';
import { toFill } from '../data/to-fill.js';
import { loadYaml } from '../data/yaml-source.js';
import { formatDate } from '../derive/format.js';
import { paths } from '../project.js';
import { REPORT_KINDS, type ReportKind } from '../schema/report-kind.js';
import { writeFileAtomic } from './atomic-write.js';
import type { CarriedForward } from './kind-definition.js';
import { definitionOf } from './kinds.js';

export interface NewEditionOptions {
  /** The edition to start, e.g. 2026. */
  to: number;
  /** The edition it starts from, e.g. 2025 (default: each kind's newest edition before `to`). */
  from?: number;
  /** Only this report kind (default: every kind the `from` edition has). */
  kind?: ReportKind;
  editionsDir?: string;
}

/** What an editor has to do for one country of the new edition. */
export interface CountryChecklist {
  kind: ReportKind;
  country: string;
  /** The new file, and the one it was carried forward from. */
  file: string;
  from: string;
  /** Fields left `{ to_fill: <edition> }`, as dotted paths. */
  toFill: string[];
  /** What moved or changed. */
  moved: string[];
  /** What to look at again. */
  review: string[];
  /** Text fields naming the old data year. */
  mentionsOldYear: string[];
  /** For a cascading kind: where each section comes from now. */
  inherited: { section: string; from: number | undefined; note: string }[];
}

export interface NewEditionResult {
  to: number;
  /** The newest edition any kind started from. */
  from: number;
  kinds: {
    kind: ReportKind;
    /** The edition this kind started from. */
    from: number;
    editionFile: string;
    editionToFill: string[];
    countries: CountryChecklist[];
  }[];
}

interface Planned {
  file: string;
  text: string;
}

/**
 * Starts an edition from the one before: for each report kind, a new `_edition.yaml`
 * (publication date left to fill) and every country carried forward. A kind with full
 * editions (Clearing the Mines) copies each country file and marks what the new year must
 * fill (src/kinds/clearing-the-mines/commands/new-edition.ts); a kind whose sections cascade (the Monitor) starts
 * each country empty, inheriting every section. Every new country is a draft. Refuses
 * (UserError, exit 2) to touch an edition folder that already holds files; writes nothing
 * until every file is made, then writes each atomically.
 */
export async function newEdition(options: NewEditionOptions): Promise<NewEditionResult> {
  const editionsDir = options.editionsDir ?? paths.editions;
  const { to } = options;
  const starts = await startingEditions(editionsDir, options);
  const kinds = starts.map((s) => s.kind);
  const existing: string[] = [];
  for (const kind of kinds) {
    const dir = path.join(editionsDir, String(to), kind);
    const entries = await readdir(dir).catch(() => []);
    if (entries.length > 0) existing.push(dir);
  }
  if (existing.length > 0) {
    throw new UserError(
      `edition ${to} already exists (${existing.join(', ')}): new-edition never overwrites; remove it first to start again`,
    );
  }

  const planned: Planned[] = [];
  const result: NewEditionResult = { to, from: Math.max(...starts.map((s) => s.from)), kinds: [] };
  for (const { kind, from } of starts) {
    const sources = await findCountryFiles(editionsDir, { edition: from, kind });
    if ('carryForward' in definitionOf(kind).nextEdition && to !== from + 1) {
      throw new UserError(
        `${kind} carries a country forward one edition at a time: new-edition ${from + 1} --from ${from}`,
      );
    }
    const meta = await editionMeta(editionsDir, kind, from, to);
    planned.push(meta.planned);
    const countries: CountryChecklist[] = [];
    const rule = definitionOf(kind).nextEdition;
    for (const c of sources.filter((s) => s.kind === kind)) {
      const made =
        'carryForward' in rule
          ? await carryForward(c, to, rule)
          : await startCascading(editionsDir, c, to, rule.inheritSections);
      planned.push(made.planned);
      countries.push(made.checklist);
    }
    result.kinds.push({
      kind,
      from,
      editionFile: meta.planned.file,
      editionToFill: meta.toFill,
      countries,
    });
  }
  for (const p of planned) await writeFileAtomic(p.file, p.text);
  return result;
}

/**
 * Which edition each report kind starts from: the one given, or else the kind's newest
 * edition before the new one (the Monitor's last edition may be years back).
 */
async function startingEditions(
  editionsDir: string,
  options: NewEditionOptions,
): Promise<{ kind: ReportKind; from: number }[]> {
  const { to, from } = options;
  if (from !== undefined && to <= from)
    throw new UserError(`the new edition (${to}) must come after the one it starts from (${from})`);
  if (from !== undefined) {
    const kinds = await kindsOf(editionsDir, from, options.kind);
    if (kinds.length === 0)
      throw new UserError(
        `no ${options.kind ?? 'report'} edition ${from} under ${path.join(editionsDir, String(from))}`,
      );
    return kinds.map((kind) => ({ kind, from }));
  }
  const years = (await readdir(editionsDir).catch(() => [] as string[]))
    .filter((d) => /^\d{4}$/.test(d))
    .map(Number)
    .filter((y) => y < to)
    .sort((a, b) => b - a);
  const starts: { kind: ReportKind; from: number }[] = [];
  for (const kind of REPORT_KINDS) {
    if (options.kind && kind !== options.kind) continue;
    for (const year of years)
      if ((await kindsOf(editionsDir, year, kind)).length > 0) {
        starts.push({ kind, from: year });
        break;
      }
  }
  if (starts.length === 0)
    throw new UserError(`no ${options.kind ?? 'report'} edition before ${to} under ${editionsDir}`);
  return starts;
}

/** The report kinds of an edition: folders holding an `_edition.yaml` or country files. */
async function kindsOf(
  editionsDir: string,
  edition: number,
  only: ReportKind | undefined,
): Promise<ReportKind[]> {
  const found: ReportKind[] = [];
  for (const kind of REPORT_KINDS) {
    if (only && kind !== only) continue;
    const names = await readdir(path.join(editionsDir, String(edition), kind)).catch(
      () => [] as string[],
    );
    if (names.some((n) => n.endsWith('.yaml'))) found.push(kind);
  }
  return found;
}

async function parsed(file: string) {
  const loaded = await loadYaml(file);
  if (!loaded.ok) {
    const first = loaded.problems[0];
    throw new UserError(
      `cannot carry ${file} forward: ${first ? formatProblem(first) : 'unreadable'}`,
    );
  }
  return loaded.source;
}

/** The new edition's metadata: the year in its title and licence moved on, its publication date to fill. */
async function editionMeta(
  editionsDir: string,
  kind: ReportKind,
  from: number,
  to: number,
): Promise<{ planned: Planned; toFill: string[] }> {
  const source = await parsed(path.join(editionsDir, String(from), kind, EDITION_META_FILE));
  const doc = source.doc;
  const setScalar = (key: string, value: unknown) => {
    const node = doc.get(key, true);
    if (isScalar(node)) node.value = value;
    else doc.set(key, value);
  };
  setScalar('edition', to);
  for (const key of ['title', 'licence']) {
    const value = doc.get(key);
    if (typeof value === 'string')
      setScalar(key, value.replace(new RegExp(`\\b${from}\\b`, 'g'), String(to)));
  }
  const dataYear = doc.get('data_year');
  if (typeof dataYear === 'number') setScalar('data_year', dataYear + (to - from));
  const published = doc.createNode(toFill(to)) as YAMLMap;
  published.flow = true;
  doc.set('published', published);
  return {
    planned: {
      file: path.join(editionsDir, String(to), kind, EDITION_META_FILE),
      text: documentText(doc, source.text),
    },
    toFill: ['published'],
  };
}

/** A country of a kind with full editions, copied with the new year's figures to fill (the kind's own rule). */
async function carryForward(
  c: CountryFile,
  to: number,
  rule: { carryForward(doc: Document, from: number, to: number): CarriedForward },
): Promise<{ planned: Planned; checklist: CountryChecklist }> {
  const source = await parsed(c.file);
  if (!isMap(source.doc.contents))
    throw new UserError(`cannot carry ${c.file} forward: not a mapping of fields`);
  const carried = rule.carryForward(source.doc, c.edition, to);
  const file = path.join(
    path.dirname(path.dirname(path.dirname(c.file))),
    String(to),
    c.kind,
    `${c.country}.yaml`,
  );
  return {
    planned: { file, text: documentText(source.doc, source.text) },
    checklist: { kind: c.kind, country: c.country, file, from: c.file, ...carried, inherited: [] },
  };
}

/** A country of a cascading kind: an empty file that inherits every section. */
async function startCascading(
  editionsDir: string,
  c: CountryFile,
  to: number,
  sections: readonly string[],
): Promise<{ planned: Planned; checklist: CountryChecklist }> {
  const source = await parsed(c.file);
  const country = (source.value as Record<string, unknown>).country;
  const name = typeof country === 'string' ? country : c.country;
  const inherited = await inheritedSections(editionsDir, c, sections);
  const doc = new Document({
    schema_version: currentVersion(c.kind),
    report: c.kind,
    edition: to,
    country: name,
    status: 'draft',
    sections: {},
  });
  (doc.get('sections', true) as YAMLMap).flow = true;
  doc.commentBefore =
    ` yaml-language-server: $schema=../../../../schemas/${c.kind}.json\n` +
    ` Country profile "${name}", ${to} edition, started from ${c.edition} by keydata new-edition.\n` +
    ` Every section is inherited from earlier editions; add a section under sections to update it.`;
  const file = path.join(editionsDir, String(to), c.kind, `${c.country}.yaml`);
  return {
    planned: { file, text: documentText(doc) },
    checklist: {
      kind: c.kind,
      country: c.country,
      file,
      from: c.file,
      toFill: [],
      moved: [],
      review: ['every section is inherited: update the sections that changed'],
      mentionsOldYear: [],
      inherited,
    },
  };
}

/** For each section of a cascading profile up to the edition `c`: the edition it now comes from. */
async function inheritedSections(
  editionsDir: string,
  c: CountryFile,
  sections: readonly string[],
): Promise<CountryChecklist['inherited']> {
  const layers = await findCascadeFiles(editionsDir, c.kind, c.country, c.edition);
  const latest = new Map<string, { edition: number; value: Record<string, unknown> }>();
  for (const layer of layers) {
    const source = await parsed(layer.file);
    const sections = (source.value as Record<string, unknown>).sections;
    if (sections === null || typeof sections !== 'object') continue;
    for (const [key, value] of Object.entries(sections as Record<string, unknown>)) {
      if (value !== null && typeof value === 'object')
        latest.set(key, { edition: layer.edition, value: value as Record<string, unknown> });
    }
  }
  return sections.map((key) => {
    const found = latest.get(key);
    if (!found) return { section: key, from: undefined, note: 'not in any earlier edition' };
    if (found.value.withdrawn === true)
      return { section: key, from: found.edition, note: `withdrawn in ${found.edition}` };
    const updated =
      typeof found.value.last_updated === 'string'
        ? `, last updated ${formatDate(found.value.last_updated)}`
        : '';
    return {
      section: key,
      from: found.edition,
      note: `from the ${found.edition} edition${updated}`,
    };
  });
}
