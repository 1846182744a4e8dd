import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMonitorNotes } from '../../../../src/kinds/monitor-profile/derive/citations.js';
import { deriveMonitorProfile } from '../../../../src/kinds/monitor-profile/derive/report.js';
import { renderInline } from '../../../../src/render/markdown.js';
import type { Citation, Footnote } from '../../../../src/schema/citation.js';
import {
  kosovo2014,
  monitorFromText,
  MONITOR_2019_FILE,
  RATES,
  SEEDS_DIR,
  seedNotes,
} from '../../../helpers/monitor.js';

/** A note as the PDF prints it: Markdown rendered, tags dropped, entities decoded. */
function printed(markdown: string): string {
  return renderInline(markdown, { noteNumbers: new Map(), facts: new Map() })
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const seed = (name: string) => seedNotes(readFileSync(path.join(SEEDS_DIR, name), 'utf8'));

describe('the Monitor citation style reproduces the seeds’ notes', () => {
  it('every note of the five 2012-2014 sections of seed 000, [6] of Casualties being lost', () => {
    const d = deriveMonitorProfile(kosovo2014().data, RATES);
    const want = seed('000_07ffc6569040b44f.txt');
    expect(d.sections.map((s) => s.key)).toHaveLength(want.length);
    d.sections.forEach((s, i) => {
      const expected = want[i] as Map<number, string>;
      for (const note of s.notes) {
        if (note.unavailable) {
          expect(expected.has(note.n), `${s.key} [${note.n}] is lost in the seed`).toBe(false);
          expect(printed(note.markdown)).toBe('Text not available.');
        } else {
          expect(printed(note.markdown), `${s.key} [${note.n}]`).toBe(expected.get(note.n));
        }
      }
      expect(s.notes.filter((n) => !n.unavailable).map((n) => n.n)).toEqual([...expected.keys()]);
    });
  });

  it('every note of the 2019 Mine Ban Policy, seed 002', () => {
    const d = deriveMonitorProfile(
      monitorFromText(readFileSync(MONITOR_2019_FILE, 'utf8')).data,
      RATES,
    );
    const [want] = seed('002_5f6a09ab15356227.txt');
    expect(d.sections[0]?.notes.map((n) => printed(n.markdown))).toEqual([
      ...(want as Map<number, string>).values(),
    ]);
  });
});

const email = (date: string, extra: Partial<Citation> = {}): Citation => ({
  kind: 'email',
  author: 'Ahmet Sallova',
  organisation: 'KMAC',
  date,
  ...extra,
});

describe('the Monitor citation style, rule by rule', () => {
  it('writes "Ibid." for the source of the note before, "Ibid., <date>" for another message from the same person', () => {
    const notes: Footnote[] = [
      { cite: email('2014-02-20', { role: 'Head' }) },
      { cite: email('2014-02-20') },
      { cite: email('2013-07-30') },
      { cite: { ...email('2013-07-30'), kind: 'letter' } },
    ];
    expect(formatMonitorNotes(notes)).toEqual([
      'Email from Ahmet Sallova, Head, KMAC, 20 February 2014.',
      'Ibid.',
      'Ibid., 30 July 2013.',
      // A letter is not another email: cited in full, the role not repeated.
      'Letter from Ahmet Sallova, KMAC, 30 July 2013.',
    ]);
  });

  it('writes "Ibid." only when the note before cites that one source alone, and only for a note’s first citation', () => {
    const moore: Citation = {
      kind: 'email',
      author: 'Andrew Moore',
      organisation: 'HALO Trust',
      date: '2014-02-27',
    };
    const notes: Footnote[] = [
      { cite: [email('2014-02-20'), moore] },
      { cite: email('2014-02-20') },
      'Free text about the same email.',
      { cite: email('2014-02-20') },
      { cite: [moore, email('2014-02-20')] },
    ];
    expect(formatMonitorNotes(notes)).toEqual([
      'Email from Ahmet Sallova, KMAC, 20 February 2014; and email from Andrew Moore, HALO Trust, 27 February 2014.',
      'Email from Ahmet Sallova, KMAC, 20 February 2014.',
      'Free text about the same email.',
      'Email from Ahmet Sallova, KMAC, 20 February 2014.',
      'Email from Andrew Moore, HALO Trust, 27 February 2014; and email from Ahmet Sallova, KMAC, 20 February 2014.',
    ]);
  });

  it('"Ibid., p. N" for another page of the same work', () => {
    const report: Citation = {
      kind: 'report',
      author: 'HALO Trust',
      title: 'Failing the Kosovars',
      date: '2006-12-15',
      pages: 1,
    };
    expect(
      formatMonitorNotes([
        { cite: report },
        { cite: { ...report, pages: 4 } },
        { cite: { ...report, pages: 4 } },
      ]),
    ).toEqual([
      'HALO Trust, “Failing the Kosovars,” 15 December 2006, p. 1.',
      'Ibid., p. 4.',
      'Ibid.',
    ]);
  });

  it('prints a role at the person’s first citation, an organisation’s short form after its first', () => {
    const moore = (date: string): Citation => ({
      kind: 'email',
      author: 'Andrew Moore',
      role: 'Desk Officer',
      organisation: 'HALO Trust',
      organisation_short: 'HALO',
      date,
    });
    expect(
      formatMonitorNotes([{ cite: moore('2014-02-27') }, 'Other.', { cite: moore('2014-03-01') }]),
    ).toEqual([
      'Email from Andrew Moore, Desk Officer, HALO Trust, 27 February 2014.',
      'Other.',
      'Email from Andrew Moore, HALO, 1 March 2014.',
    ]);
  });

  it('puts the comma and full stop inside the closing quote, and the book facts in parentheses', () => {
    const notes: Footnote[] = [
      {
        cite: {
          kind: 'media',
          title: 'Mine wounds two children',
          publisher: 'Agence France-Presse',
          place: 'Pristina',
          date: '2007-04-09',
        },
      },
      { cite: { kind: 'web_page', title: 'Country Profile' } },
      {
        cite: {
          kind: 'publication',
          author: 'HI',
          title: 'Circle of Impact',
          place: 'Brussels',
          publisher: 'HI',
          date: '2007-05',
          pages: '69–70',
        },
      },
    ];
    expect(formatMonitorNotes(notes)).toEqual([
      '“Mine wounds two children,” Agence France-Presse (Pristina), 9 April 2007.',
      '“Country Profile.”',
      'HI, *Circle of Impact* (Brussels: HI, May 2007), pp. 69–70.',
    ]);
  });

  it('interleaves text and citations, capitalising a citation that starts a sentence', () => {
    const note: Footnote = {
      parts: [
        { text: 'He said so.' },
        { cite: email('2014-02-20') },
        { text: 'See also' },
        { cite: { kind: 'telephone_interview', author: 'Ana Test', date: '2014-03-01' } },
      ],
    };
    expect(formatMonitorNotes([note])).toEqual([
      'He said so. Email from Ahmet Sallova, KMAC, 20 February 2014. See also telephone interview with Ana Test, 1 March 2014.',
    ]);
  });

  it('keeps field text literal in Markdown', () => {
    const [note] = formatMonitorNotes([
      {
        cite: {
          kind: 'media',
          title: 'Police finds [sic] *more* {=x}',
          publisher: 'A_B',
          date: 2010,
        },
      },
    ]);
    expect(printed(note as string)).toBe('“Police finds [sic] *more* {=x},” A_B, 2010.');
  });
});
