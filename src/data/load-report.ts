import path from 'node:path';
import { EditionMeta } from '../schema/edition.js';
import { REPORT_SCHEMAS, type ReportData } from '../schema/index.js';
import { kindSchema } from '../schema/kinds.js';
import { REPORT_KINDS, type ReportKind } from '../schema/report-kind.js';
import type { DataOrigin } from './cascade.js';
import { EDITION_META_FILE } from './find.js';
import { loadCascade } from './load-cascade.js';
import { versionProblem, type MigrationRegistry } from './migrate.js';
import { hasErrors, type Problem } from './problem.js';
import { loadReference, referenceDirFor, type ReferenceData } from './reference.js';
import { validateWith } from './validate.js';
import { loadYaml, locate, type YamlSource } from './yaml-source.js';

export interface LoadedReport<K extends ReportKind = ReportKind> {
  kind: K;
  file: string;
  source: YamlSource;
  meta: EditionMeta;
  data: ReportData[K];
  /** For a kind that cascades across editions: the file each inherited part came from. */
  origins?: readonly DataOrigin[];
  /** Reference data (data/reference/) for the kinds that derive from it. */
  reference?: ReferenceData;
}

export type LoadReportResult =
  | { ok: true; report: LoadedReport; problems: Problem[] }
  | {
      ok: false;
      problems: Problem[];
      /**
       * The file without its parts that fail the schema, where the kind's parts stand alone
       * (Monitor sections): its consistency is checked too, so an editor sees every problem
       * at once rather than a second set after fixing the first. Not cascaded, never built.
       */
      partial?: LoadedReport;
    };

/** Stands in for a note that fails the schema, so the text citing it still resolves. */
const BROKEN_NOTE = 'A note with problems of its own (reported above).';

/**
 * The file's value without the parts its schema problems lie in: a broken note is replaced by
 * plain text (its references still resolve), any other problem drops its whole part.
 * Undefined when a problem lies outside the parts, or nothing is left.
 */
function withoutBrokenParts(kind: ReportKind, value: unknown, problems: Problem[]): unknown {
  // The kinds whose parts under one field validate on their own (each Monitor section).
  const field = kindSchema(kind).independentParts;
  const parts = field && (value as Record<string, unknown>)[field];
  if (!field || typeof parts !== 'object' || parts === null) return undefined;
  const copy: Record<string, unknown> = structuredClone(parts as Record<string, unknown>);
  const broken = new Set<string>();
  for (const p of problems) {
    if (p.severity !== 'error') continue;
    if (!p.path.startsWith(`${field}.`)) return undefined;
    const [part, sub, id] = p.path.slice(field.length + 1).split('.') as string[];
    const notes = (copy[part as string] as { notes?: Record<string, unknown> } | undefined)?.notes;
    if (sub === 'notes' && id !== undefined && notes && id in notes) notes[id] = BROKEN_NOTE;
    else broken.add(part as string);
  }
  const kept = Object.entries(copy).filter(([k]) => !broken.has(k));
  if (kept.length === 0) return undefined;
  return { ...(value as object), [field]: Object.fromEntries(kept) };
}

/** The report kind a file's place implies: .../<year>/<kind>/<country>.yaml. */
export function kindFromPath(file: string): ReportKind | undefined {
  const dir = path.basename(path.dirname(path.resolve(file)));
  return (REPORT_KINDS as readonly string[]).includes(dir) ? (dir as ReportKind) : undefined;
}

function kindOf(source: YamlSource, file: string): ReportKind | undefined {
  const declared = (source.value as Record<string, unknown>).report;
  if (typeof declared === 'string' && (REPORT_KINDS as readonly string[]).includes(declared)) {
    return declared as ReportKind;
  }
  return kindFromPath(file);
}

export interface LoadOptions {
  /** The migrations that define each file kind's current schema_version (tests inject their own). */
  migrations?: MigrationRegistry;
  /**
   * Load for a final build (`--final`): a value still to fill is an error. Otherwise it is a
   * warning (a draft prints its mark), except in a file whose status is final.
   */
  final?: boolean;
}

/** A file says it is final: nothing in it (or its edition's metadata) may wait. */
const saysFinal = (source: YamlSource) =>
  (source.value as Record<string, unknown> | null)?.status === 'final';

