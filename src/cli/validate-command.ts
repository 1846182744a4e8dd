import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { FAIL_ON, type FailOn, fails } from './fail-on.js';
import { displayAsGiven } from './given-paths.js';
import { formatProblems, OUTPUT_FORMATS, summary, type OutputFormat } from './problem-output.js';
import { parseSelection } from './selection.js';

function parseFailOn(opts: Record<string, unknown>): Set<FailOn> {
  const given = String(opts.failOn ?? 'error')
    .split(',')
    .map((s) => s.trim());
  for (const g of given) {
    if (!(FAIL_ON as readonly string[]).includes(g))
      throw new UserError(`--fail-on expects a list of ${FAIL_ON.join(', ')}, got '${g}'`);
  }
  const set = new Set(given as FailOn[]);
  if (opts.strict) set.add('warning');
  return set;
}

export function registerValidate(program: Command, setCode: (c: number) => void): void {
  program
    .command('validate')
    .description('check data files and report every problem at its line')
    .argument('[files...]', 'data files or folders (default: everything selected under data/)')
    .option('--edition <year>', 'only this edition')
    .option('--report <kind>', 'only this report kind')
    .option('--country <slug>', 'only this country')
    .option(
      '--final',
      'check as build --final would: a value still to fill ({ to_fill: YEAR }) is an error, not a warning',
    )
    .option(
      '--strict',
      'treat warnings as errors (exit 1 on any warning; unchecked figures do not count)',
    )
    .option(
      '--fail-on <list>',
      `what makes the exit code 1, of ${FAIL_ON.join(', ')} (errors always do)`,
      'error',
    )
    .option(
      '--audit',
      'print per file how many figures of the text are derived, checked, hand-checked, unchecked',
    )
    .option('--format <format>', `how to print problems: ${OUTPUT_FORMATS.join(', ')}`, 'text')
    .action(async (files: string[], opts: Record<string, string | boolean | undefined>) => {
      const format = String(opts.format);
      if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
        throw new UserError(
          `--format expects one of ${OUTPUT_FORMATS.join(', ')}, got '${format}'`,
        );
      }
      const failOn = parseFailOn(opts);
      const selection = parseSelection(opts);
      const cwd = process.cwd();
      const display = displayAsGiven(files, cwd);
      const { validate } = await import('../commands/validate.js');
      // The audit's output needs derive's figure statuses: loaded with validate, not at start.
      const { auditJson, formatAudit } = await import('./audit-output.js');
      const result = await validate({
        files,
        ...selection,
        cwd,
        display,
        final: Boolean(opts.final),
      });
      if (format === 'json' && opts.audit) {
        const problems = JSON.parse(formatProblems(result.problems, 'json')) as unknown;
        const out = { problems, audit: auditJson(result.audits) };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        process.stdout.write(formatProblems(result.problems, format as OutputFormat));
        if (opts.audit) process.stdout.write(formatAudit(result.audits));
      }
      process.stderr.write(
        `${summary(result.files.map(display), result.problems, Boolean(opts.strict))}\n`,
      );
      setCode(fails(result.problems, failOn) ? 1 : 0);
    });
}
