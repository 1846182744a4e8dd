/** Reading the figures of a text: what counts as a figure, and what is a year, a date or a name. */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../src/derive/figures/extract.js';

const texts = (s: string) => extractFigures(s).map((f) => f.text.trim());

describe('figures in a text', () => {
  it('reads areas in m² and km², percentages, money and counts in digits or words', () => {
    const f = extractFigures(
      'In 2024, 47,065m² and 1.12 km² were released; 70% found no mines; €1.1 million; seven tasks and 21 areas.',
    );
    expect(f.map((x) => [x.kind, x.value])).toEqual([
      ['area', 47065],
      ['area', 1_120_000],
      ['percent', 70],
      ['money', 1_100_000],
      ['count', 7],
      ['count', 21],
    ]);
    expect(f[3]?.currency).toBe('EUR');
    expect(f[4]?.noun).toBe('tasks and 21 areas');
  });

  it('keeps the qualifier and the rounding the digits allow', () => {
    const [f] = extractFigures('covering more than 0.89km² of land');
    expect(f).toMatchObject({ text: 'more than 0.89km²', bound: 'at-least', value: 890_000 });
    expect(f?.tolerance).toBeCloseTo(5000);
  });

  it('leaves out years, ranges of years, dates, ordinals, compounds and the numbers of names', () => {
    expect(
      texts(
        'In 2024 and 2025–30, on 3 July 2024 (second edition), the 21st Meeting, IMAS 07.13, Article 5, ' +
          'Table 7, pp. 5–6, the 1990s, COVID-19, a five-year plan, one of the operators, between the two.',
      ),
    ).toEqual([]);
  });

  it('reads a count word on its own, and "one" when it counts', () => {
    expect(texts('One mined area remained and four municipalities were surveyed.')).toEqual([
      'One',
      'four',
    ]);
  });
});
