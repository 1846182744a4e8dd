import type { BuildEvent, BuildResult } from '../commands/build.js';
import { formatProblem, type Problem } from '../data/problem.js';
import { displayPath } from '../project.js';

export type Verbosity = 'quiet' | 'normal' | 'verbose';

const name = (r: Pick<BuildResult, 'country'>) =>
  `${r.country.edition}/${r.country.kind}/${r.country.country}`;

/**
 * Build progress a person can follow: a live bar on a terminal (current country, done/total,
 * time left); one plain line per profile in CI or when output is not a terminal.
 */
export class Progress {
  private readonly live: boolean;
  private readonly started = Date.now();
  private total = 0;
  private done = 0;
  private current: string[] = [];
  private barShown = false;

  /** Problems already printed: edition metadata shared by several profiles prints once. */
  private readonly printed = new Set<string>();

  constructor(
    private readonly verbosity: Verbosity,
    private readonly out: NodeJS.WriteStream = process.stderr,
    env: NodeJS.ProcessEnv = process.env,
    /** How a problem prints: FILE:LINE:COL by default; the CLI passes GitHub annotations. */
    private readonly problemLine: (p: Problem) => string = formatProblem,
    /** Where problems go (GitHub reads annotations from stdout). */
    private readonly problemOut: NodeJS.WritableStream = out,
  ) {
    this.live = Boolean(out.isTTY) && !env.CI && verbosity !== 'quiet';
  }

  handle = (e: BuildEvent): void => {
    if (e.type === 'planned') {
      this.total = e.total;
      const refused = e.refused ?? 0;
      const notFinal = refused > 0 ? `; ${refused} not final` : '';
      if (this.verbosity !== 'quiet')
        this.line(
          `building ${e.toBuild} of ${e.total} profile(s); ${e.total - e.toBuild - refused} unchanged${notFinal}`,
        );
    } else if (e.type === 'start') {
      this.current.push(`${e.country.edition}/${e.country.kind}/${e.country.country}`);
    } else {
      this.done = e.done;
      this.current = this.current.filter((c) => c !== name(e.result));
      this.report(e.result);
    }
    this.drawBar();
  };

  private report(r: BuildResult): void {
    // Every problem prints, whatever the verbosity: a warning hidden behind a count is lost.
    for (const p of r.problems) {
      const text = this.problemLine(p);
      if (this.printed.has(text)) continue;
      this.printed.add(text);
      this.clearBar();
      this.problemOut.write(`${text}\n`);
    }
    if (r.status === 'failed') {
      this.line(`FAILED  ${name(r)}: ${r.error ?? 'unknown error'}`);
      return;
    }
    // The print variant's check report follows the profile's line (on a live bar, it stands alone).
    const checks = r.status === 'built' && this.verbosity !== 'quiet' ? (r.checks ?? []) : [];
    if (this.live || this.verbosity === 'quiet') {
      for (const l of checks) this.line(l);
      return;
    }
    if (r.status === 'skipped') {
      if (this.verbosity === 'verbose') this.line(`skipped ${name(r)} (unchanged)`);
      return;
    }
    const warnings = r.problems.length ? `, ${r.problems.length} warning(s)` : '';
    const t = r.timings;
    const detail =
      this.verbosity === 'verbose' && t
        ? ` [render ${Math.round(t.renderMs)} ms, layout ${Math.round(t.layoutMs)} ms, print ${Math.round(t.printMs)} ms, ${r.pages ?? '?'} pages]`
        : '';
    const why = r.reason ? `, ${r.reason}` : '';
    this.line(
      `built   ${name(r)} -> ${outputList(r.outputs)} (${(r.ms / 1000).toFixed(2)} s${why}${warnings})${detail}`,
    );
    for (const l of checks) this.line(l);
  }

  private line(text: string): void {
    this.clearBar();
    this.out.write(`${text}\n`);
  }

  private clearBar(): void {
    if (this.barShown) this.out.write('\r\x1b[2K');
    this.barShown = false;
  }

  private drawBar(): void {
    if (!this.live || this.total === 0) return;
    const width = 24;
    const filled = Math.round((this.done / this.total) * width);
    const elapsed = (Date.now() - this.started) / 1000;
    const left =
      this.done > 0 ? Math.round((elapsed / this.done) * (this.total - this.done)) : undefined;
    const eta = left === undefined ? '' : ` ~${left}s left`;
    const now = this.current[0] ? ` ${this.current[0]}` : '';
    this.clearBar();
    this.out.write(
      `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.done}/${this.total}${eta}${now}`.slice(
        0,
        (this.out.columns ?? 100) - 1,
      ),
    );
    this.barShown = true;
  }

  finish(): void {
    this.clearBar();
  }
}

/** The end-of-build table: built, skipped, failed with reason. */
export function summaryTable(results: readonly BuildResult[], pruned: readonly string[]): string {
  const rows = results.map(
    (r) =>
      [
        name(r),
        r.status,
        r.status === 'failed'
          ? ((r.error ?? '').split('\n')[0] ?? '')
          : r.status === 'built'
            ? `${(r.ms / 1000).toFixed(2)} s${r.reason ? `, ${r.reason}` : ''}`
            : '',
      ] as const,
  );
  const w = Math.max(7, ...rows.map((r) => r[0].length));
  const lines = [
    `${'profile'.padEnd(w)}  status   detail`,
    ...rows.map(([n, s, d]) => `${n.padEnd(w)}  ${s.padEnd(7)}  ${d}`),
  ];
  const count = (s: string) => results.filter((r) => r.status === s).length;
  const warnings = countWarnings(results);
  lines.push(
    `${count('built')} built, ${count('skipped')} skipped, ${count('failed')} failed${warnings ? `, ${warnings} warning(s)` : ''}${pruned.length ? `, ${pruned.length} file(s) pruned` : ''}`,
  );
  return lines.join('\n');
}

/** Warnings of the profiles built or skipped, each counted once (shared metadata prints once). */
export function countWarnings(results: readonly BuildResult[]): number {
  return new Set(
    results.flatMap((r) => r.problems.filter((p) => p.severity === 'warning').map(formatProblem)),
  ).size;
}

/** The files a profile made: all of a few; the PDF or page and a count of the exports. */
function outputList(files: readonly string[]): string {
  const shown = files.length > 3 ? files.slice(0, 2) : files;
  const more = files.length - shown.length;
  return `${shown.map(displayPath).join(', ')}${more ? ` and ${more} more file(s)` : ''}`;
}
