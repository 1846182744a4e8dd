import path from 'node:path';
import { EditionMeta } from '../schema/edition.js';
import { REPORT_SCHEMAS, type ReportData } from '../schema/index.js';
import { REPORT_KINDS, type ReportKind } from '../schema/report-kind.js';
import { EDITION_META_FILE } from './find.js';
import { hasErrors, type Problem } from './problem.js';
import { validateWith } from './validate.js';
import { loadYaml, locate, type YamlSource } from './yaml-source.js';

export interface LoadedReport<K extends ReportKind = ReportKind> {
  kind: K;
  file: string;
  source: YamlSource;
  meta: EditionMeta;
  data: ReportData[K];
}

export type LoadReportResult =
  | { ok: true; report: LoadedReport; problems: Problem[] }
  | { ok: false; problems: Problem[] };

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

/** Loads the edition metadata that sits beside a country file. */
export async function loadEditionMeta(
  dir: string,
  display: (f: string) => string,
): Promise<{ ok: true; meta: EditionMeta } | { ok: false; problems: Problem[] }> {
  const file = path.join(dir, EDITION_META_FILE);
  const loaded = await loadYaml(file, display(file));
  if (!loaded.ok) return loaded;
  const checked = validateWith(EditionMeta, loaded.source);
  return checked.ok ? { ok: true, meta: checked.data } : checked;
}

/**
 * Loads one country file and its edition metadata, and validates both. Never throws for
 * bad data: every problem comes back located.
 */
export async function loadReport(file: string, display: (f: string) => string): Promise<LoadReportResult> {
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
  const checked = validateWith(REPORT_SCHEMAS[kind], source);
  const metaResult = await loadEditionMeta(path.dirname(file), display);
  const problems = [...loaded.problems];
  if (!checked.ok) problems.push(...checked.problems);
  if (!metaResult.ok) problems.push(...metaResult.problems);
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
  return { ok: true, report: { kind, file, source, meta, data }, problems };
}
