import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCtmNotes } from '../../../src/derive/citations/mine-action-review.js';
import { deriveClearingTheMines } from '../../../src/kinds/clearing-the-mines/derive/report.js';
import type { Citation, Footnote } from '../../../src/schema/citation.js';
import { kosovo, ROOT } from '../../helpers/reports.js';

/** Seed 001's 60 notes, exactly as written there (its Markdown: *italics*, <links>). */
function seedNotes(): string[] {
  const text = readFileSync(
    path.join(ROOT, 'tests', 'fixtures', 'seeds', '001_ff153f9956c544c8.txt'),
    'utf8',
  );
  return text
    .split('\n')
    .filter((l) => /^([0-9]+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+) /.test(l))
    .map((l) => l.replace(/^\S+ /, ''));
}

describe('the Clearing the Mines citation style reproduces seed 001', () => {
  const r = kosovo().data;
  const d = deriveClearingTheMines(r);
  const seed = seedNotes();

  it('prints all 60 Kosovo notes exactly as published, Markdown included', () => {
    expect(seed).toHaveLength(60);
    expect([...d.noteNumbers].map(([id]) => d.printedNotes.get(id))).toEqual(seed);
  });

  it('holds most of them as citations, the rest as text (typos and odd punctuation)', () => {
    const text = Object.entries(r.notes)
      .filter(([, n]) => typeof n === 'string')
      .map(([id]) => id);
    expect(text).toEqual(['n14', 'n16', 'n24', 'n26', 'n30', 'n31', 'n33', 'n46', 'n51', 'n60']);
  });
});

const email = (author: string, organisation: string, date: string, role?: string): Citation => ({
  kind: 'email',
  author,
  organisation,
  date,
  ...(role ? { role } : {}),
});

describe('the Clearing the Mines citation style, rule by rule', () => {
  it('repeats another message from the same person in full, where the Monitor writes "Ibid., <date>"', () => {
    const notes: Footnote[] = [
      { cite: email('Ahmet Sallova', 'KMAC', '2025-05-05', 'Head') },
      { cite: email('Ahmet Sallova', 'KMAC', '2024-05-17', 'Head') },
      { cite: email('Ahmet Sallova', 'KMAC', '2024-05-17', 'Head') },
    ];
    expect(formatCtmNotes(notes)).toEqual([
      'Email from Ahmet Sallova, Head, KMAC, 5 May 2025.',
      'Email from Ahmet Sallova, KMAC, 17 May 2024.',
      'Ibid.',
    ]);
  });

  it('gathers consecutive emails: "Emails from A; and B", after an "Ibid." too', () => {
    const notes: Footnote[] = [
      { cite: email('Ahmet Sallova', 'KMAC', '2025-04-22') },
      {
        cite: [
          email('Ahmet Sallova', 'KMAC', '2025-04-22'),
          email('Claus Nielsen', 'NPA', '2025-04-10'),
          email('Fred Wellesley', 'HALO', '2025-04-15'),
        ],
      },
      {
        cite: [
          email('A', 'X', '2025-01-01'),
          email('B', 'Y', '2025-01-02'),
          email('C', 'Z', '2025-01-03'),
        ],
      },
    ];
    expect(formatCtmNotes(notes)).toEqual([
      'Email from Ahmet Sallova, KMAC, 22 April 2025.',
      'Ibid.; and emails from Claus Nielsen, NPA, 10 April 2025; and Fred Wellesley, HALO, 15 April 2025.',
      'Emails from A, X, 1 January 2025; B, Y, 2 January 2025; and C, Z, 3 January 2025.',
    ]);
  });

  it('puts the comma outside the closing quote and names the genre', () => {
    const report: Citation = {
      kind: 'report',
      author: 'HALO',
      title: 'Failing the Kosovars',
      genre: 'Report',
      date: '2006-12-15',
      pages: 1,
    };
    expect(formatCtmNotes([{ cite: report }, { cite: { ...report, pages: 3 } }])).toEqual([
      'HALO, “Failing the Kosovars”, Report, 15 December 2006, p. 1.',
      'Ibid., p. 3.',
    ]);
  });

  it('writes an address as "at: <…>" and an author in full once, then in short', () => {
    const icrc: Citation = {
      kind: 'publication',
      author: 'International Committee of the Red Cross (ICRC)',
      author_short: 'ICRC',
      title: 'Explosive Remnants of War',
      date: '2001-06',
    };
    expect(
      formatCtmNotes([
        { cite: { ...icrc, address: 'https://bit.ly/x', pages: '6 and 15' } },
        'Other.',
        { cite: { ...icrc, pages: 15 } },
      ]),
    ).toEqual([
      'International Committee of the Red Cross (ICRC), *Explosive Remnants of War*, June 2001, at: <https://bit.ly/x>, pp. 6 and 15.',
      'Other.',
      'ICRC, *Explosive Remnants of War*, June 2001, p. 15.',
    ]);
  });
});
