import type { LoadedReport } from '../data/load-report.js';
import type { ReportKind } from '../schema/report-kind.js';
import {
  type ClearingTheMinesDerived,
  deriveClearingTheMines,
} from '../kinds/clearing-the-mines/derive/report.js';
import {
  deriveMonitorProfile,
  type MonitorProfileDerived,
} from '../kinds/monitor-profile/derive/report.js';

/** What each report kind derives from its validated data. */
interface DerivedByKind {
  'clearing-the-mines': ClearingTheMinesDerived;
  'monitor-profile': MonitorProfileDerived;
}

/** A loaded report with every figure derived from it, once: the checks and the render read it. */
export type DerivedReport<K extends ReportKind = ReportKind> = {
  [Kind in K]: LoadedReport<Kind> & { derived: DerivedByKind[Kind] };
}[K];

/** Derives every figure of a loaded report (totals, levels, wording, numbering). */
export function deriveReport(report: LoadedReport): DerivedReport {
  switch (report.kind) {
    case 'clearing-the-mines': {
      const r = report as LoadedReport<'clearing-the-mines'>;
      return { ...r, derived: deriveClearingTheMines(r.data) };
    }
    case 'monitor-profile': {
      const r = report as LoadedReport<'monitor-profile'>;
      return { ...r, derived: deriveMonitorProfile(r.data, r.reference?.exchangeRates) };
    }
  }
}
