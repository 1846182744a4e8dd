import { describe, expect, it } from 'vitest';
import { deriveClearingTheMines } from '../../../../src/kinds/clearing-the-mines/derive/report.js';
import { formatKm2Number, m2ToKm2 } from '../../../../src/derive/format.js';
import { ClearingTheMinesReport } from '../../../../src/kinds/clearing-the-mines/schema/report.js';
import { arcadia, baseReport, kosovo } from '../../../helpers/reports.js';

describe("Kosovo's derived KEY DATA", () => {
  const d = deriveClearingTheMines(kosovo().data);

  it('gives contamination of 1.12km², Light, from the national estimate', () => {
    expect(d.facts.get('contamination_km2')).toBe('1.12km²');
    expect(d.facts.get('contamination_m2')).toBe('1,115,699m²');
    expect(d.facts.get('contamination_level')).toBe('light');
  });

  it('gives land release in km² for 2024 and 2023 as published', () => {
    expect(
      d.release.map((x) => [
        x.kind,
        formatKm2Number(m2ToKm2(x.current.value ?? Number.NaN)),
        formatKm2Number(m2ToKm2(x.previous.value ?? Number.NaN)),
      ]),
    ).toEqual([
      ['clearance', '0.05', '0.03'],
      ['technical_survey', '0.06', '0'],
      ['non_technical_survey', '0', '0'],
    ]);
  });

  it('names the figures prose may use', () => {
    expect(d.facts.get('data_year')).toBe('2024');
    expect(d.facts.get('previous_year')).toBe('2023');
    expect(d.facts.get('clearance_m2')).toBe('47,065m²');
    expect(d.facts.get('mines_destroyed')).toBe('8');
    expect(d.facts.get('table:land_release_summary')).toBe('Table 5');
    expect(d.facts.get('figure:clearance_trend')).toBe('Figure 2');
  });

  it('has no performance assessment', () => {
    expect(d.performance).toBeUndefined();
  });
});

describe("Arcadia's derived values", () => {
  const d = deriveClearingTheMines(arcadia().data);

  it('states 36.48km², a heavy level', () => {
    expect(d.contamination).toMatchObject({
      kind: 'area',
      km2: 36.482915,
      level: 'Heavy',
      fromTables: false,
    });
    expect(d.facts.get('contamination_km2')).toBe('36.48km²');
    expect(d.facts.get('contamination_level')).toBe('heavy');
  });

  it('words a decrease in clearance and an increase in survey', () => {
    expect(d.facts.get('clearance_change')).toBe('a decrease from the 2.54km² cleared in 2023');
    expect(d.facts.get('technical_survey_change')).toBe(
      'an increase from the 987,640m² reduced through technical survey in 2023',
    );
    expect(d.facts.get('non_technical_survey_change')).toBe(
      'an increase from 2023, when no mined area was cancelled through non-technical survey',
    );
  });

  it('numbers a generic table like any other', () => {
    expect(d.facts.get('table:funding_by_donor')).toBe('Table 3');
  });
});

describe('contamination that is not an area', () => {
  it.each(['extent_unknown', 'no_reliable_estimate'] as const)(
    '%s has no km², m² or level to name',
    (kind) => {
      const r = baseReport();
      r.key_data.contamination = { kind, source: 'Operators' };
      const d = deriveClearingTheMines(ClearingTheMinesReport.parse(r));
      expect(d.contamination).toEqual({ kind, source: 'Operators' });
      expect(d.facts.has('contamination_km2')).toBe(false);
      expect(d.facts.has('contamination_m2')).toBe(false);
      expect(d.facts.has('contamination_level')).toBe(false);
    },
  );
});
