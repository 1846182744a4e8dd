import type { EditionMeta } from '../schema/edition.js';
import type { Correction, ReviewStatus } from '../schema/review.js';
import type { Emit } from './emit.js';
import { formatDate } from './format.js';
import { filled } from '../schema/figure.js';

/** What a profile's pages say about its review state: a watermark, and a correction note. */
export interface ReviewView {
  status: ReviewStatus;
  /** The watermark word printed across draft and review pages; undefined when final. */
  watermark: string | undefined;
  /** "Corrected on 3 November 2025", from the latest correction; undefined without any. */
  correctedOn: string | undefined;
}

const WATERMARKS: Record<ReviewStatus, string | undefined> = {
  draft: 'Draft',
  review: 'For review',
  final: undefined,
};

/** The latest correction's date (YYYY-MM-DD), if any. */
export function latestCorrection(corrections: readonly Correction[]): string | undefined {
  return corrections.reduce<string | undefined>(
    (latest, c) => (latest === undefined || c.date > latest ? c.date : latest),
    undefined,
  );
}

export function reviewView(r: {
  status: ReviewStatus;
  corrections: readonly Correction[];
}): ReviewView {
  const latest = latestCorrection(r.corrections);
  return {
    status: r.status,
    watermark: WATERMARKS[r.status],
    correctedOn: latest === undefined ? undefined : `Corrected on ${formatDate(latest)}`,
  };
}

/** The watermark of several profiles printed together (a volume): the least advanced status wins. */
export function combinedStatus(statuses: readonly ReviewStatus[]): ReviewStatus {
  if (statuses.includes('draft')) return 'draft';
  if (statuses.includes('review')) return 'review';
  return 'final';
}

export const watermarkFor = (status: ReviewStatus): string | undefined => WATERMARKS[status];

/**
 * Corrections are made after publication, to a final profile: one dated before the
 * edition's publication date, or listed on a profile still in draft or review, is probably
 * a mistake (warnings).
 */
export function checkReview(
  r: { status: ReviewStatus; corrections: readonly Correction[] },
  meta: Pick<EditionMeta, 'published'>,
  emit: Emit,
): void {
  // A publication date still to fill compares with nothing.
  const published = filled(meta.published);
  r.corrections.forEach((c, i) => {
    if (published !== undefined && c.date < published) {
      emit(
        'warning',
        ['corrections', i, 'date'],
        `dated ${formatDate(c.date)}, before the edition's publication date, ${formatDate(published)}: a correction is made after publication`,
      );
    }
  });
  if (r.corrections.length > 0 && r.status !== 'final') {
    emit(
      'warning',
      ['corrections'],
      `corrections are listed, but status is ${r.status}: corrections belong to a published (final) profile`,
      { key: true },
    );
  }
}
