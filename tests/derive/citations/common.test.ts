import { describe, expect, it } from 'vitest';
import {
  endSentence,
  esc,
  formatCitationDate,
  formatPages,
  joinItems,
  joinSegments,
  sameSender,
  sameWork,
} from '../../../src/derive/citations/common.js';
import { noteCitations, notePieces, noteTexts } from '../../../src/derive/citations/footnote.js';
import type { Citation } from '../../../src/schema/citation.js';

describe('citation building blocks', () => {
  it('dates as precise as the source: a year, a month, a day', () => {
    expect(formatCitationDate(2007)).toBe('2007');
    expect(formatCitationDate('2013-08')).toBe('August 2013');
    expect(formatCitationDate('2013-01-03')).toBe('3 January 2013');
  });

  it('one page as "p.", anything else as "pp."', () => {
    expect(formatPages(15)).toBe('p. 15');
    expect(formatPages('15')).toBe('p. 15');
    expect(formatPages('5–6')).toBe('pp. 5–6');
    expect(formatPages('6 and 15')).toBe('pp. 6 and 15');
  });

  it('joins items "A; B; and C"', () => {
    expect(joinItems(['A'])).toBe('A');
    expect(joinItems(['A', 'B'])).toBe('A; and B');
    expect(joinItems(['A', 'B', 'C'])).toBe('A; B; and C');
  });

  it('ends a run with one full stop, inside a closing quote in the US style', () => {
    expect(endSentence('p. 1', 'inside')).toBe('p. 1.');
    expect(endSentence('Ibid.', 'inside')).toBe('Ibid.');
    expect(endSentence('“Title”', 'inside')).toBe('“Title.”');
    expect(endSentence('“Title”', 'outside')).toBe('“Title”.');
  });

  it('places the comma after a quoted title by style', () => {
    const segs = [{ text: 'T', quoted: true }, { text: '2007' }];
    expect(joinSegments(segs, 'inside')).toBe('“T,” 2007');
    expect(joinSegments(segs, 'outside')).toBe('“T”, 2007');
  });

  it('escapes what Markdown would read as markup', () => {
    expect(esc('a [sic] *b* _c_ {=d} <e> ^f^ & g')).toBe(
      'a \\[sic\\] \\*b\\* \\_c\\_ \\{=d\\} \\<e\\> \\^f\\^ \\& g',
    );
  });

  it('tells the same work (pages aside) from another message of the same sender', () => {
    const a: Citation = {
      kind: 'email',
      author: 'X',
      role: 'Head',
      organisation: 'O',
      date: '2014-02-20',
    };
    expect(sameWork(a, { ...a, role: undefined })).toBe(true);
    expect(sameWork(a, { ...a, date: '2014-02-21' })).toBe(false);
    expect(sameSender(a, { ...a, date: '2014-02-21' })).toBe(true);
    expect(sameSender(a, a)).toBe(false);
    expect(sameSender(a, { ...a, kind: 'letter', date: '2014-02-21' })).toBe(false);
    expect(
      sameSender(
        { ...a, kind: 'report', title: 'R' },
        { ...a, kind: 'report', title: 'R', date: '2015' },
      ),
    ).toBe(false);
  });
});

describe('footnote forms', () => {
  const c: Citation = { kind: 'email', author: 'X', date: 2014 };
  it('normalise to pieces: text, citations with text after, interleaved parts', () => {
    expect(notePieces('Free text.')).toEqual([{ text: 'Free text.' }]);
    expect(notePieces({ cite: c, text: 'He wrote.' })).toEqual([
      { cites: [c] },
      { text: 'He wrote.' },
    ]);
    expect(notePieces({ parts: [{ text: 'See' }, { cite: [c, c] }] })).toEqual([
      { text: 'See' },
      { cites: [c, c] },
    ]);
  });
  it('give their citations and their own text', () => {
    const note = { parts: [{ text: 'A[^x]' }, { cite: c }, { text: 'B' }, { cite: [c, c] }] };
    expect(noteCitations(note)).toHaveLength(3);
    expect(noteTexts(note)).toEqual(['A[^x]', 'B']);
  });
});
