import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/commands/build.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { pdfBookmarks, pdfFonts, pdfInfo, pdfPages, squash } from '../support/pdf-text.js';
import { sharedBrowser } from '../support/shared-browser.js';

// Copies of ../shared/seeds/000 (the Monitor's Kosovo profile, five sections dated 2012-2014)
// and 002 (its Mine Ban Policy as updated in 2019), so the test runs wherever the repository is.
const SEEDS = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'seeds');
const SEED_2014 = path.join(SEEDS, '000_07ffc6569040b44f.txt');
const SEED_2019 = path.join(SEEDS, '002_5f6a09ab15356227.txt');

interface SeedSection {
  heading: string;
  /** The "Last updated" line, e.g. "Last Updated: 02 October 2012". */
  updated: string;
  /** Paragraph pieces between note references, headings and table cells. */
  fragments: string[];
  /** Note texts by number. */
  notes: Map<number, string>;
}

const NOTE_REF = /\[\d+\]/g;

/** A seed's sections: each has its "Last updated" line, its text, and its notes [1], [2]... */
function seedSections(seed: string): SeedSection[] {
  const sections: SeedSection[] = [];
  let current: SeedSection | undefined;
  let pendingDate: string | undefined;
  for (const raw of seed.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (/^Last updated:/i.test(line)) {
      if (current && current.updated === '') current.updated = line;
      else pendingDate = line;
      continue;
    }
    const note = /^\[(\d+)\]\s*(.*)$/.exec(line);
    if (note && current) {
      current.notes.set(Number(note[1]), note[2] as string);
      continue;
    }
    if (!current || (current.notes.size > 0 && !note)) {
      current = { heading: line, updated: pendingDate ?? '', fragments: [], notes: new Map() };
      pendingDate = undefined;
      sections.push(current);
      continue;
    }
    for (const piece of line.split(NOTE_REF))
      if (piece.trim()) current.fragments.push(piece.trim());
  }
  return sections;
}

/** Running header and page number sit in the page margins; drop them before comparing text. */
function withoutRunningHead(page: string, i: number): string {
  let text = page.replace(/\s*\d+\s*$/, '');
  if (i > 0)
    text = text.replace(
      /^\s*LANDMINE AND CLUSTER MUNITION MONITOR \d{4} — COUNTRY PROFILE\s*KOSOVO\s*/,
      '',
    );
  return text;
}

/** pdftotext joins a word broken at a line-end hyphen; superscript ² reads as 2 in the seeds. */
const comparable = (s: string) => squash(s).replace(/-/g, '').replace(/²/g, '2').toLowerCase();

async function buildProfile(out: string, edition: number, formats: ('pdf' | 'html')[] = ['pdf']) {
  const results = await build({
    ...sharedBrowser(),
    edition,
    kind: 'monitor-profile',
    country: 'kosovo',
    outDir: out,
    formats,
  });
  const result = results[0] as BuildResult;
  const file = path.join(out, String(edition), 'monitor-profile', 'kosovo.pdf');
  const text =
    result.status === 'built' ? comparable(pdfPages(file).map(withoutRunningHead).join('\n')) : '';
  return { result, file, text };
}

/** Every note of a section appears, "[n]" and its exact text, in order after the section's date line. */
function expectNotesInOrder(text: string, section: SeedSection, dateLine: string): void {
  let from = text.indexOf(comparable(dateLine));
  expect(from, `${section.heading}: ${dateLine}`).toBeGreaterThanOrEqual(0);
  for (const [n, note] of section.notes) {
    const at = text.indexOf(comparable(`[${n}]${note}`), from);
    expect(at, `${section.heading} note [${n}]: ${note}`).toBeGreaterThanOrEqual(0);
    from = at;
  }
}

