import type { Command } from 'commander';
import type { FileMigration } from '../commands/migrate.js';
import { displayAsGiven } from './given-paths.js';
import { parseSelection } from './selection.js';

function line(m: FileMigration, name: string, check: boolean): string | undefined {
  const r = m.result;
  if (r.status === 'failed') return `FAILED   ${name}: ${r.message}`;
  if (r.status === 'current') return undefined;
  const steps = r.applied.map((a) => `\n           ${a}`).join('');
  return `${check ? 'outdated' : 'migrated'} ${name}: schema_version ${r.from} -> ${r.to}${steps}`;
}

export function registerMigrate(program: Command, setCode: (c: number) => void): void {
  program
    .command('migrate')
    .description('upgrade data files written in an older schema_version (comments and layout kept)')
    .argument('[files...]', 'data files or folders (default: every data file selected under data/)')
    .option('--edition <year>', 'only this edition')
    .option('--report <kind>', 'only this report kind')
    .option('--country <slug>', 'only this country')
    .option('--check', 'only report files that need migrating (exit 1 if any); write nothing')
    .action(async (files: string[], opts: Record<string, string | boolean | undefined>) => {
      const selection = parseSelection(opts);
      const cwd = process.cwd();
      const display = displayAsGiven(files, cwd);
      const check = Boolean(opts.check);
      const { migrate } = await import('../commands/migrate.js');
      const results = await migrate({ files, ...selection, cwd, display, check });
      for (const m of results) {
        const text = line(m, display(m.file), check);
        if (text) process.stdout.write(`${text}\n`);
      }
      const count = (s: string) => results.filter((m) => m.result.status === s).length;
      const [outdated, current, failed] = [count('migrated'), count('current'), count('failed')];
      process.stderr.write(
        `${results.length} file(s): ${outdated} ${check ? 'to migrate' : 'migrated'}, ${current} up to date, ${failed} failed\n`,
      );
      setCode(failed > 0 || (check && outdated > 0) ? 1 : 0);
    });
}
