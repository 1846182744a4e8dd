/**
 * The edition overview: every country's line, the land released across the edition this
 * year and the year before, and the States Parties ranked by their performance score.
 */
import {
  type OverviewRow,
  type OverviewWords,
  RELEASE_FIELDS,
  type ReleaseField,
} from './overview-row.js';

export interface EditionTotal {
  /** The sum over the countries that reported the figure. */
  value: number;
  /** Countries that did not report it: left out of the sum, never counted as 0. */
  notReported: string[];
  /** Countries whose figure is still to fill (drafts): left out of the sum too. */
  toFill: string[];
}

export interface EditionTotals {
  year: number | undefined;
  figures: Record<ReleaseField, EditionTotal>;
}

export interface RankedCountry {
  rank: number;
  country: string;
  score: number;
  rating: string;
  previousScore: number | undefined;
}

export interface EditionOverview {
  edition: number;
  rows: OverviewRow[];
  totals: { current: EditionTotals; previous: EditionTotals };
  ranking: RankedCountry[];
  /** What the kind's overview calls things (not written to overview.json). */
  words: OverviewWords;
}

function totals(rows: readonly OverviewRow[], which: 'current' | 'previous'): EditionTotals {
  const years = [...new Set(rows.map((r) => r.release[which].year))];
  const figures = Object.fromEntries(
    RELEASE_FIELDS.map((field) => {
      const total: EditionTotal = { value: 0, notReported: [], toFill: [] };
      for (const row of rows) {
        const v = row.release[which][field];
        if (row.release[which].toFill.includes(field)) total.toFill.push(row.country);
        else if (v === undefined) total.notReported.push(row.country);
        else total.value += v;
      }
      return [field, total];
    }),
  ) as Record<ReleaseField, EditionTotal>;
  // Countries of one edition report the same year; a mixed set has no single year to print.
  return { year: years.length === 1 ? years[0] : undefined, figures };
}

/** Highest score first; equal scores share a rank ("1, 2, 2, 4") and are listed by name. */
export function rankByScore(rows: readonly OverviewRow[]): RankedCountry[] {
  const scored = rows
    .flatMap((r) => (r.performance ? [{ row: r, p: r.performance }] : []))
    .sort((a, b) => b.p.score - a.p.score || a.row.country.localeCompare(b.row.country));
  return scored.map(({ row, p }, i) => ({
    rank: scored.findIndex((s) => s.p.score === p.score) + 1 || i + 1,
    country: row.country,
    score: p.score,
    rating: p.rating,
    previousScore: p.previous?.score,
  }));
}

export function editionOverview(
  edition: number,
  rows: readonly OverviewRow[],
  words: OverviewWords,
): EditionOverview {
  const sorted = [...rows].sort((a, b) => a.country.localeCompare(b.country));
  return {
    edition,
    rows: sorted,
    totals: { current: totals(sorted, 'current'), previous: totals(sorted, 'previous') },
    ranking: rankByScore(sorted),
    words,
  };
}
