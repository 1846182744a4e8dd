/** The figures a report's data states, named by their field (or column, or table). */
import { describe, expect, it } from 'vitest';
import { statedFigures } from '../../../src/derive/figures/known.js';

describe('stated figures', () => {
  it('reads every number with its kind from its field name: m², km², shares, money, counts', () => {
    const f = statedFigures({
      year: 2024,
      release: {
        clearance_m2: 47065,
        area_km2: 0.02,
        women_pct: 26,
        usd: 1000,
        mines_destroyed: 8,
      },
    });
    expect(f.map((x) => [x.source, x.kind, x.value, x.words])).toEqual([
      ['release.clearance_m2', 'area', 47065, undefined],
      ['release.area_km2', 'area', 20000, undefined],
      ['release.women_pct', 'percent', 26, undefined],
      ['release.usd', 'money', 1000, undefined],
      ['release.mines_destroyed', 'count', 8, ['mines', 'destroyed']],
    ]);
  });

  it('names a figure written { value, note } by its field, and a count without a name by its table', () => {
    const f = statedFigures({
      current: {
        clearance_m2: { value: 47065, note: '[^n1]' },
        missing: { missing: 'not_reported' },
      },
      mined_area_by_district: { totals: { total_count: 21 } },
    });
    expect(f.map((x) => [x.source, x.kind, x.words])).toEqual([
      ['current.clearance_m2.value', 'area', undefined],
      ['mined_area_by_district.totals.total_count', 'count', ['mined', 'area', 'district']],
    ]);
  });

  it('names a generic table cell by its column', () => {
    const f = statedFigures({ rows: [['HHD', 600]] }, (p) =>
      p[2] === 1 ? 'AP mines destroyed' : undefined,
    );
    expect(f[0]?.words).toEqual(['ap', 'mines', 'destroyed']);
  });
});
