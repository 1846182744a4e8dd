import type { ValidateResult } from '../commands/validate.js';
import { FIGURE_STATUSES } from '../derive/figures/audit.js';

/** One line per file: how many figures of its text are derived, checked, hand-checked, unchecked. */
export function formatAudit(audits: ValidateResult['audits']): string {
  const width = Math.max(4, ...audits.map((a) => a.file.length));
  const head = ['figures audit'.padEnd(width), ...FIGURE_STATUSES.map((s) => s.padStart(12))];
  const lines = audits.map((a) =>
    [
      a.file.padEnd(width),
      ...FIGURE_STATUSES.map((s) => String(a.audit.counts[s]).padStart(12)),
    ].join(' '),
  );
  return `${[head.join(' '), ...lines].join('\n')}\n`;
}

/** The audit as JSON: counts per file, and each figure that is not derived with where it is. */
export function auditJson(audits: ValidateResult['audits']) {
  return audits.map((a) => ({
    file: a.file,
    kind: a.kind,
    counts: a.audit.counts,
    figures: a.audit.figures.map((f) => ({
      path: f.path.join('.'),
      text: f.text,
      status: f.status,
      ...(f.matched ? { matches: f.matched.source } : {}),
      ...(f.source ? { source: f.source } : {}),
    })),
  }));
}
