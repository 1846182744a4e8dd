import type { LoadedReport } from '../../../data/load-report.js';
import { formatPath, type Problem } from '../../../data/problem.js';
import { locate } from '../../../data/yaml-source.js';
import type { ClearingTheMinesReport } from '../schema/report.js';
import { checkBands } from './check-bands.js';
import { deriveContamination } from './contamination.js';
import type { Path } from '../../../derive/emit.js';
import { formatInt, formatKm2Number, formatM2 } from '../../../derive/format.js';
import {
  minesDestroyed,
  RELEASE_KINDS,
  releaseArea,
  reported,
  sumReported,
} from './land-release.js';
import { contaminationTableTotal } from './tables.js';

/** A remaining-contamination estimate may move this much (a share of the earlier one) unexplained. */
export const BASELINE_TOLERANCE = 0.01;

const FIGURES = [
  'clearance_m2',
  'technical_survey_m2',
  'non_technical_survey_m2',
  'mines_destroyed',
] as const;
type Figure = (typeof FIGURES)[number];

/** One figure a report gives for one year, where it gives it, and the rounding it was given with. */
interface YearFigure {
  year: number;
  figure: Figure;
  value: number;
  tolerance: number;
  shown: string;
  path: Path;
}

function yearFigures(r: ClearingTheMinesReport): YearFigure[] {
  const out: YearFigure[] = [];
  for (const which of ['previous', 'current'] as const) {
    const y = r.land_release[which];
    for (const figure of FIGURES) {
      // A figure missing in either edition is not a contradiction.
      const value =
        figure === 'mines_destroyed'
          ? minesDestroyed(y.mines_destroyed).value
          : reported(y[figure]).value;
      if (value === undefined) continue;
      const shown =
        figure === 'mines_destroyed' ? `${formatInt(value)} AP mines destroyed` : formatM2(value);
      out.push({
        year: y.year,
        figure,
        value,
        tolerance: 0,
        shown,
        path: ['land_release', which, figure],
      });
    }
  }
  r.clearance_history.forEach((h, i) => {
    if (h.area_m2 !== undefined) {
      out.push({
        year: h.year,
        figure: 'clearance_m2',
        value: h.area_m2,
        tolerance: 0,
        shown: formatM2(h.area_m2),
        path: ['clearance_history', i, 'area_m2'],
      });
    } else if (h.area_km2 !== undefined) {
      // km² are published to two decimals: 0.02km² stands for anything from 15,000 to 25,000m².
      const decimals = Math.max(2, (String(h.area_km2).split('.')[1] ?? '').length);
      const tolerance = (0.5 * 1_000_000) / 10 ** decimals;
      out.push({
        year: h.year,
        figure: 'clearance_m2',
        value: h.area_km2 * 1_000_000,
        tolerance,
        shown: `${formatKm2Number(h.area_km2)}km²`,
        path: ['clearance_history', i, 'area_km2'],
      });
    }
  });
  return out;
}

const WORDS: Record<Figure, string> = {
  clearance_m2: 'cleared',
  technical_survey_m2: 'reduced through technical survey',
  non_technical_survey_m2: 'cancelled through non-technical survey',
  mines_destroyed: '',
};

const at = (report: LoadedReport, path: Path) =>
  `${report.source.file}:${locate(report.source, path).line}`;

/**
 * Checks a report against earlier editions of the same country and report kind (oldest
 * first): a figure for a year that the latest earlier edition giving it reported
 * differently, and a remaining-contamination estimate that moved more than the land released
 * since explains, without a recorded reason (`key_data.contamination.change_reason`).
 */
export function checkAcrossEditions(
  report: LoadedReport,
  earlier: readonly LoadedReport[],
): Problem[] {
  const problems: Problem[] = [];
  const emit = (path: Path, message: string) =>
    problems.push({
      file: report.source.file,
      ...locate(report.source, path),
      severity: 'warning',
      path: formatPath(path),
      message,
    });
  const before = earlier.filter(
    (e) => e.kind === report.kind && e.data.edition < report.data.edition,
  );
  checkFigures(report, before, emit);
  checkBaseline(report, before, emit);
  checkBands(report, before, emit);
  return problems;
}

type EmitAt = (path: Path, message: string) => void;

function checkFigures(report: LoadedReport, earlier: readonly LoadedReport[], emit: EmitAt): void {
  const newestFirst = [...earlier].sort((a, b) => b.data.edition - a.data.edition);
  const theirs = newestFirst.map((e) => ({
    e,
    figures: yearFigures(e.data as ClearingTheMinesReport),
  }));
  for (const mine of yearFigures(report.data as ClearingTheMinesReport)) {
    for (const { e, figures } of theirs) {
      const other = figures.find((f) => f.year === mine.year && f.figure === mine.figure);
      if (!other) continue;
      if (Math.abs(mine.value - other.value) > mine.tolerance + other.tolerance) {
        const what = WORDS[mine.figure] ? ` ${WORDS[mine.figure]}` : '';
        emit(
          mine.path,
          `${mine.shown}${what} in ${mine.year}, but the ${e.data.edition} edition reported ${other.shown} ` +
            `(${at(e, other.path)}, ${formatPath(other.path)}); check which is right`,
        );
      }
      break; // only the latest edition that gave the figure
    }
  }
}

function remaining(report: LoadedReport): number | undefined {
  const r = report.data as ClearingTheMinesReport;
  try {
    const c = deriveContamination(r, contaminationTableTotal(r));
    return c.kind === 'area' ? c.areaM2 : undefined;
  } catch {
    return undefined;
  }
}

function checkBaseline(report: LoadedReport, earlier: readonly LoadedReport[], emit: EmitAt): void {
  const r = report.data as ClearingTheMinesReport;
  const c = r.key_data.contamination;
  if (c.kind !== 'area' || c.change_reason) return;
  const now = remaining(report);
  const last = [...earlier]
    .sort((a, b) => b.data.edition - a.data.edition)
    .find((e) => remaining(e) !== undefined);
  if (now === undefined || !last) return;
  const then = remaining(last) as number;
  const thenYear = (last.data as ClearingTheMinesReport).land_release.current.year;
  const years = [r.land_release.previous, r.land_release.current].filter((y) => y.year > thenYear);
  const released = sumReported(
    years.flatMap((y) => RELEASE_KINDS.map((kind) => releaseArea(y, kind))),
  );
  // Land release not reported leaves nothing to reconcile the two estimates with.
  if (released === undefined) return;
  const expected = then - released;
  if (Math.abs(now - expected) <= then * BASELINE_TOLERANCE) return;
  const lastC = (last.data as ClearingTheMinesReport).key_data.contamination;
  const lastTables = (last.data as ClearingTheMinesReport).tables;
  const thenPath: Path =
    lastC.kind === 'area' && lastC.area_m2 !== undefined
      ? ['key_data', 'contamination', 'area_m2']
      : [
          'tables',
          lastTables.contamination_by_type ? 'contamination_by_type' : 'mined_area_by_district',
        ];
  const path: Path =
    c.area_m2 !== undefined
      ? ['key_data', 'contamination', 'area_m2']
      : ['key_data', 'contamination'];
  const span = years.map((y) => y.year).join('–');
  emit(
    path,
    `the remaining contamination is ${formatM2(now)} at the end of ${r.land_release.current.year}, but the ${last.data.edition} ` +
      `edition gave ${formatM2(then)} at the end of ${thenYear} (${at(last, thenPath)}) and ${formatM2(released)} was released in ` +
      `${span || r.land_release.current.year}, which leaves ${formatM2(Math.max(expected, 0))}; record why under key_data.contamination.change_reason`,
  );
}
