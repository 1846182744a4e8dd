import type { Command } from 'commander';
import { validate } from '../build/validate.js';
import { UserError } from '../errors.js';
import { displayAsGiven } from './given-paths.js';
import { formatProblems, OUTPUT_FORMATS, summary, type OutputFormat } from './problem-output.js';
import { parseSelection } from './selection.js';

export function registerValidate(program: Command, setCode: (c: number) => void): void {
  program
    .command('validate')
    .description('check data files and report every problem at its line')
    .argument('[files...]', 'data files or folders (default: everything selected under data/)')
    .option('--edition <year>', 'only this edition')
    .option('--report <kind>', 'only this report kind')
    .option('--country <slug>', 'only this country')
    .option('--strict', 'treat warnings as errors (exit 1 on any problem)')
    .option('--format <format>', `how to print problems: ${OUTPUT_FORMATS.join(', ')}`, 'text')
    .action(async (files: string[], opts: Record<string, string | boolean | undefined>) => {
      const format = String(opts.format);
      if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
        throw new UserError(
          `--format expects one of ${OUTPUT_FORMATS.join(', ')}, got '${format}'`,
        );
      }
      const selection = parseSelection(opts);
      const cwd = process.cwd();
      const display = displayAsGiven(files, cwd);
      const result = await validate({ files, ...selection, cwd, display });
      process.stdout.write(formatProblems(result.problems, format as OutputFormat));
      process.stderr.write(
        `${summary(result.files.map(display), result.problems, Boolean(opts.strict))}\n`,
      );
      const errors = result.problems.some((p) => p.severity === 'error');
      setCode(errors || (opts.strict && result.problems.length > 0) ? 1 : 0);
    });
}
