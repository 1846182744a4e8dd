import type { DerivedPerformance } from '../derive/performance.js';
import { assessmentOf, type Performance } from '../schema/performance.js';
import { escapeHtml, headRow, num, type RowView, text } from './table-view.js';
import { toFillMark } from './to-fill-mark.js';

/**
 * Mine Action Review's performance table, as its kinds print and export it (the template is
 * templates/mine-action-review/partials/performance.hbs).
 */
/** The performance assessment: each criterion's score and commentary, the overall rating. */
export function performanceView(
  performance: Performance | undefined,
  derived: DerivedPerformance | undefined,
  edition: number,
  md: (s: string) => string,
) {
  return (
    derived && {
      rows: derived.rows.map((row) => ({
        label: row.label,
        weight: `${row.weightPercent}%`,
        // A score still to fill prints its mark (HTML, escaped).
        scoreHtml:
          row.score === undefined
            ? toFillMark(row.scoreToFill ?? edition)
            : escapeHtml(String(row.score)),
        previousScore: row.previousScore === undefined ? '–' : String(row.previousScore),
        commentary: md(assessmentOf(performance)?.[row.key].commentary ?? ''),
      })),
      // A previous-score column that would hold only dashes is not printed.
      hasPrevious: derived.rows.some((row) => row.previousScore !== undefined),
      // The weighted score and rating are unknown while a score is still to fill.
      scoreHtml:
        derived.score === undefined
          ? toFillMark(derived.toFill ?? edition)
          : escapeHtml(derived.score.toFixed(1)),
      ratingHtml:
        derived.rating === undefined
          ? toFillMark(derived.toFill ?? edition)
          : escapeHtml(derived.rating),
      previous: derived.previous && {
        score: derived.previous.score.toFixed(1),
        rating: derived.previous.rating,
      },
      year: edition,
      previousYear: edition - 1,
    }
  );
}

type PerformanceView = NonNullable<ReturnType<typeof performanceView>>;

/** The performance assessment as the template's table prints it, for export. */
export function performanceRows(
  p: Pick<
    PerformanceView,
    'rows' | 'scoreHtml' | 'ratingHtml' | 'previous' | 'year' | 'previousYear' | 'hasPrevious'
  >,
): { head: RowView[]; body: RowView[] } {
  const prev = <T>(cell: T): T[] => (p.hasPrevious ? [cell] : []);
  return {
    head: [
      headRow(
        'Criterion',
        'Weight',
        `Score (${p.year})`,
        ...prev(`Score (${p.previousYear})`),
        `Performance commentary (${p.year})`,
      ),
    ],
    body: [
      ...p.rows.map((row) => ({
        cells: [
          text(row.label),
          num(row.weight),
          { html: row.scoreHtml, numeric: true },
          ...prev(num(row.previousScore)),
          { html: row.commentary },
        ],
      })),
      {
        total: true,
        cells: [
          text(`Performance score (${p.year})`),
          text(''),
          { html: p.scoreHtml, numeric: true },
          ...prev(num(p.previous?.score ?? '–')),
          {
            html: `${p.ratingHtml}${escapeHtml(p.previous ? ` (${p.previousYear}: ${p.previous.rating})` : '')}`,
          },
        ],
      },
    ],
  };
}
