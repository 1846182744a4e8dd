import type { LoadedReport } from '../data/load-report.js';
import type { ReportKind } from '../schema/report-kind.js';

/**
 * A loaded report of kind K with every figure derived from it (D), once: the checks and the
 * render read it. The union over every kind is `DerivedReport` (src/commands/kinds.ts), made
 * from what each kind's definition derives.
 */
export type WithDerived<K extends ReportKind, D> = LoadedReport<K> & { derived: D };
