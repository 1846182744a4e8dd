/**
 * Every figure of the text derived, checked or listed: a planted figure the data does not
 * hold is reported with the data's nearest figures; the same value in another unit is checked.
 */
import { describe, expect, it } from 'vitest';
import { auditClearingTheMines } from '../../../src/kinds/clearing-the-mines/derive/figures-audit.js';
import { uncheckedFigureNotes } from '../../../src/derive/figures/report-audit.js';
import { baseReport, kosovo, reportFromObject } from '../../helpers/reports.js';
import { deriveReport, auditReport } from '../../../src/commands/report.js';

const clearance = {
  caption: 'Mine clearance in 2024',
  rows: [
    { district: 'North', operator: 'TD', areas: 1, area_m2: 14_074, mines_destroyed: 8 },
    { district: 'South', operator: 'TD', areas: 5, area_m2: 32_991, mines_destroyed: 0 },
  ],
};

function audit(p: string, extra: (r: ReturnType<typeof baseReport>) => void = () => {}) {
  const r = baseReport();
  r.sections[0]!.blocks = [{ p: `${p}[^b]` }, { table: 'clearance_by_district' }];
  r.tables = { clearance_by_district: clearance };
  extra(r);
  return auditClearingTheMines(reportFromObject(r).data);
}
const statuses = (a: ReturnType<typeof audit>) =>
  a.figures.filter((f) => f.path[0] === 'sections').map((f) => [f.text, f.status]);

describe('the figures audit', () => {
  it('checks figures the data states or derives, after unit conversion and rounding', () => {
    const a = audit(
      'A total of 47,065m² (0.05km²) was cleared, destroying eight AP mines; ' +
        'six tasks totalling 32,991m² (70% of the area) found no mines.',
    );
    expect(statuses(a)).toEqual([
      ['47,065m²', 'checked'],
      ['0.05km²', 'checked'],
      ['eight', 'checked'],
      ['six', 'checked'],
      ['32,991m²', 'checked'],
      ['70%', 'checked'],
    ]);
    expect(a.figures.find((f) => f.text === '70%')?.matched?.source).toMatch(
      /no mines destroyed, as a share of all its rows/,
    );
  });

  it('lists a planted figure as unchecked, with the nearest figures of the data', () => {
    const a = audit('Six tasks totalling 30,371m² were cleared without finding any mines.');
    const f = a.figures.find((x) => x.text === '30,371m²');
    expect(f?.status).toBe('unchecked');
    expect(f?.nearest?.map((k) => k.value)).toEqual([29_309, 32_991, 17_756]);
    expect(a.counts).toMatchObject({ checked: 1, unchecked: 1 });
  });

  it('does not take a count for another count of the same value that counts something else', () => {
    const a = audit('In 2024, eight women received stipends.');
    expect(statuses(a)).toEqual([['eight', 'unchecked']]);
  });

  it('counts a {=name} as derived, not as a figure to check', () => {
    const a = audit(
      'In 2024, {=clearance_m2} was cleared, {=clearance_change}, see {=table:clearance_by_district}.',
    );
    expect(statuses(a)).toEqual([
      ['{=clearance_m2}', 'derived'],
      ['{=clearance_change}', 'derived'],
    ]);
  });

  it('accepts a figure checked by hand with its source, and not without one', () => {
    const a = audit(
      'In 2024, {nine|checked: HALO email, 15 April 2025} women received {€1.1 million|checked: }.',
    );
    expect(statuses(a)).toEqual([
      ['nine', 'hand-checked'],
      ['€1.1 million', 'unchecked'],
    ]);
    expect(a.figures[0]?.source).toBe('HALO email, 15 April 2025');
  });

  it('reads captions, table notes and footnotes written as text', () => {
    const a = audit('No figures here.', (r) => {
      r.notes.b = 'Report of 12 pages, p. 4, 5 May 2025, with 17 annexes.';
    });
    expect(a.figures.map((f) => [f.path.join('.'), f.text])).toEqual([
      ['notes.b', '12'],
      ['notes.b', '17'],
    ]);
  });

  it('reports each unchecked figure as a note at the text, with the figure and its sentence', () => {
    const r = reportFromObject({
      ...baseReport(),
      key_developments: ['In 2024, 61,000m² was cleared.[^a]'],
    });
    const notes = uncheckedFigureNotes(r, auditReport(deriveReport(r))!);
    expect(notes).toEqual([
      expect.objectContaining({
        severity: 'note',
        path: 'key_developments.0',
        message: expect.stringMatching(
          /^unchecked figure "61,000m²" in "In 2024, 61,000m² was cleared\."; nearest in the data: 47,065m² \(land_release\.current\.clearance_m2\)/,
        ),
      }),
    ]);
  });
});

describe("Kosovo's figures", () => {
  it('catches the text that contradicts Table 7: 30,371m² cleared without mines is not in the data', () => {
    const a = auditClearingTheMines(kosovo().data);
    const f = a.figures.find((x) => x.text === '30,371m²');
    expect(f?.status).toBe('unchecked');
    expect(f?.nearest?.map((k) => k.value)).toContain(33_531);
    expect(a.figures.find((x) => x.text === '70%')?.status).toBe('checked');
  });
});
