/**
 * The overview's land release totals print areas in km², as the house style prints tables,
 * and name the countries they leave out: not reported, or still to fill (a draft).
 */
import { describe, expect, it } from 'vitest';
import type {
  EditionOverview,
  EditionTotals,
} from '../../../src/derive/overview/edition-overview.js';
import { totalsView } from '../../../src/render/overview/overview-view.js';

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
