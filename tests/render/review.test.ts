import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderVolume } from '../../src/render/volume.js';
import { MONITOR_2014_FILE, monitorFromText } from '../helpers/monitor.js';
import { KOSOVO_TEXT, reportFromText } from '../helpers/reports.js';
import { renderReport, deriveReport } from '../../src/commands/report.js';

const WATERMARK = /<div class="kd-watermark" aria-hidden="true">([^<]*)<\/div>/;
const CORRECTION = /<p class="correction-note">([^<]*)<\/p>/;
const MONITOR_TEXT = readFileSync(MONITOR_2014_FILE, 'utf8');
const corrections = `
corrections:
  - date: 2025-11-03
    change: "Clearance in 2024: 47,605m², not 47,065m²"
    reason: the operator corrected its figures
  - date: 2025-12-01
    change: A footnote date
    reason: a typing error
`;

describe('review state in the printed page', () => {
  it('a final Clearing the Mines report has no watermark; draft and review ones do, outside the flow the layout pass moves', async () => {
    const final = await renderReport(deriveReport(reportFromText(KOSOVO_TEXT)));
    expect(final.status).toBe('final');
    expect(final.html).not.toMatch(WATERMARK);
    // The printed document stays script-free (only the preview server adds its reload script).
    expect(final.html).not.toMatch(/<script/i);
    for (const [status, word] of [
      ['draft', 'Draft'],
      ['review', 'For review'],
    ]) {
      const r = await renderReport(
        deriveReport(reportFromText(KOSOVO_TEXT.replace('status: final', `status: ${status}`))),
      );
      expect(r.html.match(WATERMARK)?.[1]).toBe(word);
      // After the flow root, not in it: the layout pass leaves it where it is, and it prints on every page.
      expect(r.html.search(WATERMARK)).toBeGreaterThan(r.html.indexOf('<div class="kd-flow">'));
      expect(r.body).not.toContain('kd-watermark');
    }
  });

  it('a corrected report says so under its title, with the latest date, inside the flow (the guard accounts for it)', async () => {
    const r = await renderReport(deriveReport(reportFromText(`${KOSOVO_TEXT}${corrections}`)));
    expect(r.html.match(CORRECTION)?.[1]).toBe('Corrected on 1 December 2025');
    expect(r.body).toMatch(CORRECTION);
    expect((await renderReport(deriveReport(reportFromText(KOSOVO_TEXT)))).html).not.toMatch(
      CORRECTION,
    );
  });

  it('a Monitor profile carries the same watermark and correction note', async () => {
    const text = MONITOR_TEXT.replace('status: final', 'status: review');
    const r = await renderReport(
      deriveReport(
        monitorFromText(
          `${text}corrections:\n  - { date: 2014-12-02, change: A casualty figure, reason: a late report }\n`,
        ),
      ),
    );
    expect(r.html.match(WATERMARK)?.[1]).toBe('For review');
    expect(r.html.match(CORRECTION)?.[1]).toBe('Corrected on 2 December 2014');
    expect((await renderReport(deriveReport(monitorFromText(MONITOR_TEXT)))).html).not.toMatch(
      WATERMARK,
    );
  });

  it('a volume with one country in draft is a draft book', async () => {
    const final = await renderReport(deriveReport(reportFromText(KOSOVO_TEXT)));
    const draft = await renderReport(
      deriveReport(reportFromText(KOSOVO_TEXT.replace('status: final', 'status: draft'))),
    );
    const meta = reportFromText(KOSOVO_TEXT).meta;
    const both = await renderVolume(meta, [
      { slug: 'kosovo', name: 'Kosovo', rendered: final },
      { slug: 'other', name: 'Other', rendered: draft },
    ]);
    expect(both.status).toBe('draft');
    expect(both.html.match(WATERMARK)?.[1]).toBe('Draft');
    const clean = await renderVolume(meta, [{ slug: 'kosovo', name: 'Kosovo', rendered: final }]);
    expect(clean.html).not.toMatch(WATERMARK);
  });
});
