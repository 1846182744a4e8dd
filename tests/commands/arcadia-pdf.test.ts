import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/commands/build.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { pdfBookmarks, pdfPages, squash } from '../support/pdf-text.js';
import { sharedBrowser } from '../support/shared-browser.js';

/** The fictional State Party uses what Kosovo does not: deadline, performance, generic tables. */
describe('the Arcadia fixture, built and read back', () => {
  let out: string;
  let result: BuildResult;
  let text: string;

  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'keydata-arcadia-'));
    const [r] = await build({
      ...sharedBrowser(),
      editionsDir: path.join(PROJECT_ROOT, 'tests', 'fixtures', 'editions'),
      edition: 2025,
      country: 'arcadia',
      outDir: out,
    });
    result = r as BuildResult;
    text =
      result.status === 'built' ? squash(pdfPages(result.outputs[0] as string).join('\n')) : '';
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('builds without warnings', () => {
    expect(result.status, result.error).toBe('built');
    expect(result.problems).toEqual([]);
  });

  it('says under its title when it was last corrected, and carries no watermark (it is final)', () => {
    const first = squash(pdfPages(result.outputs[0] as string)[0] ?? '');
    expect(first).toContain(squash('ARCADIA Corrected on 3 November 2025'));
    expect(text).not.toMatch(/DRAFT|FORREVIEW/);
  });

  it('prints the Article 5 deadline, extension and status', () => {
    expect(text).toContain(squash('APMBC ARTICLE 5 DEADLINE:'));
    expect(text).toContain(squash('1 MARCH 2028 (EXTENDED)1')); // with its footnote, the first of the report
    expect(text).toContain(squash('NOT ON TRACK'));
  });

  it('prints the stated contamination with its derived level', () => {
    expect(text).toContain('36.48km²');
    expect(text).toContain('HEAVY');
  });

  it('prints the weighted performance score and rating', () => {
    expect(text).toContain(squash('Performance score (2025)'));
    // 5.4 this year, 5.7 last year, both "Average" (pdftotext reads the row's cells out of order).
    expect(text).toContain('5.45.7');
    expect(text).toContain(squash('Average (2024: Average)'));
    expect(pdfBookmarks(result.outputs[0] as string)).toContain(
      'Assessment of national programme performance',
    );
  });
});
