/**
 * The overview's land release totals print areas in km², as the house style prints tables,
 * and name the countries they leave out: not reported, or still to fill (a draft).
 */
import { describe, expect, it } from 'vitest';
import type {
  EditionOverview,
  EditionTotals,
} from '../../../src/derive/overview/edition-overview.js';
import {
  CTM_OVERVIEW_WORDS,
  type OverviewRow,
} from '../../../src/kinds/clearing-the-mines/derive/overview-row.js';
import { countryView, totalsView } from '../../../src/render/overview/overview-view.js';

const totals = (
  year: number,
  clearance: number,
  notReported: string[] = [],
  toFill: string[] = [],
): EditionTotals => ({
  year,
  figures: {
    clearance_m2: { value: clearance, notReported, toFill },
    technical_survey_m2: { value: 840_000, notReported: [], toFill: [] },
    non_technical_survey_m2: { value: 0, notReported: [], toFill },
    mines_destroyed: { value: 12_345, notReported: [], toFill: [] },
  },
});

describe('the land release totals of an edition', () => {
  it('print areas in km² (whole from 10km², two decimals below), counts as numbers', () => {
    const o: EditionOverview = {
      edition: 2025,
      rows: [],
      totals: {
        current: totals(2024, 12_557_265, [], ['Ruritania']),
        previous: totals(2023, 2_569_424, ['Kosovo']),
      },
      ranking: [],
      words: CTM_OVERVIEW_WORDS,
    };
    expect(totalsView(o).rows).toEqual([
      {
        label: 'Clearance',
        current: '13km² (still to fill: Ruritania)',
        previous: '2.57km² (not reported: Kosovo)',
      },
      { label: 'Technical survey', current: '0.84km²', previous: '0.84km²' },
      {
        label: 'Non-technical survey',
        current: '0km² (still to fill: Ruritania)',
        previous: '0km²',
      },
      { label: 'AP mines destroyed', current: '12,345', previous: '12,345' },
    ]);
  });
});

describe('a country of a draft edition in the overview', () => {
  it('says what is still to fill, not "Not assessed" or a dash', () => {
    const year = { year: 2025, toFill: [] };
    const row: OverviewRow = {
      slug: 'ruritania',
      country: 'Ruritania',
      contamination: { level: 'Still to fill', km2: undefined },
      article5: {
        party: true,
        deadline: '2028-03-01',
        status: 'original',
        pending: false,
        progress: undefined,
      },
      likelihood: undefined,
      stillToFill: ['progress', 'likelihood', 'performance'],
      release: {
        current: {
          ...year,
          clearance_m2: undefined,
          technical_survey_m2: undefined,
          non_technical_survey_m2: undefined,
          mines_destroyed: undefined,
        },
        previous: {
          ...year,
          clearance_m2: 1,
          technical_survey_m2: 1,
          non_technical_survey_m2: 1,
          mines_destroyed: 1,
        },
      },
      performance: undefined,
    };
    expect(countryView(row)).toMatchObject({
      level: 'Still to fill',
      estimate: '–',
      progress: 'Still to fill',
      likelihood: 'Still to fill',
      score: 'Still to fill',
      rating: 'Still to fill',
    });
    expect(countryView({ ...row, stillToFill: [] })).toMatchObject({
      progress: '–',
      likelihood: 'Not assessed',
      score: '–',
    });
  });
});
