import type { Command } from 'commander';
import type { DiffResult } from '../commands/diff.js';
import { formatValueChange } from '../commands/diff-values.js';

/** The differences as printed: `field.path: old -> new`, or each page's changed lines. */
export function formatDiff(r: DiffResult): string {
  if (r.kind === 'data') return r.changes.map((c) => `${formatValueChange(c)}\n`).join('');
  const out: string[] = [];
  if (r.oldPages !== r.newPages) out.push(`pages: ${r.oldPages} -> ${r.newPages}`);
  for (const p of r.pages) {
    const what =
      p.kind === 'added' ? ' (only in NEW)' : p.kind === 'removed' ? ' (only in OLD)' : '';
    out.push(`page ${p.page}${what}:`);
    for (const l of p.lines) out.push(`  ${l.sign} ${l.text}`);
  }
  return out.map((l) => `${l}\n`).join('');
}

export function registerDiff(program: Command, setCode: (c: number) => void): void {
  program
    .command('diff')
    .description(
      'show what changed between two data files (field by field) or two built PDFs (text, page by page)',
    )
    .argument(
      '<old>',
      'a data file, a PDF, or REV:path for the file in a git revision (e.g. HEAD~1:data/editions/...)',
    )
    .argument('<new>', 'the same kind of file to compare with')
    .addHelpText(
      'after',
      '\nExit code: 0 the same, 1 different, 2 an error (a file missing or unreadable, a PDF against a data file).',
    )
    .action(async (oldSpec: string, newSpec: string) => {
      const { diff, isSame } = await import('../commands/diff.js');
      const result = await diff({ old: oldSpec, new: newSpec, cwd: process.cwd() });
      process.stdout.write(formatDiff(result));
      setCode(isSame(result) ? 0 : 1);
    });
}
