/**
 * The edition as a web site, in <out>/<edition>/site/: a page per country profile (an output
 * of the profile, like its PDF: rewritten when the profile is, removed by --prune with it), an
 * index per report kind and one for the edition, the stylesheets, the subset fonts and the
 * sorting script (edition outputs, never pruned as orphans). Each is recorded in the manifest
 * with its sha256 and skipped when its inputs are unchanged: a corrected country rewrites its
 * page and its kind's index, nothing else.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { type CountryFile, findCountryFiles } from '../data/find.js';
import { loadEditionMeta } from '../data/load-report.js';
import { displayPath } from '../project.js';
import { siteContentSecurityPolicy } from '../render/content-security.js';
import type { RenderedReport } from '../render/render-report.js';
import { siteFonts } from '../render/site/site-fonts.js';
import {
  type BuiltFile,
  editionIndexView,
  fileLinks,
  type IndexCountry,
  kindIndexView,
} from '../render/site/index-view.js';
import {
  renderSiteCountry,
  renderSiteEditionIndex,
  renderSiteKindIndex,
  type SiteChrome,
  siteStylesheet,
} from '../render/site/site-page.js';
import { readSortScript } from '../render/site/site-templates.js';
import type { EditionMeta } from '../schema/edition.js';
import type { ReportKind } from '../schema/report-kind.js';
import { VERSION } from '../version.js';
import { writeFileAtomic } from './atomic-write.js';
import type { BuildResult } from './build.js';
import { kindInputsHash, profileInputsHash, sha256File, volumeKindInputsHash } from './inputs.js';
import { type Manifest, type ManifestEntry, profileKey } from './manifest.js';
import { relativeOutput, resolveOutput } from './output-paths.js';
import { kindPage } from './kind-pages.js';
import { hasOverview, loadEdition, overviewKey, overviewOf } from './overview.js';
import { renderReport } from './report.js';
import { SITE_OUTPUT } from './plan.js';
import { volumeKey } from './volume.js';

type Outputs = Record<string, { file: string; sha256: string }>;

/** <out>/<edition>/site */
export const siteDir = (outDir: string, edition: number) =>
  path.join(outDir, String(edition), 'site');

/** A profile's page: <out>/<edition>/site/<kind>/<country>.html */
export const sitePagePath = (
  outDir: string,
  c: Pick<CountryFile, 'edition' | 'kind' | 'country'>,
) => path.join(siteDir(outDir, c.edition), c.kind, `${c.country}.html`);

/** The manifest keys of the site's edition outputs: a kind's index, and the edition's. */
export const siteKindKey = (kind: ReportKind, edition: number) => `${kind}/site-${edition}`;
export const siteRootKey = (edition: number) => `site/site-${edition}`;

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const rel = (outDir: string, file: string) => relativeOutput(outDir, file) ?? file;

const trailRoot = (edition: number, root: string) => ({
  label: `${edition} edition`,
  href: `${root}index.html`,
});

/** The files of a manifest entry, with their sizes on disk (a file gone is left out). */
async function builtFiles(outDir: string, outputs: Outputs | undefined): Promise<BuiltFile[]> {
  const files: BuiltFile[] = [];
  for (const [key, o] of Object.entries(outputs ?? {})) {
    const abs = resolveOutput(outDir, o.file);
    const size = abs && (await stat(abs).catch(() => undefined));
    if (size) files.push({ key, file: o.file, bytes: size.size });
  }
  return files;
}

/**
 * What a profile's entry will hold once this build is recorded (build/record.ts): with the
 * same inputs, the kinds not made again stay; then what was made now.
 */
export function outputsAfter(
  before: ManifestEntry | undefined,
  inputs: string,
  keys: readonly string[],
  made: Outputs,
  outDir: string,
): Outputs {
  const outputs: Outputs = {};
  if (before?.inputs === inputs)
    for (const [k, o] of Object.entries(before.outputs))
      if (!keys.includes(k.split(':')[0] ?? k)) outputs[k] = o;
  for (const [k, o] of Object.entries(made))
    outputs[k] = { file: rel(outDir, o.file), sha256: o.sha256 };
  return outputs;
}

/** Writes a profile's page; its downloads are the profile's other outputs after this build. */
export async function writeSitePage(
  outDir: string,
  country: CountryFile,
  rendered: RenderedReport,
  outputs: Outputs,
): Promise<{ file: string; sha256: string }> {
  const file = sitePagePath(outDir, country);
  const page = rel(outDir, file);
  const { pdfs, data } = fileLinks(page, await builtFiles(outDir, outputs));
  const chrome: SiteChrome = {
    kind: country.kind,
    root: '../',
    stylesheet: `../assets/${country.kind}.css`,
    csp: siteContentSecurityPolicy(),
    skipTo: 'top',
    trail: [
      trailRoot(country.edition, '../'),
      { label: rendered.source?.publication ?? country.kind, href: 'index.html' },
      { label: rendered.source?.country ?? country.country },
    ],
    files: [...pdfs, ...data],
  };
  const html = await renderSiteCountry(rendered, chrome);
  await writeFileAtomic(file, html);
  return { file, sha256: sha256(html) };
}

