import { describe, expect, it } from 'vitest';
import { Citation, CitationDate, Footnote } from '../../src/schema/citation.js';

const issues = (
  schema: {
    safeParse: (v: unknown) => {
      success: boolean;
      error?: { issues: { path: PropertyKey[]; message: string }[] };
    };
  },
  v: unknown,
) => {
  const r = schema.safeParse(v);
  return r.success ? [] : (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('citations as data', () => {
  it('take dates as precise as the source gives them', () => {
    for (const ok of [2007, '2013-08', '2013-08-12', '2012-02-29'])
      expect(CitationDate.safeParse(ok).success, String(ok)).toBe(true);
    for (const bad of ['2013-13', '2013-02-30', '12 August 2013', '2013-8', 1700])
      expect(CitationDate.safeParse(bad).success, String(bad)).toBe(false);
  });

  it('need an author for a message and a title for a document', () => {
    expect(issues(Citation, { kind: 'email', date: '2014-02-20' })).toEqual([
      'author: a citation of kind email needs the author (who sent or said it)',
    ]);
    expect(issues(Citation, { kind: 'report', author: 'HRW' })).toEqual([
      'title: a citation of kind report needs a title',
    ]);
    expect(
      issues(Citation, { kind: 'email', author: 'X', date: 2014, date_text: 'undated' }),
    ).toEqual(['date_text: give date or date_text, not both']);
    expect(issues(Citation, { kind: 'email', author: 'X', organisation_short: 'Y' })).toEqual([
      'organisation_short: organisation_short needs organisation',
    ]);
  });

  it('refuse unknown kinds and fields', () => {
    expect(Citation.safeParse({ kind: 'tweet', author: 'X' }).success).toBe(false);
    expect(Citation.safeParse({ kind: 'email', author: 'X', sender: 'Y' }).success).toBe(false);
  });
});

describe('footnotes', () => {
  const email = { kind: 'email', author: 'X', date: '2014-02-20' };
  it('are free text, citations with text after, or parts in order', () => {
    for (const ok of [
      'Free text.',
      { cite: email },
      { cite: [email, email], text: 'He wrote.' },
      { parts: [{ text: 'See' }, { cite: email }] },
    ]) {
      expect(Footnote.safeParse(ok).success, JSON.stringify(ok)).toBe(true);
    }
  });
  it('refuse an empty note, an empty list, and a mix of forms', () => {
    for (const bad of [
      '',
      { cite: [] },
      { parts: [] },
      { cite: email, parts: [] },
      { text: 'x' },
    ]) {
      expect(Footnote.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
