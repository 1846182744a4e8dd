import path from 'node:path';
import type { Command } from 'commander';
import type { CountryChecklist, NewEditionResult } from '../commands/new-edition.js';
import { UserError } from '../errors.js';
import { displayPath, PROJECT_ROOT } from '../project.js';
import { parseSelection } from './selection.js';

/** "tables.gender_composition.rows.2.women_staff" -> "tables.gender_composition.rows", to count by place. */
function groupOf(p: string): string {
  const parts = p.split('.');
  const row = parts.findIndex((s, i) => i > 0 && /^\d+$/.test(s));
  if (row > 0) return parts.slice(0, row).join('.');
  if (parts[0] === 'performance') return 'performance';
  return parts.length > 2 ? parts.slice(0, -1).join('.') : p;
}

function grouped(paths: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const p of paths) counts.set(groupOf(p), (counts.get(groupOf(p)) ?? 0) + 1);
  return [...counts].map(([g, n]) => (n === 1 && paths.includes(g) ? g : `${g} (${n})`)).join(', ');
}

function parseYear(what: string, text: string | undefined): number {
  if (!text || !/^\d{4}$/.test(text))
    throw new UserError(`${what} expects a year such as 2026, got '${text ?? ''}'`);
  return Number(text);
}

const SHOWN = 6;

/** The checklist of one country, as lines to tick off. */
export function checklistLines(c: CountryChecklist, to: number): string[] {
  const lines = [`${displayPath(c.file)}  (from ${displayPath(c.from)}; status: draft)`];
  if (c.toFill.length > 0) {
    lines.push(
      `  [ ] fill ${c.toFill.length} figure(s) marked { to_fill: ${to} } (keydata validate lists each):`,
    );
    lines.push(`        ${grouped(c.toFill)}`);
  }
  for (const m of c.moved) lines.push(`  [x] ${m}`);
  for (const s of c.inherited) lines.push(`  [x] ${s.section}: ${s.note}`);
  if (c.mentionsOldYear.length > 0) {
    const more =
      c.mentionsOldYear.length > SHOWN ? `, and ${c.mentionsOldYear.length - SHOWN} more` : '';
    lines.push(
      `  [ ] review ${c.mentionsOldYear.length} text field(s) naming the old year: ${c.mentionsOldYear.slice(0, SHOWN).join(', ')}${more}`,
    );
  }
  for (const r of c.review) lines.push(`  [ ] ${r}`);
  lines.push('  [ ] set status: review, then final, when done');
  return lines;
}

export function formatNewEdition(r: NewEditionResult): string {
  const out: string[] = [];
  for (const k of r.kinds) {
    out.push(`${k.kind} ${r.to}, started from ${k.from}:`);
    out.push(`${displayPath(k.editionFile)}`);
    for (const f of k.editionToFill) out.push(`  [ ] fill ${f} (marked { to_fill: ${r.to} })`);
    for (const c of k.countries) out.push(...checklistLines(c, r.to));
    out.push('');
  }
  out.push(`next: keydata validate --edition ${r.to}   (lists every field still to fill)`);
  return `${out.join('\n')}\n`;
}

export function registerNewEdition(program: Command): void {
  program
    .command('new-edition')
    .description(
      'start the next edition from the last: carry every country forward, figures to fill, as drafts',
    )
    .argument('<year>', 'the edition to start, e.g. 2026')
    .option(
      '--from <year>',
      "the edition to start from, e.g. 2025 (default: each report kind's newest earlier edition)",
    )
    .option('--report <kind>', 'only this report kind')
    .option(
      '--data <dir>',
      'folder holding editions/<year>/<kind>/, relative to the project root (default: data/)',
    )
    .action(async (year: string, opts: Record<string, string | undefined>) => {
      const to = parseYear('the new edition', year);
      const from = opts.from === undefined ? undefined : parseYear('--from', opts.from);
      const kind = parseSelection({ report: opts.report }).kind;
      const { newEdition } = await import('../commands/new-edition.js');
      const result = await newEdition({
        to,
        ...(from !== undefined ? { from } : {}),
        ...(kind ? { kind } : {}),
        ...(opts.data
          ? { editionsDir: path.join(path.resolve(PROJECT_ROOT, opts.data), 'editions') }
          : {}),
      });
      process.stdout.write(formatNewEdition(result));
    });
}
