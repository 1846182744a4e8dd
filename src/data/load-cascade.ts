import { REPORT_SCHEMAS, type ReportData } from '../schema/index.js';
import type { ReportKind } from '../schema/report-kind.js';
import {
  cascadeField,
  findCascadeFiles,
  mergeCascade,
  placeOf,
  type CascadeLayer,
  type DataOrigin,
} from './cascade.js';
import { formatPath, hasErrors, type Problem } from './problem.js';
import { findToFill, toFillMessage } from './to-fill.js';
import { validateWith } from './validate.js';
import { loadYaml, locate, type YamlSource } from './yaml-source.js';

export type CascadeResult<K extends ReportKind> =
  | { ok: true; data: ReportData[K]; origins: DataOrigin[]; problems: Problem[] }
  | { ok: false; problems: Problem[] };

/**
 * Completes a validated edition file of a cascading kind with the entries it inherits:
 * loads and validates the same country's files of earlier editions (each problem located
 * in its own file), then merges them (src/data/cascade.ts). A file outside an editions
 * folder has nothing to inherit from and stands alone.
 */
export async function loadCascade<K extends ReportKind>(
  kind: K,
  file: string,
  own: { source: YamlSource; data: ReportData[K] },
  display: (f: string) => string,
  /** What an inherited value still to fill is: a draft's warning, or an error (--final). */
  toFill: 'warning' | 'error' = 'error',
): Promise<CascadeResult<K>> {
  const field = cascadeField(kind);
  if (!field) return { ok: true, data: own.data, origins: [], problems: [] };
  const place = placeOf(file);
  const ownLayer: CascadeLayer<Record<string, unknown>> = {
    edition: own.data.edition,
    file: own.source.file,
    source: own.source,
    data: own.data as Record<string, unknown>,
  };
  const candidates = place
    ? await findCascadeFiles(place.editionsDir, kind, place.country, place.edition)
    : [];
  const problems: Problem[] = [];
  // Values still to fill in an earlier edition's file: reported only where inherited.
  const unfilled: Problem[] = [];
  const layers: CascadeLayer<Record<string, unknown>>[] = [];
  for (const candidate of candidates.filter((c) => c.edition < (place?.edition ?? 0))) {
    const shown = display(candidate.file);
    const loaded = await loadYaml(candidate.file, shown);
    problems.push(...loaded.problems);
    if (!loaded.ok) continue;
    // Read as a draft, so that a layer whose only fault is a value still to fill merges; the
    // values it passes on are then a draft's warning, or refused (--final).
    const checked = validateWith(REPORT_SCHEMAS[kind], loaded.source, { toFill: 'warning' });
    const marked = new Map(findToFill(loaded.source.value).map((u) => [formatPath(u.path), u]));
    const isMarker = (p: Problem) =>
      p.file === loaded.source.file && p.severity === 'warning' && marked.has(p.path);
    for (const p of checked.problems.filter(isMarker)) {
      const edition = marked.get(p.path)?.edition ?? candidate.edition;
      unfilled.push(
        toFill === 'error'
          ? { ...p, severity: 'error', message: toFillMessage(edition, 'error') }
          : p,
      );
    }
    problems.push(...checked.problems.filter((p) => !isMarker(p)));
    if (!checked.ok) continue;
    const data = checked.data as ReportData[K];
    if (data.edition !== candidate.edition) {
      problems.push({
        file: shown,
        ...locate(loaded.source, ['edition']),
        severity: 'error',
        path: 'edition',
        message: `this file says edition ${data.edition} but sits in the ${candidate.edition} folder`,
      });
      continue;
    }
    layers.push({
      edition: candidate.edition,
      file: shown,
      source: loaded.source,
      data: data as Record<string, unknown>,
    });
  }
  const merged = mergeCascade([...layers, ownLayer], field);
  const inherited = (p: Problem) => merged.origins.some((o) => sameOrigin(o, p.file, p.path));
  problems.push(...unfilled.filter(inherited));
  if (hasErrors(problems)) return { ok: false, problems };
  return { ok: true, data: merged.data as ReportData[K], origins: merged.origins, problems };
}

/** True when the part `origin` names came from `file` and holds the field at `path`. */
function sameOrigin(origin: DataOrigin, file: string, path: string): boolean {
  const at = formatPath(origin.path);
  return origin.file === file && (path === at || path.startsWith(`${at}.`));
}
