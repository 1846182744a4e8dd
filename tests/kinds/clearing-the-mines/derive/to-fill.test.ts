/**
 * Values still to fill ({ to_fill: 2026 }) in a draft: derive treats each as unknown, never
 * as 0. The drafts here are what `keydata new-edition` makes of the 2025 Arcadia fixture
 * (a States Party with every table and a performance assessment) and of Kosovo.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { carryForwardCtm } from '../../../../src/kinds/clearing-the-mines/commands/new-edition.js';
import { documentText } from '../../../../src/data/migrate.js';
import { formatProblem } from '../../../../src/data/problem.js';
import { validateWith } from '../../../../src/data/validate.js';
import { parseYaml } from '../../../../src/data/yaml-source.js';
import { checkReport, deriveReport } from '../../../../src/commands/report.js';
import type { ClearingTheMinesDerived } from '../../../../src/kinds/clearing-the-mines/derive/report.js';

import { reportedCount } from '../../../../src/kinds/clearing-the-mines/derive/land-release.js';
import { shareOf, totalOf } from '../../../../src/kinds/clearing-the-mines/derive/tables.js';
import { renderChart } from '../../../../src/kinds/clearing-the-mines/render/charts.js';
import { ClearingTheMinesReport } from '../../../../src/kinds/clearing-the-mines/schema/report.js';
import { EditionMeta } from '../../../../src/schema/edition.js';
import { ARCADIA_TEXT, type CtmReport, KOSOVO_TEXT } from '../../../helpers/reports.js';

const META = EditionMeta.parse({
  schema_version: 1,
  report: 'clearing-the-mines',
  edition: 2026,
  title: 'Clearing the Mines 2026',
  publisher: 'Mine Action Review',
  published: { to_fill: 2026 },
  licence: 'Test licence',
});

/** The 2025 file carried forward to 2026 as new-edition does, loaded as a draft. */
function draftOf(text: string, file: string): { report: CtmReport; d: ClearingTheMinesDerived } {
  const doc = parseDocument(text);
  carryForwardCtm(doc, 2025, 2026);
  const parsed = parseYaml(new TextEncoder().encode(documentText(doc, text)), file);
  if (!parsed.ok) throw new Error('does not parse');
  const checked = validateWith(ClearingTheMinesReport, parsed.source, { toFill: 'warning' });
  if (!checked.ok) throw new Error(checked.problems.map(formatProblem).join('\n'));
  const report: CtmReport = {
    kind: 'clearing-the-mines',
    file,
    source: parsed.source,
    meta: META,
    data: checked.data,
  };
  return { report, d: deriveReport(report).derived as ClearingTheMinesDerived };
}

const arcadia = draftOf(ARCADIA_TEXT, 'arcadia.yaml');
const kosovo = draftOf(KOSOVO_TEXT, 'kosovo.yaml');

describe('a total that includes a value still to fill', () => {
  it('is unknown, still to fill for the edition, never a sum counting it as 0', () => {
    expect(totalOf([1, { to_fill: 2026 }, 3])).toEqual({
      value: undefined,
      missing: 'to_fill',
      note: undefined,
      toFill: 2026,
    });
    expect(totalOf([1, 2, 3]).value).toBe(6);
  });

  it('leaves every total of a table with a cell to fill unknown, and the rows stay unknown', () => {
    const t = arcadia.d.tables.mined_area_by_district;
    expect(t?.totals.total_area_m2).toMatchObject({ value: undefined, toFill: 2026 });
    expect(t?.rows[0]?.total_count).toMatchObject({ value: undefined, toFill: 2026 });
    expect(arcadia.d.tables.clearance_by_district?.totals.mines_destroyed?.value).toBeUndefined();
  });

  it('leaves the five-year total without the year to fill, and says which', () => {
    const five = kosovo.d.tables.five_year_clearance;
    expect(five.rows[0]).toMatchObject({ year: 2025, km2: undefined, missing: 'to_fill' });
    expect(five.missingYears).toEqual([2025]);
  });
});

describe('shares and scores that depend on a value still to fill', () => {
  it('are not computed', () => {
    expect(shareOf(reportedCount({ to_fill: 2026 }), reportedCount(10))).toBeUndefined();
    const g = arcadia.d.tables.gender_composition;
    expect(g?.totals.women_staff_pct).toBeUndefined();
    expect(g?.rows.every((r) => r.women_staff_pct === undefined)).toBe(true);
  });

  it('leave the weighted performance score and its rating unknown, each criterion to fill', () => {
    const p = arcadia.d.performance;
    expect(p?.score).toBeUndefined();
    expect(p?.rating).toBeUndefined();
    expect(p?.toFill).toBe(2026);
    expect(p?.rows.every((r) => r.score === undefined && r.scoreToFill === 2026)).toBe(true);
    // Last year's scores stay known.
    expect(p?.previous?.score).toBeGreaterThan(0);
  });

  it('print as the mark where prose names them', () => {
    expect(kosovo.d.facts.get('clearance_without_mines_pct')).toBe('TO FILL 2026');
    expect(kosovo.d.facts.get('women_staff_pct')).toBe('TO FILL 2026');
    expect(kosovo.d.facts.get('clearance_m2')).toBe('TO FILL 2026');
    expect(kosovo.d.facts.get('contamination_km2')).toBe('TO FILL 2026');
  });
});

describe('the contamination estimate still to fill', () => {
  it('has no area and no band level; a table total holding a value to fill is unknown too', () => {
    // Arcadia states its area (now to fill); Kosovo takes the tables' total (now unknown).
    for (const { d } of [arcadia, kosovo]) {
      expect(d.contamination.kind).toBe('to_fill');
      expect(d.contamination).not.toHaveProperty('areaM2');
    }
    expect(kosovo.d.contamination).toMatchObject({ fromTables: true, toFill: 2026 });
  });
});

describe('year-on-year wording', () => {
  it('does not compare a value still to fill', () => {
    const clearance = kosovo.d.release.find((x) => x.kind === 'clearance');
    expect(clearance?.current).toMatchObject({ value: undefined, missing: 'to_fill' });
    expect(clearance?.change).toBe('not comparable with the 47,065m² cleared in 2024');
  });
});

describe('a chart with a value still to fill', () => {
  it('draws no bar for it and says why under its category', () => {
    // The SVG draws its text as outlines: the alt text carries the same labels and values.
    const chart = renderChart('land_release_outputs', kosovo.report.data, kosovo.d);
    expect(chart?.chart.spec.series[0]?.values).toEqual([null, null, null]);
    expect(chart?.chart.alt).toContain('Clearance (2025: TO FILL 2026): 2025 no figure, 2024 0.05');
    const byDistrict = renderChart('mined_area_by_district', arcadia.report.data, arcadia.d);
    expect(byDistrict?.chart.spec.series.flatMap((s) => s.values).every((v) => v === null)).toBe(
      true,
    );
    expect(byDistrict?.chart.alt).toMatch(/\(TO FILL 2026\): CHA no figure, SHA no figure/);
  });
});

describe('checks', () => {
  it('skip what compares a value still to fill: no error, no warning about it', () => {
    for (const { report } of [arcadia, kosovo]) {
      const problems = checkReport(deriveReport(report)).filter((p) => p.severity !== 'note');
      expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
      expect(report.source.text).toMatch(/\{ ?to_fill: 2026 ?\}/);
      // A check that compared the marker as a number would print it so.
      for (const p of problems) expect(p.message).not.toMatch(/NaN|\[object Object\]|undefined/);
    }
  });
});