describe('the Kosovo Monitor profiles, built and read back', () => {
  let out: string;
  let y2014: Awaited<ReturnType<typeof buildProfile>>;
  let y2019: Awaited<ReturnType<typeof buildProfile>>;
  let seed2014: SeedSection[];
  let seed2019: SeedSection[];

  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'keydata-monitor-'));
    y2014 = await buildProfile(out, 2014, ['pdf', 'html']);
    y2019 = await buildProfile(out, 2019);
    seed2014 = seedSections(await readFile(SEED_2014, 'utf8'));
    seed2019 = seedSections(await readFile(SEED_2019, 'utf8'));
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('reads the seeds as five sections and one', () => {
    expect(seed2014.map((s) => s.heading)).toEqual([
      'Mine Ban Policy',
      'Cluster Munition Ban Policy',
      'Mine Action',
      'Casualties and Victim Assistance',
      'Support for Mine Action',
    ]);
    expect(seed2014.map((s) => s.notes.size)).toEqual([3, 4, 12, 6, 3]);
    expect(seed2014.map((s) => s.fragments.length)).toEqual([4, 5, 25, 18, 7]);
    expect(seed2019[0]?.fragments).toHaveLength(4);
    expect(seed2019.map((s) => [s.heading, s.updated, s.notes.size])).toEqual([
      ['Mine Ban Policy', 'Last updated: 18 December 2019', 3],
    ]);
  });

  it('builds both, warning only that Casualties note [6] has no text', () => {
    for (const { result } of [y2014, y2019]) {
      expect(result.status, result.error).toBe('built');
      expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const warnings = result.problems.filter((p) => p.severity === 'warning');
      expect(warnings.map((w) => [w.file, w.path])).toEqual([
        [
          'data/editions/2014/monitor-profile/kosovo.yaml',
          'sections.casualties_and_victim_assistance.notes.n6',
        ],
      ]);
      expect(warnings[0]?.message).toMatch(/footnote \[6\] is not available/);
    }
  });

  it('is A4, tagged, with metadata from its own edition and bookmarks from the headings', () => {
    for (const [{ file }, year, date] of [
      [y2014, 2014, 'Nov 24'],
      [y2019, 2019, 'Dec 18'],
    ] as const) {
      const info = pdfInfo(file);
      expect(info['Page size']).toMatch(/\(A4\)$/);
      expect(info.Tagged).toBe('yes');
      expect(info.Title).toBe(
        `Kosovo – Landmine and Cluster Munition Monitor ${year} — Country Profile`,
      );
      expect(info.Author).toMatch(/^Landmine and Cluster Munition Monitor/);
      expect(info.CreationDate).toContain(date);
      expect(info.CreationDate).toContain(String(year));
      const marks = pdfBookmarks(file);
      for (const h of [
        'Mine Ban Policy',
        'Cluster Munition Ban Policy',
        'Mine Action',
        'Casualties and Victim Assistance',
        'Contamination and Impact',
      ]) {
        expect(marks, h).toContain(h);
      }
      for (const f of pdfFonts(file)) expect(f).toMatch(/SourceSans3/);
    }
  });

  it('2014 holds every paragraph, heading, table cell and "Last updated" line of seed 000', () => {
    const missing = seed2014
      .flatMap((s) => [s.heading, s.updated, ...s.fragments])
      .filter((f) => !y2014.text.includes(comparable(f)));
    expect(missing).toEqual([]);
  });

  it('2014 holds every footnote of seed 000 with its exact text, numbered afresh in each section', () => {
    for (const s of seed2014) expectNotesInOrder(y2014.text, s, s.updated);
  });

  it('2019 holds seed 002, and the four sections it inherits from 2014 with their own dates', () => {
    const [policy] = seed2019;
    const inherited = seed2014.slice(1);
    const missing = [policy, ...inherited]
      .flatMap((s) => (s ? [s.heading, s.updated, ...s.fragments] : []))
      .filter((f) => !y2019.text.includes(comparable(f)));
    expect(missing).toEqual([]);
    if (policy) expectNotesInOrder(y2019.text, policy, policy.updated);
    for (const s of inherited) expectNotesInOrder(y2019.text, s, s.updated);
    // The 2012 Mine Ban Policy is replaced, not printed beside its update.
    expect(y2019.text).not.toContain(comparable('recognized by 88 states'));
    expect(y2019.text).not.toContain(comparable('Last Updated: 02 October 2012'));
    expect(y2019.text).toContain(comparable('Last updated: 12 August 2014 (2014 edition)'));
  });

  it('prints what the seed lost as a dash or "Text not available", and never a number', () => {
    for (const { text } of [y2014, y2019]) {
      expect(text).toContain(comparable('[6] Text not available.'));
      expect(text).toContain(comparable('2013 casualties by item type –'));
      expect(text).toContain(comparable('Switzerland – – –'));
      expect(text).toContain(comparable('– Victim assistance – –'));
      expect(text).toContain(comparable('2011 – 2012 1,330,814 Total –'));
    }
  });

  it("derives the US$ value from the year's rate, and prints the rate note", () => {
    expect(y2014.text).toContain(comparable('Belgium – €750,528 965,104'));
    expect(y2014.text).toContain(
      comparable('Belgium was the largest donor with €750,528 ($965,104).'),
    );
    expect(y2014.text).toContain(comparable('Total 1,330,814'));
    expect(y2014.text).toContain(
      comparable('[2] Average exchange rate for 2012: CHF0.9377=US$1; €1=US$1.2859.'),
    );
  });

  it('writes a standalone HTML page beside the 2014 PDF: styles, fonts and text inline, nothing fetched', async () => {
    const html = await readFile(path.join(out, '2014', 'monitor-profile', 'kosovo.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('src: url(data:font/ttf;base64,');
    expect(html).not.toMatch(/<link\b|<script\b|src="https?:|url\(https?:/i);
    expect(html).toContain('Email from Ahmet Sallova, Head, KMAC, 20 February 2014.');
    expect(html).toContain(
      '<li id="casualties-and-victim-assistance-note-6" class="mp-note-unavailable">',
    );
  });
});
