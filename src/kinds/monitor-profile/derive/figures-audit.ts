/**
 * The figures audit of a Monitor country profile: its sections' prose, captions and notes
 * against every number its data states (casualty figures, contributions, table cells) and
 * what it derives (US$ values and totals).
 */
import type { MonitorProfileReport } from '../schema/report.js';
import type { MonitorProfileDerived } from './report.js';
import { auditFigures, type FigureAudit } from '../../../derive/figures/audit.js';
import { type KnownFigure, statedFigures } from '../../../derive/figures/known.js';

/** The money the sections derive, in US$. */
function derivedMoney(d: MonitorProfileDerived): KnownFigure[] {
  return d.sections.flatMap((s) => {
    const base = `sections.${s.key}`;
    const values = [
      ...(s.contributions?.rows ?? []).map((row, i) => ({
        value: row.value?.usd,
        source: `${base}.contributions.rows.${i} in US$`,
      })),
      { value: s.contributions?.total?.usd, source: `the total of ${base}.contributions in US$` },
      { value: s.summary?.total, source: `the total of ${base}.contribution_summary` },
      ...(s.summary?.rows ?? []).map((row, i) => ({
        value: row.usd,
        source: `${base}.contribution_summary.rows.${i}`,
      })),
    ];
    return values.flatMap((v) =>
      typeof v.value === 'number'
        ? [{ kind: 'money' as const, value: v.value, source: v.source }]
        : [],
    );
  });
}

export function auditMonitorProfile(
  r: MonitorProfileReport,
  d: MonitorProfileDerived,
): FigureAudit {
  const known = [...statedFigures(r), ...derivedMoney(d)];
  const items = d.sections.flatMap((s) => s.prose);
  return auditFigures(items, known, (name) => !/_year$|^(?:table|figure):/.test(name));
}