type SiteContext = { outDir: string; editionsDir: string; force: boolean; cacheDir: string };

/** Whether every output an entry lists is on disk as written. */
async function intact(outDir: string, entry: ManifestEntry | undefined): Promise<boolean> {
  if (!entry) return false;
  for (const o of Object.values(entry.outputs)) {
    const file = resolveOutput(outDir, o.file);
    if (!file || (await sha256File(file)) !== o.sha256) return false;
  }
  return true;
}

/** Writes each file, records them as one edition entry of the manifest. */
async function writeEditionEntry(
  ctx: SiteContext,
  manifest: Manifest,
  key: string,
  inputs: string,
  files: [key: string, file: string, data: string | Uint8Array][],
): Promise<void> {
  const outputs: Outputs = {};
  for (const [k, file, data] of files) {
    await writeFileAtomic(file, data);
    outputs[k] = { file: rel(ctx.outDir, file), sha256: sha256(data) };
  }
  manifest.profiles[key] = {
    inputs,
    formats: [SITE_OUTPUT],
    outputs,
    built: new Date().toISOString(),
    // An output of the whole edition: never pruned as a country whose data is gone.
    scope: 'edition',
  };
}

const entryFingerprint = (entry: ManifestEntry | undefined) =>
  JSON.stringify(
    Object.entries(entry?.outputs ?? {})
      .map(([k, o]) => [k, o.file, o.sha256])
      .sort(),
  );

/**
 * A report kind's index and stylesheet: built when its inputs changed (the kind's templates
 * and styles, any country's data, any file the index links), skipped otherwise.
 */
async function buildKindIndex(
  ctx: SiteContext,
  manifest: Manifest,
  edition: number,
  kind: ReportKind,
): Promise<BuildResult> {
  const started = performance.now();
  const dir = path.join(siteDir(ctx.outDir, edition), kind);
  const self: CountryFile = { edition, kind, country: `site-${edition} (index)`, file: dir };
  const countries = await findCountryFiles(ctx.editionsDir, { edition, kind });
  const hash = createHash('sha256').update(await volumeKindInputsHash(kind));
  const linked = [volumeKey(kind, edition), overviewKey(kind, edition)];
  for (const c of countries) {
    hash.update(`${c.country}:${await profileInputsHash(c, ctx.editionsDir)}`);
    hash.update(entryFingerprint(manifest.profiles[profileKey(c)]));
  }
  for (const k of linked) hash.update(`${k}:${entryFingerprint(manifest.profiles[k])}`);
  const inputs = hash.digest('hex');
  const key = siteKindKey(kind, edition);
  const entry = manifest.profiles[key];
  const index = path.join(dir, 'index.html');
  const stylesheet = path.join(siteDir(ctx.outDir, edition), 'assets', `${kind}.css`);
  const outputs = [index, stylesheet];
  if (!ctx.force && entry?.inputs === inputs && (await intact(ctx.outDir, entry)))
    return { country: self, status: 'skipped', outputs, problems: [], ms: 0 };

  const { reports } = await loadEdition(ctx.editionsDir, edition, kind);
  const meta = reports[0]?.report.meta;
  if (!meta) {
    const error = 'site index not built: no country of the edition has valid data';
    return { country: self, status: 'failed', outputs: [], problems: [], error, ms: 0 };
  }
  const valid = new Map(reports.map((r) => [r.slug, r.report]));
  const listed: IndexCountry[] = [];
  for (const c of countries) {
    const e = manifest.profiles[profileKey(c)];
    const report = valid.get(c.country);
    // A Monitor profile is listed with its sections: the view its page was made from says them.
    const view =
      report && !hasOverview(kind) ? (await renderReport(report)).source?.view : undefined;
    listed.push({
      slug: c.country,
      name: report?.data.country ?? c.country,
      page: e?.outputs[SITE_OUTPUT]?.file,
      files: await builtFiles(ctx.outDir, e?.outputs),
      ...(view && 'contents' in view
        ? { sections: view.contents as IndexCountry['sections'] }
        : {}),
    });
  }
  const editionFiles = [
    ...(await builtFiles(ctx.outDir, manifest.profiles[volumeKey(kind, edition)]?.outputs)),
    ...(await builtFiles(ctx.outDir, manifest.profiles[overviewKey(kind, edition)]?.outputs)),
  ];
  const page = rel(ctx.outDir, index);
  const chrome: SiteChrome = {
    kind,
    root: '../',
    stylesheet: `../assets/${kind}.css`,
    csp: siteContentSecurityPolicy(),
    skipTo: 'content',
    trail: [trailRoot(edition, '../'), { label: meta.title }],
  };
  const view = kindIndexView({
    meta,
    page,
    chrome,
    countries: listed,
    overview: overviewOf(edition, kind, reports),
    editionFiles,
  });
  await writeEditionEntry(ctx, manifest, key, inputs, [
    ['site-index', index, await renderSiteKindIndex(kindPage(kind), view)],
    ['site-css', stylesheet, await siteStylesheet(kindPage(kind))],
  ]);
  return {
    country: self,
    status: 'built',
    reason: entry ? 'inputs changed' : 'not built before',
    outputs,
    problems: [],
    ms: performance.now() - started,
  };
}

