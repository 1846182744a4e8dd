import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { formatProblem } from '../../src/data/problem.js';
import { findToFill, isToFill, toFill } from '../../src/data/to-fill.js';
import { validateWith } from '../../src/data/validate.js';
import { parseYaml } from '../../src/data/yaml-source.js';
import { ClearingTheMinesReport } from '../../src/kinds/clearing-the-mines/schema/report.js';
import { EditionMeta } from '../../src/schema/edition.js';
import { baseReport } from '../helpers/reports.js';

const check = (
  value: unknown,
  schema: typeof ClearingTheMinesReport | typeof EditionMeta = ClearingTheMinesReport,
  toFill: 'warning' | 'error' = 'error',
) => {
  const parsed = parseYaml(new TextEncoder().encode(stringify(value, { lineWidth: 0 })), 'x.yaml');
  if (!parsed.ok) throw new Error('does not parse');
  return validateWith(schema, parsed.source, { toFill });
};

describe('values still to fill', () => {
  it('are written { to_fill: <edition> }, and nothing else is one', () => {
    expect(toFill(2026)).toEqual({ to_fill: 2026 });
    expect(isToFill({ to_fill: 2026 })).toBe(true);
    expect(isToFill({ to_fill: '2026' })).toBe(false);
    expect(isToFill({ to_fill: 2026, note: 'x' })).toBe(false);
    expect(isToFill([2026])).toBe(false);
    expect(findToFill({ a: [{ b: toFill(2026) }, 1], c: toFill(2027) })).toEqual([
      { path: ['a', 0, 'b'], edition: 2026 },
      { path: ['c'], edition: 2027 },
    ]);
  });

  it('are reported one error per field, "still to fill for the 2026 edition", at the field, and nothing else about them', () => {
    const r = baseReport();
    (r.land_release.current as Record<string, unknown>).clearance_m2 = toFill(2026);
    (r.land_release.current as Record<string, unknown>).mines_destroyed = toFill(2026);
    r.key_data.contamination.area_m2 = toFill(2026);
    const result = check(r);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual([
      'x.yaml:11:7: error: key_data.contamination.area_m2: still to fill for the 2026 edition',
      'x.yaml:19:7: error: land_release.current.clearance_m2: still to fill for the 2026 edition',
      'x.yaml:23:7: error: land_release.current.mines_destroyed: still to fill for the 2026 edition',
    ]);
  });

  it('stand beside the ordinary problems of the file, which are still reported', () => {
    const r = baseReport() as Record<string, unknown>;
    (r.land_release as { current: Record<string, unknown> }).current.clearance_m2 = toFill(2026);
    r.country = 42;
    const result = check(r);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.path}: ${p.message}`).sort()).toEqual([
      'country: expected text, got 42',
      'land_release.current.clearance_m2: still to fill for the 2026 edition',
    ]);
  });

  it('count in edition metadata too (the publication date of a new edition)', () => {
    const meta = {
      schema_version: 1,
      report: 'clearing-the-mines',
      edition: 2026,
      title: 'T',
      publisher: 'P',
      published: toFill(2026),
      licence: 'L',
    };
    const result = check(meta, EditionMeta);
    expect(result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'published: still to fill for the 2026 edition',
    ]);
  });

  it('in a draft are warnings, one per field, and the file is valid: the marker stands for the value', () => {
    const r = baseReport();
    (r.land_release.current as Record<string, unknown>).clearance_m2 = toFill(2026);
    r.key_data.contamination.area_m2 = toFill(2026);
    const result = check(r, ClearingTheMinesReport, 'warning');
    expect(result.ok).toBe(true);
    expect(result.problems.map(formatProblem)).toEqual([
      'x.yaml:11:7: warning: key_data.contamination.area_m2: still to fill for the 2026 edition (a draft prints "TO FILL 2026" here; --final refuses it)',
      'x.yaml:19:7: warning: land_release.current.clearance_m2: still to fill for the 2026 edition (a draft prints "TO FILL 2026" here; --final refuses it)',
    ]);
    const data = result.ok ? (result.data as { land_release: { current: object } }) : undefined;
    expect(data?.land_release.current).toMatchObject({ clearance_m2: { to_fill: 2026 } });
  });

  it('in a field that cannot wait (a year other years are checked against) are an error even in a draft', () => {
    const r = baseReport();
    (r.land_release.current as Record<string, unknown>).year = toFill(2026);
    const result = check(r, ClearingTheMinesReport, 'warning');
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => `${p.severity}: ${p.path}: ${p.message}`)).toEqual([
      'error: land_release.current.year: still to fill for the 2026 edition: this field cannot wait in a draft; give its value',
    ]);
  });

  it('in a text field of a draft read "TO FILL 2026", listed as a warning; --final refuses them', () => {
    const r = baseReport() as Record<string, unknown>;
    r.country = toFill(2026);
    (r.key_developments as unknown[])[0] = toFill(2026);
    const result = check(r, ClearingTheMinesReport, 'warning');
    expect(result.problems.map((p) => `${p.severity}: ${p.path}`)).toEqual([
      'warning: country',
      'warning: key_developments.0',
    ]);
    const data = result.ok
      ? (result.data as { country: string; key_developments: string[] })
      : undefined;
    expect(data?.country).toBe('TO FILL 2026');
    expect(data?.key_developments[0]).toBe('TO FILL 2026');
    const final = check(r, ClearingTheMinesReport, 'error');
    expect(final.ok).toBe(false);
    expect(final.problems.map((p) => `${p.severity}: ${p.path}: ${p.message}`)).toEqual([
      'error: country: still to fill for the 2026 edition',
      'error: key_developments.0: still to fill for the 2026 edition',
    ]);
  });
});
