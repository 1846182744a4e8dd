import path from 'node:path';
import type { Command } from 'commander';
import { validate } from '../build/validate.js';
import { formatProblem } from '../data/problem.js';
import { parseSelection } from './selection.js';

export function registerValidate(program: Command, setCode: (c: number) => void): void {
  program
    .command('validate')
    .description('check data files and report every problem at its line')
    .argument('[files...]', 'data files (default: everything selected under data/)')
    .option('--edition <year>', 'only this edition')
    .option('--report <kind>', 'only this report kind')
    .option('--country <slug>', 'only this country')
    .option('--strict', 'treat warnings as errors')
    .action(async (files: string[], opts: Record<string, string | boolean | undefined>) => {
      const selection = parseSelection(opts);
      const result = await validate({
        files: files.map((f) => path.resolve(f)),
        ...selection,
      });
      for (const p of result.problems) process.stdout.write(`${formatProblem(p)}\n`);
      const errors = result.problems.filter((p) => p.severity === 'error').length;
      const warnings = result.problems.length - errors;
      process.stderr.write(`${result.checked} file(s) checked: ${errors} error(s), ${warnings} warning(s)\n`);
      setCode(errors > 0 || (opts.strict && warnings > 0) ? 1 : 0);
    });
}
