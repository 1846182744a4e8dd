import type { BuildSummary } from '../commands/build.js';
import { countWarnings, summaryTable, type Verbosity } from './progress.js';

/**
 * Prints what a build left to say once its profiles are done: its own warnings and notes, the
 * summary table, and --strict's verdict. Returns the exit code it calls for.
 */
export function reportSummary(
  summary: BuildSummary,
  verbosity: Verbosity,
  strict: boolean,
): number {
  for (const w of summary.warnings) process.stderr.write(`keydata: warning: ${w}\n`);
  for (const n of summary.notes) process.stderr.write(`keydata: ${n}\n`);
  const failed = summary.results.some((r) => r.status === 'failed');
  const table = summaryTable(summary.results, summary.pruned);
  process.stdout.write(`${verbosity !== 'quiet' || failed ? table : table.split('\n').at(-1)}\n`);
  if (summary.browserRelaunches > 0)
    process.stderr.write(`the browser was restarted ${summary.browserRelaunches} time(s)\n`);
  const warnings = countWarnings(summary.results);
  const strictFail = strict && warnings > 0;
  if (strictFail)
    process.stderr.write(`keydata: --strict: ${warnings} warning(s) fail the build\n`);
  return failed || strictFail ? 1 : 0;
}