/** The edition's index (its report kinds), its stylesheet, the script and the fonts. */
async function buildRoot(
  ctx: SiteContext,
  manifest: Manifest,
  edition: number,
  kind: ReportKind,
): Promise<BuildResult> {
  const started = performance.now();
  const dir = siteDir(ctx.outDir, edition);
  const self: CountryFile = {
    edition,
    kind,
    country: `site-${edition} (edition index)`,
    file: dir,
  };
  // The kinds with an index on the site, as the manifest says after this build.
  const kinds = Object.entries(manifest.profiles)
    .filter(
      ([k, e]) =>
        k.endsWith(`/site-${edition}`) && e.outputs['site-index'] && !k.startsWith('site/'),
    )
    .map(([k, e]) => ({
      kind: k.split('/')[0] as ReportKind,
      index: e.outputs['site-index']?.file as string,
    }))
    .sort((a, b) => a.kind.localeCompare(b.kind));
  const metas: { meta: EditionMeta; index: string; countries: number }[] = [];
  for (const k of kinds) {
    const loaded = await loadEditionMeta(
      path.join(ctx.editionsDir, String(edition), k.kind),
      displayPath,
    );
    const countries = await findCountryFiles(ctx.editionsDir, { edition, kind: k.kind });
    if (loaded.ok) metas.push({ meta: loaded.meta, index: k.index, countries: countries.length });
  }
  const index = path.join(dir, 'index.html');
  const chrome: SiteChrome = {
    root: '',
    stylesheet: 'assets/site.css',
    csp: siteContentSecurityPolicy(),
    skipTo: 'content',
    trail: [{ label: `${edition} edition` }],
  };
  const html = await renderSiteEditionIndex(
    editionIndexView(edition, rel(ctx.outDir, index), chrome, metas),
  );
  const css = await siteStylesheet(undefined);
  const script = await readSortScript();
  // The fonts are subset only when something changed: harfbuzz takes seconds, the rest is cheap.
  const inputs = sha256(
    JSON.stringify([
      VERSION,
      await kindInputsHash(kind),
      sha256(html),
      sha256(css),
      sha256(script),
    ]),
  );
  const key = siteRootKey(edition);
  const entry = manifest.profiles[key];
  const outputs = [index];
  if (!ctx.force && entry?.inputs === inputs && (await intact(ctx.outDir, entry)))
    return { country: self, status: 'skipped', outputs, problems: [], ms: 0 };
  const fonts = await siteFonts(path.join(ctx.cacheDir, 'site-fonts'));
  await writeEditionEntry(ctx, manifest, key, inputs, [
    ['site-index', index, html],
    ['site-css', path.join(dir, 'assets', 'site.css'), css],
    ['site-script', path.join(dir, 'assets', 'sort.js'), script],
    ...fonts.map(
      (f) =>
        [`site-font:${f.name}`, path.join(dir, 'assets', 'fonts', f.name), f.data] as [
          string,
          string,
          Uint8Array,
        ],
    ),
  ]);
  return {
    country: self,
    status: 'built',
    reason: entry ? 'inputs changed' : 'not built before',
    outputs,
    problems: [],
    ms: performance.now() - started,
  };
}

/** The site of each edition and kind selected: the kinds' indexes, then each edition's root. */
export async function buildSite(
  ctx: SiteContext,
  manifests: ReadonlyMap<number, Manifest>,
  groups: readonly { edition: number; kind: ReportKind }[],
  onResult: (r: BuildResult) => void,
): Promise<BuildResult[]> {
  const results: BuildResult[] = [];
  for (const { edition, kind } of groups) {
    const r = await buildKindIndex(ctx, manifests.get(edition) as Manifest, edition, kind);
    onResult(r);
    results.push(r);
  }
  for (const edition of [...new Set(groups.map((g) => g.edition))]) {
    // Any kind's inputs hash holds keydata's code and the fonts, which the root's files come from.
    const kind = groups.find((g) => g.edition === edition)?.kind as ReportKind;
    const r = await buildRoot(ctx, manifests.get(edition) as Manifest, edition, kind);
    onResult(r);
    results.push(r);
  }
  return results;
}
