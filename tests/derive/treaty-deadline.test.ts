import { describe, expect, it } from 'vitest';
import {
  deadlineHistory,
  deadlineInForce,
  deadlinePhrases,
  deadlineStatus,
  extensionPending,
} from '../../src/derive/treaty-deadline.js';
import { Article5Deadline, type TreatyDeadline } from '../../src/schema/treaty-deadline.js';

const APMBC = { treaty: 'APMBC', article: 'Article 5' };
const CCM = { treaty: 'CCM', article: 'Article 4' };
const parse = (v: unknown) => Article5Deadline.parse(v) as TreatyDeadline;

const extended = parse({
  status: 'party',
  original_deadline: '2009-03-01',
  extensions: [
    { decided: '2008-11-28', deadline: '2014-03-01' },
    { decided: '2013-12-05', deadline: '2026-03-01' },
  ],
});
const pending = parse({
  status: 'party',
  original_deadline: '2025-12-01',
  pending_request: { submitted: '2025-03-31', deadline: '2027-03-01' },
});

describe('the deadline in force', () => {
  it('is the last extension granted, else the original; a request does not move it', () => {
    expect(deadlineInForce(extended)).toBe('2026-03-01');
    expect(deadlineInForce(pending)).toBe('2025-12-01');
    expect(deadlineInForce(parse({ status: 'not_party' }))).toBeUndefined();
  });

  it('has a status', () => {
    expect(deadlineStatus(extended)).toBe('extended');
    expect(deadlineStatus(pending)).toBe('original');
    expect(deadlineStatus(parse({ status: 'not_party' }))).toBe('not_party');
    expect(
      deadlineStatus(
        parse({
          status: 'party',
          original_deadline: '2020-03-01',
          completion_declared: { date: '2019-06-20' },
        }),
      ),
    ).toBe('completed');
    expect(extensionPending(pending)).toBe(true);
    expect(extensionPending(extended)).toBe(false);
  });
});

describe('as the KEY DATA box prints it', () => {
  it('names the deadline in force and says when it is an extension, with the progress', () => {
    expect(deadlinePhrases(extended, APMBC, 'not_on_track')).toEqual({
      heading: 'APMBC Article 5 deadline',
      line: '1 March 2026 (extended)',
      progress: 'Not on track',
    });
  });

  it('adds a request pending after the deadline in force', () => {
    expect(deadlinePhrases(pending, APMBC, 'unclear')).toEqual({
      heading: 'APMBC Article 5 deadline',
      line: '1 December 2025',
      pending: '(request for extension to 1 March 2027 pending)',
      progress: 'Unclear',
    });
    const undated = parse({
      status: 'party',
      original_deadline: '2025-12-01',
      pending_request: {},
    });
    expect(deadlinePhrases(undated, APMBC).pending).toBe('(request for extension pending)');
  });

  it('says "not party" and prints no progress where it does not apply', () => {
    expect(deadlinePhrases(parse({ status: 'not_party' }), APMBC)).toEqual({
      heading: 'No APMBC Article 5 deadline',
      line: 'Not party to the APMBC',
    });
    const done = parse({
      status: 'party',
      original_deadline: '2020-03-01',
      completion_declared: { date: '2019-06-20' },
    });
    expect(deadlinePhrases(done, CCM, 'not_applicable')).toEqual({
      heading: 'CCM Article 4 deadline',
      line: 'Completion declared on 20 June 2019',
    });
  });
});

describe('the history in words', () => {
  it('lists each event in order with its dates', () => {
    expect(deadlineHistory(extended).map((f) => f.phrase)).toEqual([
      'original deadline 1 March 2009',
      'extended on 28 November 2008 to 1 March 2014',
      'extended on 5 December 2013 to 1 March 2026',
    ]);
    expect(deadlineHistory(pending).at(-1)).toEqual({
      kind: 'request',
      date: '2025-03-31',
      deadline: '2027-03-01',
      phrase: 'extension to 1 March 2027 requested on 31 March 2025',
    });
    expect(
      deadlineHistory(parse({ status: 'party', extensions: [{ deadline: '2028-03-01' }] })),
    ).toEqual([{ kind: 'extension', deadline: '2028-03-01', phrase: 'extended to 1 March 2028' }]);
  });
});
