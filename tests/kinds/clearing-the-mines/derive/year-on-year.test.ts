import { describe, expect, it } from 'vitest';
import { deriveClearingTheMines } from '../../../../src/kinds/clearing-the-mines/derive/report.js';
import {
  areaChangeWording,
  RELEASE_VERBS,
} from '../../../../src/kinds/clearing-the-mines/derive/year-on-year.js';
import { kosovo } from '../../../helpers/reports.js';

const n = (value: number) => ({ value, missing: undefined, note: undefined });
const gap = (missing: 'not_reported' | 'unknown') => ({
  value: undefined,
  missing,
  note: undefined,
});

describe('areaChangeWording', () => {
  it('describes an increase against the previous figure', () => {
    expect(areaChangeWording(n(47_065), n(29_309), 2023, 'cleared')).toBe(
      'an increase from the 29,309m² cleared in 2023',
    );
  });

  it('describes a decrease', () => {
    expect(areaChangeWording(n(2_186_450), n(2_540_115), 2023, 'cleared')).toBe(
      'a decrease from the 2.54km² cleared in 2023',
    );
  });

  it('describes the same figure', () => {
    expect(areaChangeWording(n(29_309), n(29_309), 2023, 'cleared')).toBe(
      'the same as the 29,309m² cleared in 2023',
    );
  });

  it('does not print "0m²" when nothing was released the year before', () => {
    expect(areaChangeWording(n(56_822), n(0), 2023, RELEASE_VERBS.technical_survey)).toBe(
      'an increase from 2023, when no mined area was reduced through technical survey',
    );
  });

  it('says there was no change when nothing was released in either year', () => {
    expect(areaChangeWording(n(0), n(0), 2023, RELEASE_VERBS.non_technical_survey)).toBe(
      'no change from 2023, when no mined area was cancelled through non-technical survey either',
    );
  });

  it('describes a fall to zero as a decrease', () => {
    expect(areaChangeWording(n(0), n(1200), 2023, 'cleared')).toBe(
      'a decrease from the 1,200m² cleared in 2023',
    );
  });
});

describe('a missing figure', () => {
  it('is said to be missing, never compared as 0', () => {
    expect(areaChangeWording(n(47_065), gap('not_reported'), 2023, 'cleared')).toBe(
      'no comparison with 2023, for which the area cleared was not reported',
    );
    expect(areaChangeWording(gap('unknown'), n(840_000), 2023, 'cleared')).toBe(
      'not comparable with the 840,000m² cleared in 2023',
    );
    expect(areaChangeWording(gap('unknown'), gap('not_reported'), 2023, 'cleared')).toBe(
      'not comparable with 2023, for which the area cleared was not reported too',
    );
  });

  it('words areas from 1km² in km²', () => {
    expect(areaChangeWording(n(1), n(39_160_000), 2023, 'cleared')).toBe(
      'a decrease from the 39.16km² cleared in 2023',
    );
  });
});

describe("Kosovo's year-on-year wording", () => {
  const facts = deriveClearingTheMines(kosovo().data).facts;

  it('is exactly "an increase from the 29,309m² cleared in 2023" for clearance, as published', () => {
    expect(facts.get('clearance_change')).toBe('an increase from the 29,309m² cleared in 2023');
  });

  it('words technical and non-technical survey from their own figures', () => {
    expect(facts.get('technical_survey_change')).toBe(
      'an increase from 2023, when no mined area was reduced through technical survey',
    );
    expect(facts.get('non_technical_survey_change')).toBe(
      'no change from 2023, when no mined area was cancelled through non-technical survey either',
    );
  });
});