/** Loads the edition metadata that sits beside a country file. */
export async function loadEditionMeta(
  dir: string,
  display: (f: string) => string,
  options: LoadOptions = {},
): Promise<
  { ok: true; meta: EditionMeta; problems: Problem[] } | { ok: false; problems: Problem[] }
> {
  const file = path.join(dir, EDITION_META_FILE);
  const loaded = await loadYaml(file, display(file));
  if (!loaded.ok) return loaded;
  const old = versionProblem(loaded.source, 'edition', options.migrations);
  if (old) return { ok: false, problems: [old] };
  const checked = validateWith(EditionMeta, loaded.source, {
    toFill: options.final ? 'error' : 'warning',
  });
  return checked.ok ? { ok: true, meta: checked.data, problems: checked.problems } : checked;
}

async function partialReport(
  kind: ReportKind,
  file: string,
  source: YamlSource,
  meta: EditionMeta,
  problems: Problem[],
  display: (f: string) => string,
): Promise<LoadedReport | undefined> {
  const value = withoutBrokenParts(kind, source.value, problems);
  if (value === undefined) return undefined;
  const parsed = REPORT_SCHEMAS[kind].safeParse(value);
  if (!parsed.success) return undefined;
  const report: LoadedReport = { kind, file, source, meta, data: parsed.data };
  if (kindSchema(kind).referenceData) {
    const ref = await loadReference(referenceDirFor(file), display);
    if (ref.ok) report.reference = ref.reference;
  }
  return report;
}

/**
 * Loads one country file and its edition metadata, and validates both. Never throws for
 * bad data: every problem comes back located.
 */
export async function loadReport(
  file: string,
  display: (f: string) => string,
  options: LoadOptions = {},
): Promise<LoadReportResult> {
  const shown = display(file);
  const loaded = await loadYaml(file, shown);
  if (!loaded.ok) return loaded;
  const { source } = loaded;
  const kind = kindOf(source, file);
  if (!kind) {
    return {
      ok: false,
      problems: [
        ...loaded.problems,
        {
          file: shown,
          ...locate(source, ['report']),
          severity: 'error',
          path: 'report',
          message: `cannot tell the report kind: expected one of ${REPORT_KINDS.join(', ')}`,
        },
      ],
    };
  }
  // A file in an older format is for `keydata migrate`, not for today's schema.
  const old = versionProblem(source, kind, options.migrations);
  if (old) return { ok: false, problems: [...loaded.problems, old] };
  // A final build, or a file that says it is final, holds nothing still to fill.
  const final = Boolean(options.final) || saysFinal(source);
  const checked = validateWith(REPORT_SCHEMAS[kind], source, {
    toFill: final ? 'error' : 'warning',
  });
  const metaResult = await loadEditionMeta(path.dirname(file), display, { ...options, final });
  const problems = [...loaded.problems, ...checked.problems, ...metaResult.problems];
  if (!checked.ok && metaResult.ok) {
    const partial = await partialReport(
      kind,
      file,
      source,
      metaResult.meta,
      checked.problems,
      display,
    );
    return partial ? { ok: false, problems, partial } : { ok: false, problems };
  }
  if (!checked.ok || !metaResult.ok) return { ok: false, problems };
  const meta = metaResult.meta;
  const data = checked.data;
  if (data.edition !== meta.edition || meta.report !== kind) {
    problems.push({
      file: shown,
      ...locate(source, ['edition']),
      severity: 'error',
      path: 'edition',
      message: `this file says ${kind} ${data.edition}; the edition metadata beside it (${EDITION_META_FILE}) says ${meta.report} ${meta.edition}`,
    });
  }
  if (hasErrors(problems)) return { ok: false, problems };
  // Sections inherited from earlier editions (src/data/cascade.ts), and reference data.
  const cascaded = await loadCascade(
    kind,
    file,
    { source, data },
    display,
    final ? 'error' : 'warning',
  );
  problems.push(...cascaded.problems);
  let reference: ReferenceData | undefined;
  if (kindSchema(kind).referenceData) {
    const ref = await loadReference(referenceDirFor(file), display);
    problems.push(...ref.problems);
    if (ref.ok) reference = ref.reference;
  }
  if (!cascaded.ok || hasErrors(problems)) return { ok: false, problems };
  const report: LoadedReport = { kind, file, source, meta, data: cascaded.data };
  if (cascaded.origins.length > 0) report.origins = cascaded.origins;
  if (reference) report.reference = reference;
  return { ok: true, report, problems };
}
