import { describe, expect, it } from 'vitest';
import { combinedStatus, latestCorrection, reviewView } from '../../src/derive/review.js';
import { ClearingTheMinesReport } from '../../src/kinds/clearing-the-mines/schema/report.js';
import { baseReport, problemsOf } from '../helpers/reports.js';

const correction = (date: string) => ({
  date,
  change: 'Clearance in 2024: 47,605m², not 47,065m²',
  reason: 'the operator corrected its figures',
});

describe('review status and corrections', () => {
  it('a file without a status is a draft; corrections default to none', () => {
    const r = ClearingTheMinesReport.parse(baseReport());
    expect(r.status).toBe('draft');
    expect(r.corrections).toEqual([]);
  });

  it('draft and review pages carry a watermark, final pages none', () => {
    expect(reviewView({ status: 'draft', corrections: [] })).toEqual({
      status: 'draft',
      watermark: 'Draft',
      correctedOn: undefined,
    });
    expect(reviewView({ status: 'review', corrections: [] }).watermark).toBe('For review');
    expect(reviewView({ status: 'final', corrections: [] }).watermark).toBeUndefined();
  });

  it('a corrected profile says "Corrected on" its latest correction, whatever the order listed', () => {
    const list = [correction('2025-11-03'), correction('2026-01-20'), correction('2025-12-01')];
    expect(latestCorrection(list)).toBe('2026-01-20');
    expect(reviewView({ status: 'final', corrections: list }).correctedOn).toBe(
      'Corrected on 20 January 2026',
    );
  });

  it('a volume is as far along as its least advanced country', () => {
    expect(combinedStatus(['final', 'review', 'final'])).toBe('review');
    expect(combinedStatus(['final', 'draft', 'review'])).toBe('draft');
    expect(combinedStatus(['final'])).toBe('final');
  });

  it('warns of a correction dated before publication, and of corrections on a profile not final', () => {
    const r = { ...baseReport(), status: 'final', corrections: [correction('2025-11-03')] };
    expect(problemsOf(r)).toEqual([]);
    const early = { ...r, corrections: [correction('2025-09-30')] };
    expect(problemsOf(early).map((p) => `${p.path}: ${p.message}`)).toEqual([
      "corrections.0.date: dated 30 September 2025, before the edition's publication date, 15 October 2025: a correction is made after publication",
    ]);
    const draft = { ...r, status: 'review' };
    expect(problemsOf(draft).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'corrections: corrections are listed, but status is review: corrections belong to a published (final) profile',
    ]);
  });

  it('refuses a status other than draft, review or final, and a correction without its reason', () => {
    const bad = ClearingTheMinesReport.safeParse({ ...baseReport(), status: 'approved' });
    expect(bad.success).toBe(false);
    const noReason = ClearingTheMinesReport.safeParse({
      ...baseReport(),
      corrections: [{ date: '2025-11-03', change: 'x' }],
    });
    expect(noReason.success ? [] : noReason.error.issues.map((i) => i.path.join('.'))).toEqual([
      'corrections.0.reason',
    ]);
  });
});
