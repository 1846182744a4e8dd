/**
 * A contamination level or performance rating in another band than the previous edition's
 * needs its change_reason; the fixture editions under tests/fixtures/cross-edition/.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type LoadedReport, loadReport } from '../../../../src/data/load-report.js';
import { formatProblem } from '../../../../src/data/problem.js';
import { checkAcrossEditions } from '../../../../src/kinds/clearing-the-mines/derive/check-editions.js';
import {
  assessmentOf,
  type ClearingTheMinesReport,
} from '../../../../src/kinds/clearing-the-mines/schema/report.js';
import { arcadia, ROOT } from '../../../helpers/reports.js';

const DIR = path.join(ROOT, 'tests', 'fixtures', 'cross-edition');

async function load(edition: number, country: string): Promise<LoadedReport> {
  const result = await loadReport(
    path.join(DIR, String(edition), 'clearing-the-mines', `${country}.yaml`),
    (f) => path.relative(ROOT, f),
  );
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.report;
}

function changed(report: LoadedReport, edit: (d: ClearingTheMinesReport) => void): LoadedReport {
  const data = structuredClone(report.data) as ClearingTheMinesReport;
  edit(data);
  return { ...report, data };
}

const bands = (problems: { path: string; message: string }[]) =>
  problems.filter((p) => /level is|rating is/.test(p.message));

describe('a contamination level in another band', () => {
  it('warns when the level moved from Light to Medium without a change_reason', async () => {
    const earlier = await load(2024, 'carpania');
    const now = changed(await load(2025, 'carpania'), (d) => {
      if (d.key_data.contamination.kind === 'area') d.key_data.contamination.area_m2 = 6_000_000;
    });
    expect(bands(checkAcrossEditions(now, [earlier]))).toEqual([
      expect.objectContaining({
        path: 'key_data.contamination',
        message:
          'the contamination level is Medium but was Light in the 2024 edition; record why under key_data.contamination.change_reason',
      }),
    ]);
    const explained = changed(now, (d) => {
      if (d.key_data.contamination.kind === 'area')
        d.key_data.contamination.change_reason = 'Re-survey of the northern districts';
    });
    expect(bands(checkAcrossEditions(explained, [earlier]))).toEqual([]);
  });

  it('says nothing when the band is the same', async () => {
    expect(
      bands(checkAcrossEditions(await load(2025, 'carpania'), [await load(2024, 'carpania')])),
    ).toEqual([]);
  });
});

describe('a performance rating in another band', () => {
  it("warns when the rating is not the previous scores' rating, without performance.change_reason", () => {
    const a = arcadia();
    const better = changed(a, (d) => {
      const p = assessmentOf(d.performance);
      if (p)
        for (const key of ['land_release_system', 'land_release_outputs'] as const)
          p[key].score = 10;
    });
    expect(bands(checkAcrossEditions(better, []))).toEqual([
      expect.objectContaining({
        path: 'performance',
        message: expect.stringMatching(
          /^the performance rating is Good \(7\.\d\) but was Average \(5\.7\) in the previous scores; record why under performance\.change_reason$/,
        ),
      }),
    ]);
    const explained = changed(better, (d) => {
      const p = assessmentOf(d.performance);
      if (p) p.change_reason = 'A new national strategy and survey capacity';
    });
    expect(bands(checkAcrossEditions(explained, []))).toEqual([]);
    expect(bands(checkAcrossEditions(a, []))).toEqual([]);
  });
});
