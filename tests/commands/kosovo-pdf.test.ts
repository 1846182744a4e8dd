import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/commands/build.js';
import { PROJECT_ROOT } from '../../src/project.js';
import {
  notePlacement,
  pdfBookmarks,
  pdfFonts,
  pdfInfo,
  pdfPages,
  squash,
} from '../support/pdf-text.js';
import { profileResults, sampleBuild } from '../support/sample-build.js';

// A copy of ../shared/seeds/001 (Mine Action Review, Clearing the Mines 2025, Kosovo), so the
// test runs wherever the repository is cloned.
const SEED = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'seeds', '001_ff153f9956c544c8.txt');
const SUPERSCRIPT_DIGITS = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;

/**
 * The seed's text in comparable pieces: superscript note numbers split a paragraph into
 * fragments (the PDF prints note numbers as ordinary digits), table rows into cells.
 */
function seedFragments(seed: string): { notes: string[]; fragments: string[] } {
  const notes: string[] = [];
  const fragments: string[] = [];
  for (const raw of seed.split('\n')) {
    const line = raw
      .replace(/<(https?:[^>]+)>/g, '$1')
      .replace(/\*/g, '')
      .replace(/ ²/g, '²')
      .trim();
    if (!line) continue;
    const note = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]*(\d*)\s+(.*)$/.exec(line);
    if (/^(\d+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+) /.test(line) && note) {
      notes.push(note[2] as string);
      continue;
    }
    const pieces = line.includes('\t')
      ? line.split('\t')
      : line.replace(/^- /, '').split(SUPERSCRIPT_DIGITS);
    for (const p of pieces) if (p.trim()) fragments.push(p.trim());
  }
  return { notes, fragments };
}

/** Running header and page number sit in the page margins; drop them before comparing text. */
function withoutRunningHead(page: string, i: number): string {
  let text = page.replace(/\s*\d+\s*$/, '');
  if (i > 0) text = text.replace(/^\s*CLEARING THE MINES 2025\s*KOSOVO\s*/, '');
  return text;
}

function removeNumbered(text: string, needle: string): string {
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (at === 0 || !/\d/.test(text[at - 1] as string))
      return text.slice(0, at) + text.slice(at + needle.length);
  }
  return text;
}

/** pdftotext joins a word broken at a line-end hyphen without its hyphen: compare without hyphens. */
const comparable = (s: string) => squash(s).replace(/-/g, '').toLowerCase();

// Seed lines that the PDF prints differently on purpose, with the reason.
const EXPECTED_DIFFERENCES = new Map<string, string>([
  ['KEY DATA', 'printed as a styled heading "Key data" (uppercase by CSS)'],
]);

describe('the Kosovo report, built and read back', () => {
  let out: string;
  let result: BuildResult;
  let file: string;
  let pages: string[];
  let all: string;
  let body: string;

  beforeAll(async () => {
    // The run's build of data/ (tests/support/sample-build.ts), read only.
    const build = await sampleBuild();
    out = build.out;
    result = profileResults(build.summary, 2025, 'clearing-the-mines').find(
      (r) => r.country.country === 'kosovo',
    ) as BuildResult;
    file = path.join(out, '2025', 'clearing-the-mines', 'kosovo.pdf');
    pages = result.status === 'built' ? pdfPages(file).map(withoutRunningHead) : [];
    const { notes } = seedFragments(await readFile(SEED, 'utf8'));
    // The body's text runs on across pages once the notes at each page foot are taken out.
    all = comparable(pages.join('\n'));
    body = notes.reduce(
      (text, note, i) => removeNumbered(text, comparable(`${i + 1}${note}`)),
      all,
    );
  });

  it("builds, warning about the seed's own 47,065 against 47,605 m² mismatch", () => {
    expect(result.status, result.error).toBe('built');
    const warnings = result.problems.filter((p) => p.severity === 'warning').map((p) => p.message);
    expect(warnings.some((w) => w.includes('47,605m²') && w.includes('47,065m²'))).toBe(true);
  });

  it('is A4, tagged, with metadata from the edition', () => {
    const info = pdfInfo(file);
    expect(info['Page size']).toMatch(/^594\.\d+ x 841\.\d+ pts \(A4\)$/);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Kosovo – Clearing the Mines 2025');
    expect(info.Author).toBe('Mine Action Review');
    expect(info.CreationDate).toContain('2025');
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(6);
  });

  it('embeds only the bundled Source Sans 3', () => {
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f).toMatch(/SourceSans3/);
      expect(f).toMatch(/\byes\s+yes\s+yes\b/);
    }
  });

  it('has bookmarks from the headings', () => {
    const marks = pdfBookmarks(file).map((t) => t.toLowerCase());
    for (const h of [
      'key data',
      'key developments',
      'recommendations for action',
      'understanding of ap mine contamination',
      'clearance in 2024',
    ]) {
      expect(
        marks.some((m) => m.includes(h)),
        h,
      ).toBe(true);
    }
  });

  it('prints the KEY DATA figures, derived totals and year-on-year wording', () => {
    const first = squash(pages[0] ?? '');
    expect(first).toContain('1.12km²');
    expect(first).toContain(squash('Not party to the APMBC'));
    expect(first.toLowerCase()).toContain('light');
    expect(all).toContain(comparable('an increase from the 29,309m² cleared in 2023'));
    expect(all).toContain(comparable('Totals 24 1,115,699'));
    expect(all).toContain(comparable('Total 0.34'));
    expect(all).toContain(comparable('Totals 272 70 (26%) 43 8 (19%) 197 45 (23%)'));
  });

  it('holds every paragraph, list item and table cell of seed 001', async () => {
    const { fragments } = seedFragments(await readFile(SEED, 'utf8'));
    const missing = fragments.filter(
      (f) => !EXPECTED_DIFFERENCES.has(f) && !body.includes(comparable(f)),
    );
    expect(missing).toEqual([]);
    expect(fragments.length).toBeGreaterThan(250);
  });

  it('holds all 60 footnotes with their exact text, numbered in order', async () => {
    const { notes } = seedFragments(await readFile(SEED, 'utf8'));
    expect(notes).toHaveLength(60);
    let from = 0;
    notes.forEach((note, i) => {
      const at = all.indexOf(comparable(`${i + 1}${note}`), from);
      expect(at, `note ${i + 1}: ${note}`).toBeGreaterThanOrEqual(0);
      from = at;
    });
  });

  it('prints each of the 60 notes at the foot of the page that cites it', async () => {
    const { notes } = seedFragments(await readFile(SEED, 'utf8'));
    const placement = await notePlacement(file, new Map(notes.map((text, i) => [i + 1, text])));
    for (const p of placement) {
      expect(p.refPage, `reference of note ${p.n}`).toBeDefined();
      expect(p.textPages, `note ${p.n} cited on page ${(p.refPage ?? -1) + 1}`).toEqual([
        p.refPage,
      ]);
    }
    const byPage = new Map<number, number[]>();
    for (const p of placement)
      byPage.set(p.refPage ?? -1, [...(byPage.get(p.refPage ?? -1) ?? []), p.n]);
    // Printed for the closing note: which notes sit at the foot of which page.
    console.log(
      [...byPage].map(([page, ns]) => `page ${page + 1}: notes ${ns[0]}-${ns.at(-1)}`).join('; '),
    );
  });
});
