import { describe, expect, it } from 'vitest';
import { describeValue, suggest } from '../../src/data/messages.js';

describe('describeValue: a value in words an editor knows', () => {
  it.each([
    [undefined, 'nothing'],
    [null, 'an empty value'],
    [[1, 2], 'a list'],
    [{ a: 1 }, 'a mapping'],
    ['n/a', "'n/a'"],
    [42, '42'],
    [true, 'true'],
  ])('%j is %s', (value, words) => {
    expect(describeValue(value)).toBe(words);
  });

  it('shortens long text to 40 characters', () => {
    const long = 'x'.repeat(100);
    expect(describeValue(long)).toBe(`'${'x'.repeat(37)}...'`);
  });
});

describe('suggest: the known name a misspelling was meant to be', () => {
  it('finds a close name', () => {
    expect(suggest('clearence', ['clearance', 'comments'])).toBe('clearance');
    expect(suggest('clearence_m2', ['clearance_m2', 'technical_survey_m2'])).toBe('clearance_m2');
    expect(suggest('managment', ['management', 'national_operators'])).toBe('management');
  });

  it('suggests nothing when no name is close', () => {
    expect(suggest('flag_colour', ['country', 'edition', 'report'])).toBeUndefined();
    expect(suggest('anything', [])).toBeUndefined();
  });
});
