import { describe, expect, it } from 'vitest';
import {
  citationsOf,
  monitorCitationWarnings,
} from '../../../../src/kinds/monitor-profile/derive/citation-fields.js';
import { Citation } from '../../../../src/schema/citation.js';

const fields = (c: unknown) => monitorCitationWarnings(Citation.parse(c)).map((w) => w.field);

describe('citation fields the Monitor style does not print for a kind', () => {
  it('flags a statement’s title, and fields a kind leaves out', () => {
    expect(
      fields({ kind: 'statement', author: 'Veldoria', title: 'Intersessional Meetings' }),
    ).toEqual(['title']);
    expect(
      fields({ kind: 'statement', author: 'Veldoria', event: 'Intersessional Meetings' }),
    ).toEqual([]);
    expect(
      fields({ kind: 'email', author: 'A. Person', publisher: 'HALO', title: 'List' }),
    ).toEqual(['publisher']);
    expect(fields({ kind: 'publication', title: 'Book', event: 'Launch', edition: '2nd' })).toEqual(
      ['event'],
    );
    expect(fields({ kind: 'report', title: 'Report', issue: 'Vol. 1', event: 'Meeting' })).toEqual(
      [],
    );
  });

  it('finds every citation of a note with its path', () => {
    const email = { kind: 'email' as const, author: 'A' };
    expect(citationsOf('Free text.')).toEqual([]);
    expect(citationsOf({ cite: email }).map((c) => c.path)).toEqual([['cite']]);
    expect(
      citationsOf({ parts: [{ text: 'x' }, { cite: [email, email] }] }).map((c) => c.path),
    ).toEqual([
      ['parts', 1, 'cite', 0],
      ['parts', 1, 'cite', 1],
    ]);
  });
});
