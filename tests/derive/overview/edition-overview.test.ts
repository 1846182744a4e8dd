/** The edition overview from every country's derived report: lines, totals and ranking. */
import { describe, expect, it } from 'vitest';
import { deriveClearingTheMines } from '../../../src/kinds/clearing-the-mines/derive/report.js';
import {
  CTM_OVERVIEW_WORDS,
  type OverviewRow,
  overviewRow,
} from '../../../src/kinds/clearing-the-mines/derive/overview-row.js';
import { editionOverview, rankByScore } from '../../../src/derive/overview/edition-overview.js';
import { arcadia, kosovo } from '../../helpers/reports.js';
import { SAMPLES, sample } from '../../helpers/samples.js';

const rowOf = (slug: string, r: ReturnType<typeof kosovo>) =>
  overviewRow(slug, r.data, deriveClearingTheMines(r.data));

describe("a country's overview line", () => {
  it('reads contamination, Article 5, land release and performance from the derived report', () => {
    const a = rowOf('arcadia', arcadia());
    expect(a).toMatchObject({
      country: 'Arcadia',
      contamination: { level: 'Heavy', km2: 36.482915 },
      article5: {
        party: true,
        deadline: '2028-03-01',
        status: 'extended',
        pending: false,
        progress: 'not_on_track',
      },
      release: { current: { year: 2024, clearance_m2: 2_186_450, mines_destroyed: 1742 } },
      performance: { score: 5.4, rating: 'Average', previous: { score: 5.7 } },
    });
    const k = rowOf('kosovo', kosovo());
    expect(k.article5).toEqual({
      party: false,
      deadline: undefined,
      status: 'not_party',
      pending: false,
      progress: undefined,
    });
    expect(k.contamination.level).toBe('Light');
    expect(k.performance).toBeUndefined();
  });
});

describe('the edition overview', () => {
  it('sums land release across the countries, this year and the year before', () => {
    const o = editionOverview(
      2025,
      [rowOf('kosovo', kosovo()), rowOf('arcadia', arcadia())],
      CTM_OVERVIEW_WORDS,
    );
    expect(o.rows.map((r) => r.country)).toEqual(['Arcadia', 'Kosovo']);
    expect(o.totals.current.year).toBe(2024);
    expect(o.totals.current.figures.clearance_m2).toEqual({
      value: 2_186_450 + 47_065,
      notReported: [],
      toFill: [],
    });
    expect(o.totals.previous.figures.mines_destroyed).toEqual({
      value: 2015 + 10,
      notReported: [],
      toFill: [],
    });
  });

  it('never counts a figure a country did not report as 0: it is named instead', () => {
    const k = rowOf('kosovo', kosovo());
    const silent: OverviewRow = {
      ...k,
      country: 'Silentia',
      release: { ...k.release, current: { ...k.release.current, mines_destroyed: undefined } },
    };
    const o = editionOverview(2025, [k, silent], CTM_OVERVIEW_WORDS);
    expect(o.totals.current.figures.mines_destroyed).toEqual({
      value: 8,
      notReported: ['Silentia'],
      toFill: [],
    });
  });

  it('names a figure still to fill apart from one not reported, and counts neither as 0', () => {
    const k = rowOf('kosovo', kosovo());
    const draft: OverviewRow = {
      ...k,
      country: 'Ruritania',
      release: {
        ...k.release,
        current: { ...k.release.current, clearance_m2: undefined, toFill: ['clearance_m2'] },
      },
    };
    const o = editionOverview(2026, [k, draft], CTM_OVERVIEW_WORDS);
    expect(o.totals.current.figures.clearance_m2).toEqual({
      value: 47_065,
      notReported: [],
      toFill: ['Ruritania'],
    });
  });

  it('ranks the States Parties by score, equal scores sharing a rank', () => {
    const a = rowOf('arcadia', arcadia());
    const scored = (country: string, score: number): OverviewRow => ({
      ...a,
      country,
      performance: { score, rating: 'Good', previous: undefined },
    });
    expect(
      rankByScore([
        scored('Beta', 7),
        scored('Alpha', 7),
        scored('Gamma', 8),
        rowOf('kosovo', kosovo()),
      ]).map((r) => [r.rank, r.country]),
    ).toEqual([
      [1, 'Gamma'],
      [2, 'Alpha'],
      [2, 'Beta'],
    ]);
  });
});

describe('the overview of the sample edition (schema 2)', () => {
  const rows = SAMPLES.map((name) => {
    const r = sample(name);
    return overviewRow(name, r.data, deriveClearingTheMines(r.data));
  });

  it('reads the likelihood, the stated level and the deadline in force', () => {
    const arcadiaRow = rows.find((r) => r.slug === 'arcadia');
    expect(arcadiaRow?.likelihood).toBe('high');
    expect(rows.every((r) => r.contamination.level !== undefined)).toBe(true);
    expect(rows.filter((r) => r.article5.party).every((r) => r.article5.deadline)).toBe(true);
  });

  it('names a country whose figure is not reported instead of adding it as 0', () => {
    const o = editionOverview(2025, rows, CTM_OVERVIEW_WORDS);
    const all = Object.values(o.totals.current.figures).flatMap((t) => t.notReported);
    expect(all).toContain('Grand Fenwick');
  });
});
