/** Dates after the edition's publication date (15 October 2025 in the test reports). */
import { describe, expect, it } from 'vitest';
import { checkDates, datesIn, structuredDate } from '../../src/derive/check-dates.js';
import type { Emit } from '../../src/derive/emit.js';
import { baseReport, problemsOf } from '../helpers/reports.js';

function found(data: unknown, published = '2025-10-15') {
  const out: string[] = [];
  const emit: Emit = (severity, path, message) =>
    out.push(`${severity} ${path.join('.')}: ${message}`);
  checkDates(data, { published }, emit);
  return out;
}

describe('datesIn', () => {
  it('reads day-month-year and month-year dates out of footnote text', () => {
    expect(
      datesIn('Emails from A, 16 June and 3 July 2017; and B, April–May 2025.').map((d) => [
        d.text,
        d.earliest,
        d.real,
      ]),
    ).toEqual([
      ['3 July 2017', '2017-07-03', true],
      ['May 2025', '2025-05-01', true],
    ]);
  });

  it('knows which days the calendar has', () => {
    expect(datesIn('31 April 2025, 29 February 2024, 29 February 2025').map((d) => d.real)).toEqual(
      [false, true, false],
    );
  });

  it('reads a citation date given as data', () => {
    expect(structuredDate('2025-11')?.earliest).toBe('2025-11-01');
    expect(structuredDate(2013)?.earliest).toBe('2013-01-01');
    expect(structuredDate('2025-02-30')?.real).toBe(false);
    expect(structuredDate('soon')).toBeUndefined();
  });
});

describe('checkDates', () => {
  it('warns about a footnote dated after publication, naming both dates', () => {
    expect(found({ notes: { n1: 'Email from A. Person, 5 November 2025.' } })).toEqual([
      "warning notes.n1: cites 5 November 2025, after the edition's publication date, 15 October 2025 (published in _edition.yaml)",
    ]);
  });

  it("reads a section's own footnotes as footnotes, and a table's notes list as printed lines", () => {
    expect(
      found({ sections: { policy: { notes: { n1: 'Interview, 5 November 2025.' } } } }),
    ).toEqual([
      "warning sections.policy.notes.n1: cites 5 November 2025, after the edition's publication date, 15 October 2025 (published in _edition.yaml)",
    ]);
    expect(found({ tables: { t: { notes: ['Survey planned for November 2025.'] } } })).toEqual([]);
  });

  it('accepts footnotes up to the publication day, and a month that began before it', () => {
    expect(
      found({ notes: { n1: 'Email, 15 October 2025.', n2: 'Interview, October 2025.' } }),
    ).toEqual([]);
  });

  it('leaves future dates in the prose alone (deadlines, plans) but not data "as at" a later date', () => {
    expect(
      found({ sections: [{ p: 'The deadline is 1 March 2028; funding ends in December 2025.' }] }),
    ).toEqual([]);
    expect(found({ tables: { t: { notes: ['*Data correct as at December 2025.'] } } })).toEqual([
      "warning tables.t.notes.0: gives data as at December 2025, after the edition's publication date, 15 October 2025 (published in _edition.yaml)",
    ]);
  });

  it('checks the date of a citation given as data', () => {
    expect(
      found({ notes: { n1: { cite: { kind: 'email', author: 'A', date: '2025-11-05' } } } }),
    ).toEqual([
      "warning notes.n1.cite.date: cites 2025-11-05, after the edition's publication date, 15 October 2025 (published in _edition.yaml)",
    ]);
  });

  it('warns about a day the calendar does not have, wherever it is', () => {
    expect(found({ sections: [{ p: 'On 31 April 2024 the survey began.' }] })).toEqual([
      "warning sections.0.p: '31 April 2024' is not a date the calendar has",
    ]);
  });

  it('runs as part of the report checks, located at the note', () => {
    const r = baseReport();
    r.notes.b = 'Email from A. Person, 5 November 2025.';
    expect(problemsOf(r)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'notes.b',
        message: expect.stringMatching(/^cites 5 November 2025, after/),
      }),
    ]);
  });
});
