import { UserError } from '../errors.js';
import type { Selection } from '../data/find.js';
import { REPORT_KINDS, type ReportKind } from '../schema/report-kind.js';

/** Turns --edition/--report/--country into a checked selection. */
export function parseSelection(opts: Record<string, unknown>): Selection {
  const sel: Selection = {};
  if (opts.edition !== undefined) {
    const y = Number(opts.edition);
    if (!/^\d{4}$/.test(String(opts.edition)))
      throw new UserError(`--edition expects a year, got '${String(opts.edition)}'`);
    sel.edition = y;
  }
  if (opts.report !== undefined) {
    if (!(REPORT_KINDS as readonly string[]).includes(String(opts.report))) {
      throw new UserError(
        `--report expects one of ${REPORT_KINDS.join(', ')}, got '${String(opts.report)}'`,
      );
    }
    sel.kind = opts.report as ReportKind;
  }
  if (opts.country !== undefined) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(String(opts.country))) {
      throw new UserError(
        `--country expects a file name such as kosovo, got '${String(opts.country)}'`,
      );
    }
    sel.country = String(opts.country);
  }
  return sel;
}
