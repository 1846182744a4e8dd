/**
 * What keydata does with one report, whatever its kind: each step asks the kind's definition
 * (src/commands/kinds.ts), so no step names a kind.
 */
import type { LoadedReport } from '../data/load-report.js';
import type { Problem } from '../data/problem.js';
import { checkEveryReport, reportEmitter } from '../derive/checks.js';
import type { FigureAudit } from '../derive/figures/audit.js';
import type { RenderedReport } from '../render/render-report.js';
import type { ReportKind } from '../schema/report-kind.js';
import { type DerivedReport, definitionOf } from './kinds.js';

export type { DerivedReport } from './kinds.js';

/** Derives every figure of a loaded report (totals, levels, wording, numbering). */
export function deriveReport<K extends ReportKind>(report: LoadedReport<K>): DerivedReport<K> {
  const derived = definitionOf(report.kind).derive(report);
  // The model is the one this kind's definition derives: DerivedOf<K>.
  return { ...report, derived } as unknown as DerivedReport<K>;
}

/**
 * Checks that need the whole validated report: references that must resolve (errors) and
 * figures that contradict each other (warnings naming both places), the kind's own and those
 * of every report (dates, review).
 */
export function checkReport(report: DerivedReport): Problem[] {
  const { problems, emit, where } = reportEmitter(report);
  definitionOf(report.kind).check(report, emit, where);
  checkEveryReport(report, emit);
  return problems;
}

/** The figures audit of a report, from its derived model. */
export function auditReport(report: DerivedReport): FigureAudit {
  return definitionOf(report.kind).audit(report);
}

/** Builds the view from the derived report and merges it into the kind's template: one standalone HTML page. */
export function renderReport(report: DerivedReport): Promise<RenderedReport> {
  return definitionOf(report.kind).render(report);
}

/**
 * Checks a report against earlier editions of the same country and kind (those given of
 * another kind, or not earlier, are left out); none for a kind that compares no editions.
 */
export function checkAcrossEditions(
  report: LoadedReport,
  earlier: readonly LoadedReport[],
): Problem[] {
  const compare = definitionOf(report.kind).checkAcrossEditions;
  if (!compare) return [];
  const before = earlier.filter(
    (e) => e.kind === report.kind && e.data.edition < report.data.edition,
  );
  return compare(report, before);
}
