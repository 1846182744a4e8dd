import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  Article5Deadline,
  DeadlineProgress,
  treatyDeadline,
} from '../../src/schema/treaty-deadline.js';

const issues = (v: unknown, schema: z.ZodType = Article5Deadline) => {
  const r = schema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('a treaty deadline', () => {
  it('is "not party", with nothing else but a note', () => {
    expect(issues({ status: 'not_party' })).toEqual([]);
    expect(issues({ status: 'not_party', note: '[^n1]' })).toEqual([]);
    expect(issues({ status: 'not_party', original_deadline: '2020-03-01' })).not.toEqual([]);
  });

  it('of a State Party is a history: original, extensions oldest first, a request pending', () => {
    expect(
      issues({
        status: 'party',
        original_deadline: '2009-03-01',
        extensions: [
          { decided: '2008-11-28', deadline: '2014-03-01', note: '[^ext1]' },
          { decided: '2013-12-05', deadline: '2026-03-01' },
        ],
        pending_request: { submitted: '2025-03-31', deadline: '2027-03-01' },
      }),
    ).toEqual([]);
  });

  it('needs a deadline: the original or an extension', () => {
    expect(issues({ status: 'party' })).toEqual([
      'original_deadline: a State Party has a deadline: give original_deadline, or the extensions granted',
    ]);
    expect(issues({ status: 'party', extensions: [{ deadline: '2028-03-01' }] })).toEqual([]);
  });

  it('refuses a history that contradicts itself, at the entry that does', () => {
    expect(
      issues({
        status: 'party',
        original_deadline: '2014-03-01',
        extensions: [
          { decided: '2013-12-05', deadline: '2019-03-01' },
          { decided: '2012-12-05', deadline: '2018-03-01' },
        ],
        pending_request: { deadline: '2017-03-01' },
      }),
    ).toEqual([
      'extensions.1.deadline: an extension moves the deadline later: 2018-03-01 is not after 2019-03-01 (extensions[0].deadline)',
      "extensions.1.decided: extensions are listed oldest first: 2012-12-05 is before an earlier entry's 2013-12-05",
      'pending_request.deadline: the deadline requested, 2017-03-01, is not after the deadline in force, 2018-03-01',
    ]);
    expect(
      issues({
        status: 'party',
        original_deadline: '2014-03-01',
        pending_request: {},
        completion_declared: { date: '2013-06-01' },
      }),
    ).toEqual(['pending_request: completion is declared, so no extension request can be pending']);
  });

  it('takes the fields a report kind adds to the States Party branch', () => {
    const withProgress = treatyDeadline(
      { treaty: 'APMBC', article: 'Article 5' },
      { progress: DeadlineProgress },
    );
    const d = { status: 'party', original_deadline: '2030-03-01', progress: 'on_track' };
    expect(issues(d, withProgress)).toEqual([]);
    expect(issues(d)).toHaveLength(1); // the plain model refuses the unknown field
    expect(issues({ ...d, progress: 'late' }, withProgress)).toHaveLength(1);
  });

  it('describes every field for editors', () => {
    const json = JSON.stringify(z.toJSONSchema(Article5Deadline, { io: 'input' }));
    for (const words of [
      'deadline set when',
      'Each extension granted',
      'deadline requested',
      'declared completion',
    ])
      expect(json).toContain(words);
  });
});
