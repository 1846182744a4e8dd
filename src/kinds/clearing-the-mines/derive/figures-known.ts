/**
 * The figures of a Clearing the Mines report, stated and derived. The one place that reads
 * the derived model for the figures audit, so a change of the model is adapted here.
 */
import type { ClearingTheMinesReport } from '../schema/report.js';
import type { ClearingTheMinesDerived } from './report.js';
import { clearanceWithoutMines, GENDER_SHARES, genderShares } from './shares.js';
import { type KnownFigure, statedFigures } from '../../../derive/figures/known.js';
import { totalOf } from './tables.js';

/** The stated figures, with a generic table's cells named by their column. */
function stated(r: ClearingTheMinesReport): KnownFigure[] {
  const { sections: _s, notes: _n, ...data } = r;
  return statedFigures(data, (path) => {
    if (path[0] !== 'other_tables' || path[2] !== 'rows') return undefined;
    return r.other_tables[String(path[1])]?.columns[Number(path[4])]?.label;
  });
}

function releaseChanges(d: ClearingTheMinesDerived): KnownFigure[] {
  return d.release.flatMap((x) => {
    const [now, before] = [x.current.value, x.previous.value];
    // A change with a year not reported is no figure at all.
    if (now === undefined || before === undefined) return [];
    const diff = Math.abs(now - before);
    const label = `${x.kind} against the year before`;
    return [
      { kind: 'area' as const, value: diff, source: `the change in ${label}` },
      ...(before > 0
        ? [
            {
              kind: 'percent' as const,
              value: (diff / before) * 100,
              source: `the change in ${label}, as a percentage`,
            },
          ]
        : []),
    ];
  });
}

function shares(r: ClearingTheMinesReport): KnownFigure[] {
  const out: KnownFigure[] = [];
  const empty = clearanceWithoutMines(r);
  // A share whose figures are still to fill is no figure the text could give.
  if (empty && !('toFill' in empty)) {
    const src = 'the rows of tables.clearance_by_district with no mines destroyed';
    out.push({ kind: 'area', value: empty.area.part, source: src });
    out.push({
      kind: 'count',
      value: empty.areas,
      source: `the areas of ${src}`,
      words: ['areas'],
    });
    if (empty.area.pct !== undefined)
      out.push({
        kind: 'percent',
        value: empty.area.pct,
        source: `${src}, as a share of all its rows`,
      });
  }
  for (const g of genderShares(r)) {
    for (const { name, of } of GENDER_SHARES) {
      const s = g.shares[name];
      const p = 'toFill' in s ? undefined : s.pct;
      if (p !== undefined)
        out.push({ kind: 'percent', value: p, source: `women's share of the ${of} of ${g.label}` });
    }
  }
  return out;
}

/** How many districts (provinces, regions) a table lists: "across four provinces". */
function districtCounts(r: ClearingTheMinesReport): KnownFigure[] {
  const keys = ['mined_area_by_district', 'survey_by_district', 'clearance_by_district'] as const;
  return keys.flatMap((key) => {
    const rows = r.tables[key]?.rows;
    if (!rows) return [];
    const value = new Set(rows.map((row) => row.district)).size;
    return [
      {
        kind: 'count' as const,
        value,
        source: `the districts of tables.${key}`,
        words: ['districts'],
      },
    ];
  });
}

/** Who works in the programme, counted: "two international operators". */
function capacityCounts(r: ClearingTheMinesReport): KnownFigure[] {
  return (['national_operators', 'international_operators'] as const).map((group) => ({
    kind: 'count' as const,
    value: r.capacity[group].length,
    source: `the entries of capacity.${group}`,
    words: group.split('_'),
  }));
}

/** Contamination other than AP mines alone, together: "a further eleven areas of mixed contamination". */
function otherContamination(r: ClearingTheMinesReport): KnownFigure[] {
  const rows = r.tables.contamination_by_type?.other_rows ?? [];
  if (rows.length < 2) return [];
  const source = 'the other_rows of tables.contamination_by_type together';
  // A total of rows still to fill is unknown: no figure.
  const areas = totalOf(rows.map((x) => x.areas)).value;
  const area = totalOf(rows.map((x) => x.area_m2)).value;
  return [
    ...(areas === undefined
      ? []
      : [{ kind: 'count' as const, value: areas, source, words: ['areas'] }]),
    ...(area === undefined ? [] : [{ kind: 'area' as const, value: area, source }]),
  ];
}

/** Stated figures first, so that a figure both stated and derived is credited to the data. */
export function ctmKnownFigures(
  r: ClearingTheMinesReport,
  d: ClearingTheMinesDerived,
): KnownFigure[] {
  const derived: KnownFigure[] = [];
  if (d.contamination.kind === 'area')
    derived.push({
      kind: 'area',
      value: d.contamination.areaM2,
      source: 'the contamination estimate of KEY DATA',
    });
  const tables = statedFigures({ tables: d.tables }).map((f) => ({
    ...f,
    source: `the derived ${f.source}`,
  }));
  return [
    ...stated(r),
    ...derived,
    ...tables,
    ...releaseChanges(d),
    ...shares(r),
    ...districtCounts(r),
    ...capacityCounts(r),
    ...otherContamination(r),
  ];
}
