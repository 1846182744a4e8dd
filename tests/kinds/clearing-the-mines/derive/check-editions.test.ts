/**
 * Checks across editions, on the fixture editions under tests/fixtures/cross-edition/:
 * arcadia 2025 contradicts arcadia 2024; borduria 2025 records why its baseline changed;
 * carpania 2025 follows from carpania 2024.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReport, type LoadedReport } from '../../../../src/data/load-report.js';
import { formatProblem } from '../../../../src/data/problem.js';
import {
  BASELINE_TOLERANCE,
  checkAcrossEditions,
} from '../../../../src/kinds/clearing-the-mines/derive/check-editions.js';
import type { ClearingTheMinesReport } from '../../../../src/kinds/clearing-the-mines/schema/report.js';
import { ROOT } from '../../../helpers/reports.js';

const DIR = path.join(ROOT, 'tests', 'fixtures', 'cross-edition');
const display = (f: string) => path.relative(ROOT, f);

async function load(edition: number, country: string): Promise<LoadedReport> {
  const result = await loadReport(
    path.join(DIR, String(edition), 'clearing-the-mines', `${country}.yaml`),
    display,
  );
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.report;
}

/** A copy of a loaded report with its data changed (the source, and so the lines, stay). */
function changed(report: LoadedReport, edit: (d: ClearingTheMinesReport) => void): LoadedReport {
  const data = structuredClone(report.data) as ClearingTheMinesReport;
  edit(data);
  return { ...report, data };
}

describe('figures an earlier edition reported differently', () => {
  it('warns at the figure, naming the earlier edition, its file, line and field', async () => {
    const problems = checkAcrossEditions(await load(2025, 'arcadia'), [
      await load(2024, 'arcadia'),
    ]);
    expect(problems.map(formatProblem)).toContain(
      'tests/fixtures/cross-edition/2025/clearing-the-mines/arcadia.yaml:25:19: warning: land_release.previous.clearance_m2: ' +
        '29,309m² cleared in 2023, but the 2024 edition reported 30,000m² ' +
        '(tests/fixtures/cross-edition/2024/clearing-the-mines/arcadia.yaml:19, land_release.current.clearance_m2); check which is right',
    );
  });

  it('finds nothing when the editions agree', async () => {
    expect(
      checkAcrossEditions(await load(2025, 'carpania'), [await load(2024, 'carpania')]),
    ).toEqual([]);
  });

  it('compares every land release figure, and clearance history at the rounding of km²', async () => {
    const earlier = await load(2024, 'carpania');
    const now = await load(2025, 'carpania');
    const mines = changed(now, (d) => {
      d.land_release.previous.mines_destroyed = 11;
    });
    expect(checkAcrossEditions(mines, [earlier]).map((p) => p.message)).toEqual([
      expect.stringMatching(
        /^11 AP mines destroyed in 2023, but the 2024 edition reported 10 AP mines destroyed \(.*:22, land_release\.current\.mines_destroyed\)/,
      ),
    ]);
    // 2022: the 2024 edition says 20,000m²; 0.02km² agrees, 0.03km² does not.
    const history = changed(now, (d) => {
      d.clearance_history = [{ year: 2022, area_km2: 0.03 }];
    });
    expect(checkAcrossEditions(history, [earlier]).map((p) => p.path)).toEqual([
      'clearance_history.0.area_km2',
    ]);
    expect(checkAcrossEditions(history, [earlier])[0]?.message).toMatch(
      /^0\.03km² cleared in 2022, but the 2024 edition reported 20,000m² \(.*, land_release\.previous\.clearance_m2\)/,
    );
  });

  it('compares with the latest earlier edition that gave the figure, and ignores later editions', async () => {
    const e2024 = await load(2024, 'carpania');
    const corrected = changed(e2024, (d) => {
      d.edition = 2023; // an older edition that gave 2023 (as "current") differently
      d.land_release.current.clearance_m2 = 1;
    });
    const now = await load(2025, 'carpania');
    expect(checkAcrossEditions(now, [corrected, e2024])).toEqual([]);
    expect(checkAcrossEditions(e2024, [now])).toEqual([]);
  });
});

describe('a remaining-contamination baseline that changed without a recorded reason', () => {
  it('warns when the estimate moved more than the land released explains, with all four figures', async () => {
    const problems = checkAcrossEditions(await load(2025, 'arcadia'), [
      await load(2024, 'arcadia'),
    ]);
    expect(problems.map(formatProblem)).toContain(
      'tests/fixtures/cross-edition/2025/clearing-the-mines/arcadia.yaml:13:14: warning: key_data.contamination.area_m2: ' +
        'the remaining contamination is 1,250,000m² at the end of 2024, but the 2024 edition gave 1,400,000m² at the end of 2023 ' +
        '(tests/fixtures/cross-edition/2024/clearing-the-mines/arcadia.yaml:13) and 47,065m² was released in 2024, which leaves ' +
        '1,352,935m²; record why under key_data.contamination.change_reason',
    );
  });

  it('is quiet when the reason is recorded (borduria), or the change is the land released (carpania)', async () => {
    const borduria = await load(2025, 'borduria');
    expect((borduria.data as ClearingTheMinesReport).key_data.contamination).toMatchObject({
      change_reason: expect.stringMatching(/^Re-survey/),
    });
    expect(checkAcrossEditions(borduria, [await load(2024, 'borduria')])).toEqual([]);
    expect(
      checkAcrossEditions(await load(2025, 'carpania'), [await load(2024, 'carpania')]),
    ).toEqual([]);
  });

  it(`allows a change of up to ${BASELINE_TOLERANCE * 100}% of the earlier estimate`, async () => {
    const earlier = await load(2024, 'carpania'); // 1,300,000m²; 100,000m² released since
    const within = changed(await load(2025, 'carpania'), (d) => {
      if (d.key_data.contamination.kind === 'area')
        d.key_data.contamination.area_m2 = 1_200_000 + 12_999;
    });
    expect(checkAcrossEditions(within, [earlier])).toEqual([]);
    const beyond = changed(within, (d) => {
      if (d.key_data.contamination.kind === 'area')
        d.key_data.contamination.area_m2 = 1_200_000 + 13_001;
    });
    expect(checkAcrossEditions(beyond, [earlier]).map((p) => p.path)).toEqual([
      'key_data.contamination.area_m2',
    ]);
  });

  it('says nothing when either edition has no area estimate', async () => {
    const unknown = changed(await load(2025, 'arcadia'), (d) => {
      d.key_data.contamination = { kind: 'extent_unknown' };
    });
    expect(checkAcrossEditions(unknown, [await load(2024, 'arcadia')]).map((p) => p.path)).toEqual([
      'land_release.previous.clearance_m2',
    ]);
  });

  it('has nothing to compare in a first edition', async () => {
    expect(checkAcrossEditions(await load(2024, 'arcadia'), [])).toEqual([]);
  });
});
