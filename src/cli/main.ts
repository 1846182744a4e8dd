import { Command, CommanderError } from 'commander';
import { UserError } from '../errors.js';
import { VERSION } from '../version.js';
import { registerAddCountry } from './add-country-command.js';
import { registerBuild } from './build-command.js';
import { registerDiff } from './diff-command.js';
import { registerMigrate } from './migrate-command.js';
import { registerNewEdition } from './new-edition-command.js';
import { registerPreview } from './preview-command.js';
import { registerSchemas } from './schemas-command.js';
import { systemErrorMessage } from './system-error.js';
import { registerValidate } from './validate-command.js';

/**
 * Runs the CLI and returns its exit code; the one place that maps errors to exit codes.
 * Each command's core (src/commands/) is imported by its action when it runs, never here: a
 * no-op rebuild or `--version` then loads neither the schemas nor other commands' code.
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('keydata')
    .description('YAML country data to print-ready PDF mine action reports')
    .version(VERSION, '-V, --version', 'print the version of keydata')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  let code = 0;
  const setCode = (c: number) => {
    code = Math.max(code, c);
  };
  registerBuild(program, setCode);
  registerValidate(program, setCode);
  registerMigrate(program, setCode);
  registerNewEdition(program);
  registerAddCountry(program);
  registerDiff(program, setCode);
  registerPreview(program);
  registerSchemas(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UserError) {
      process.stderr.write(`keydata: ${err.message}\n`);
      return err.exitCode;
    }
    const system = systemErrorMessage(err);
    if (system) {
      process.stderr.write(`keydata: ${system}\n`);
      return 1;
    }
    process.stderr.write(`keydata: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    return 70;
  }
}
