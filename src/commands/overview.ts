/**
 * The edition overview beside the volume: overview.csv and overview.json, derived from every
 * country of the edition. Written with the volume, or alone (`--formats overview`). A
 * corrected country rebuilds its own outputs and these, never the other countries'.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { findCountryFiles } from '../data/find.js';
import { loadReport } from '../data/load-report.js';
import { hasErrors } from '../data/problem.js';
import { type EditionOverview, editionOverview } from '../derive/overview/edition-overview.js';
import { displayPath } from '../project.js';
import { overviewCsv, overviewJson } from '../render/overview/overview-view.js';
import type { ReportKind } from '../schema/report-kind.js';
import { writeFileAtomic } from './atomic-write.js';
import { definitionOf } from './kinds.js';
import type { BuildResult } from './build.js';
import { kindInputsHash, profileInputsHash, sha256File } from './inputs.js';
import type { Manifest } from './manifest.js';
import { relativeOutput, resolveOutput } from './output-paths.js';
import { checkReport, type DerivedReport, deriveReport } from './report.js';

/** Whether the kind's editions have an overview (its definition's volume says). */
export const hasOverview = (kind: ReportKind) => definitionOf(kind).volume.overview !== null;

export const overviewKey = (kind: ReportKind, edition: number) => `${kind}/overview-${edition}`;

export function overviewFiles(outDir: string, edition: number, kind: ReportKind) {
  const dir = path.join(outDir, String(edition), kind);
  return { csv: path.join(dir, 'overview.csv'), json: path.join(dir, 'overview.json') };
}

/** The overview of an edition's valid reports; undefined for a kind without one. */
export function overviewOf(
  edition: number,
  kind: ReportKind,
  reports: readonly { slug: string; report: DerivedReport }[],
): EditionOverview | undefined {
  const overview = definitionOf(kind).volume.overview;
  if (!overview) return undefined;
  // Every report of the edition is of `kind` (they come from its folder).
  return editionOverview(
    edition,
    reports.map(({ slug, report }) => overview.row(slug, report)),
    overview.words,
  );
}

export type OutputRecord = Record<string, { file: string; sha256: string }>;

/** Writes overview.csv and overview.json atomically; returns them as manifest outputs. */
export async function writeOverview(
  outDir: string,
  o: EditionOverview,
  kind: ReportKind,
): Promise<OutputRecord> {
  const files = overviewFiles(outDir, o.edition, kind);
  const out: OutputRecord = {};
  for (const [key, file, text] of [
    ['overview-csv', files.csv, overviewCsv(o)],
    ['overview-json', files.json, overviewJson(o)],
  ] as const) {
    await writeFileAtomic(file, text);
    // The manifest names outputs relative to the output folder.
    const stored = relativeOutput(outDir, file) ?? file;
    out[key] = { file: stored, sha256: createHash('sha256').update(text).digest('hex') };
  }
  return out;
}

async function intact(outDir: string, outputs: OutputRecord | undefined, keys: readonly string[]) {
  for (const k of keys) {
    const o = outputs?.[k];
    const file = o && resolveOutput(outDir, o.file);
    if (!o || !file || (await sha256File(file)) !== o.sha256) return false;
  }
  return true;
}

/** Loads every country of the edition; the names of those whose data has errors. */
export async function loadEdition(editionsDir: string, edition: number, kind: ReportKind) {
  const countries = await findCountryFiles(editionsDir, { edition, kind });
  const reports: { slug: string; report: DerivedReport }[] = [];
  const invalid: string[] = [];
  for (const c of countries) {
    const loaded = await loadReport(c.file, displayPath);
    const report = loaded.ok ? deriveReport(loaded.report) : undefined;
    if (!report || hasErrors(checkReport(report))) invalid.push(c.country);
    else reports.push({ slug: c.country, report });
  }
  return { countries, reports, invalid };
}

/** `build --formats overview` without the volume: the overview files alone, incrementally. */
export async function buildOverview(
  ctx: { outDir: string; editionsDir: string; force: boolean; final?: boolean },
  manifest: Manifest,
  edition: number,
  kind: ReportKind,
): Promise<BuildResult> {
  const started = performance.now();
  const files = overviewFiles(ctx.outDir, edition, kind);
  const self = {
    edition,
    kind,
    country: `overview-${edition}`,
    file: path.join(ctx.editionsDir, String(edition), kind),
  };
  const countries = await findCountryFiles(ctx.editionsDir, { edition, kind });
  const hash = createHash('sha256').update(await kindInputsHash(kind));
  for (const c of countries)
    hash.update(`${c.country}:${await profileInputsHash(c, ctx.editionsDir)}`);
  const inputs = hash.digest('hex');
  const entry = manifest.profiles[overviewKey(kind, edition)];
  const keys = ['overview-csv', 'overview-json'];
  const outputs = [files.csv, files.json];
  // With --final the statuses must be read, so nothing is taken as current.
  if (
    !ctx.force &&
    !ctx.final &&
    entry?.inputs === inputs &&
    (await intact(ctx.outDir, entry.outputs, keys))
  )
    return { country: self, status: 'skipped', outputs, problems: [], ms: 0 };
  const { reports, invalid } = await loadEdition(ctx.editionsDir, edition, kind);
  // With --final, like the volume, the overview holds final countries only.
  const notFinal = ctx.final ? reports.filter((r) => r.report.data.status !== 'final') : [];
  if (notFinal.length > 0) {
    const error = `overview not built: not final: ${notFinal.map((r) => r.slug).join(', ')}`;
    return { country: self, status: 'failed', outputs: [], problems: [], error, ms: 0 };
  }
  const o = overviewOf(edition, kind, reports);
  if (invalid.length > 0 || !o) {
    const error = `overview not built: invalid data in ${invalid.join(', ')}`;
    return { country: self, status: 'failed', outputs: [], problems: [], error, ms: 0 };
  }
  const written = await writeOverview(ctx.outDir, o, kind);
  manifest.profiles[overviewKey(kind, edition)] = {
    inputs,
    outputs: written,
    built: new Date().toISOString(),
    // An output of the whole edition: never pruned as a country whose data is gone.
    scope: 'edition',
  };
  return { country: self, status: 'built', outputs, problems: [], ms: performance.now() - started };
}
