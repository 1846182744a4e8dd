import path from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { displayPath, PROJECT_ROOT } from '../project.js';
import { parseSelection } from './selection.js';

/**
 * `keydata add-country 2026 --report clearing-the-mines --country ruritania`: the verb and
 * flags an editor already knows (new-edition starts an edition; --report and --country
 * select as in build and validate), so adding a country reads as what it does.
 */
export function registerAddCountry(program: Command): void {
  program
    .command('add-country')
    .description(
      'add a country to an edition: a draft file with every field, commented, values to fill',
    )
    .argument('<edition>', 'the edition, e.g. 2026 (start it first with keydata new-edition)')
    .requiredOption('--report <kind>', 'the report kind, e.g. clearing-the-mines')
    .requiredOption('--country <slug>', 'the file name without .yaml, e.g. ruritania')
    .option('--name <name>', 'the country as printed (default: from the file name)')
    .option(
      '--data <dir>',
      'folder holding editions/<year>/<kind>/, relative to the project root (default: data/)',
    )
    .action(async (edition: string, opts: Record<string, string | undefined>) => {
      const sel = parseSelection({ edition, report: opts.report, country: opts.country });
      if (sel.edition === undefined || !sel.kind || !sel.country)
        throw new UserError('add-country needs an edition, --report and --country');
      const { addCountry } = await import('../commands/add-country.js');
      const result = await addCountry({
        edition: sel.edition,
        kind: sel.kind,
        country: sel.country,
        ...(opts.name ? { name: opts.name } : {}),
        ...(opts.data
          ? { editionsDir: path.join(path.resolve(PROJECT_ROOT, opts.data), 'editions') }
          : {}),
      });
      process.stdout.write(
        `${displayPath(result.file)}\n` +
          `  [ ] fill ${result.toFill.length} value(s) marked { to_fill: ${sel.edition} }: ${result.toFill.join(', ')}\n` +
          '  [ ] uncomment the optional fields that apply; choose where a choice starts at its first value\n' +
          '  [ ] set status: review, then final, when done\n' +
          `next: keydata validate ${displayPath(result.file)}   (lists every field still to fill)\n`,
      );
    });
}
