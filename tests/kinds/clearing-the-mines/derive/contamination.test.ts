import { describe, expect, it } from 'vitest';
import {
  contaminationLevel,
  deriveContamination,
} from '../../../../src/kinds/clearing-the-mines/derive/contamination.js';
import { contaminationTableTotal } from '../../../../src/kinds/clearing-the-mines/derive/tables.js';
import { ClearingTheMinesReport } from '../../../../src/kinds/clearing-the-mines/schema/report.js';
import { arcadia, baseReport, kosovo } from '../../../helpers/reports.js';
import { reportedCount } from '../../../../src/kinds/clearing-the-mines/derive/land-release.js';

const known = (n: number) => reportedCount(n);

/** A base report with a different KEY DATA contamination, validated by the schema. */
function withContamination(
  contamination: Record<string, unknown>,
  tables: Record<string, unknown> = {},
) {
  const r = baseReport();
  r.key_data.contamination = contamination;
  r.tables = tables;
  return ClearingTheMinesReport.parse(r);
}

describe('contaminationLevel (Light < 5km², Medium 5-19, Heavy 20-99, Massive >= 100)', () => {
  it.each([
    [0, 'Light'],
    [1.12, 'Light'],
    [4.99, 'Light'],
    [5, 'Medium'],
    [19.99, 'Medium'],
    [20, 'Heavy'],
    [36.48, 'Heavy'],
    [99.99, 'Heavy'],
    [100, 'Massive'],
    [1500, 'Massive'],
  ] as const)('%s km² is %s', (km2, level) => {
    expect(contaminationLevel(km2)).toBe(level);
  });
});

describe('deriveContamination', () => {
  it("derives Kosovo's 1,115,699m² (Light) from its tables when no area is stated", () => {
    const r = kosovo().data;
    expect(r.key_data.contamination).not.toHaveProperty('area_m2');
    const c = deriveContamination(r, contaminationTableTotal(r));
    expect(c).toEqual({
      kind: 'area',
      areaM2: 1_115_699,
      km2: 1.115699,
      level: 'Light',
      bandLevel: 'Light',
      qualifier: undefined,
      source: 'National estimate',
      caveat: undefined,
      note: undefined,
      levelNote: undefined,
      fromTables: true,
    });
  });

  it('uses a stated area over the tables: Arcadia states 36,482,915m², Heavy', () => {
    const r = arcadia().data;
    const c = deriveContamination(r, contaminationTableTotal(r));
    expect(c).toMatchObject({
      kind: 'area',
      areaM2: 36_482_915,
      level: 'Heavy',
      fromTables: false,
    });
  });

  it('prefers the stated area even when the tables total something else', () => {
    const r = withContamination({ kind: 'area', area_m2: 5_000_000, source: 'Operator estimate' });
    const c = deriveContamination(r, { areas: known(3), area_m2: known(10) });
    expect(c).toMatchObject({
      areaM2: 5_000_000,
      km2: 5,
      level: 'Medium',
      source: 'Operator estimate',
    });
  });

  it('totals the district table alone when there is no contamination-by-type table', () => {
    const r = withContamination(
      { kind: 'area', source: 'National estimate' },
      {
        mined_area_by_district: {
          caption: 'Mined area',
          rows: [
            {
              district: 'A',
              cha_count: 1,
              cha_area_m2: 10_000_000,
              sha_count: 2,
              sha_area_m2: 15_000_000,
            },
            { district: 'B', cha_count: 0, cha_area_m2: 0, sha_count: 1, sha_area_m2: 75_000_000 },
          ],
        },
      },
    );
    expect(contaminationTableTotal(r)).toEqual({ areas: known(4), area_m2: known(100_000_000) });
    expect(deriveContamination(r, contaminationTableTotal(r))).toMatchObject({
      km2: 100,
      level: 'Massive',
      fromTables: true,
    });
  });

  it('carries "extent unknown" with its source and no area or level', () => {
    const r = withContamination({ kind: 'extent_unknown', source: 'Operators' });
    expect(deriveContamination(r, undefined)).toEqual({
      kind: 'extent_unknown',
      source: 'Operators',
    });
  });

  it('carries "no reliable estimate" without a source', () => {
    const r = withContamination({ kind: 'no_reliable_estimate' });
    expect(deriveContamination(r, undefined)).toEqual({
      kind: 'no_reliable_estimate',
      source: undefined,
    });
  });
});
