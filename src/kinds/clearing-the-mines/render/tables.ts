import type { ClearingTheMinesDerived } from '../derive/report.js';
import { formatInt, formatKm2Number, formatNumber, formatPercent } from '../../../derive/format.js';
import type { ClearingTheMinesReport } from '../schema/report.js';
import type { Reported } from '../derive/land-release.js';
import { MINES_DESTROYED_LABEL, MISSING_CELL, MISSING_LABELS, RELEASE_LABELS } from './labels.js';
import { crossReferenceId, renderInline, type ProseEnv } from '../../../render/markdown.js';
import type { ToFill } from '../../../schema/figure.js';
import { asReported, figureCellView, figureHtml } from '../../../render/to-fill-mark.js';
import {
  escapeHtml,
  headRow,
  num,
  text,
  type CellView,
  type RowView,
  type TableView,
} from '../../../render/table-view.js';

/** Tables up to this many body rows move whole to the next page instead of splitting. */
const SMALL_TABLE_ROWS = 8;

type Marks = Partial<Record<string, string>> | undefined;

/** A cell value with the mark (e.g. "*") that points to a note under the table. */
const marked = (value: string, key: string, marks: Marks, numeric = true): CellView => ({
  html: escapeHtml(`${marks?.[key] ?? ''}${value}`),
  numeric,
});
/** A figure's cell (the mark of a value still to fill, where it is) with its note mark. */
const markedFigure = (value: Fillable, key: string, marks: Marks): CellView => ({
  html: figureHtml(value, formatInt, marks?.[key] ?? ''),
  numeric: true,
});
/** A count and its share; a share is not computed while either figure is still to fill. */
const withPct = (count: Fillable, pct: number | undefined): CellView => {
  const x = asReported(count);
  return x.value === undefined
    ? figureCellView(x, formatInt)
    : num(`${formatInt(x.value)} (${formatPercent(pct)})`);
};
const int = (v: Fillable) => figureCellView(v, formatInt);
type Fillable = number | ToFill | Reported;
const totalRow = (...cells: CellView[]): RowView => ({ cells, total: true });

/**
 * A figure's cell: the number, the mark of a value still to fill, or a dash when it is
 * missing, and its footnote either way. A land release figure's footnote belongs to KEY
 * DATA, where it is cited: `md` undefined leaves it out here, since a note is cited once.
 */
const figureCell = (x: Reported, format: (n: number) => string, md?: (s: string) => string) => ({
  html: `${figureHtml(x, format)}${x.note && md ? md(x.note) : ''}`,
  numeric: true,
});

/** The lines under a table that say what its dashes stand for: "– Not reported". */
function missingKey(values: readonly Pick<Reported, 'missing'>[]): string[] {
  // A value still to fill prints its own mark, which needs no key.
  const kinds = [
    ...new Set(values.flatMap((v) => (v.missing && v.missing !== 'to_fill' ? [v.missing] : []))),
  ];
  return kinds.map((k) => escapeHtml(`${MISSING_CELL} ${MISSING_LABELS[k]}`));
}

/**
 * Builds the printed form of every table the body places, numbered in body order.
 * Column labels are the publication's own.
 */
export function buildTableViews(
  r: ClearingTheMinesReport,
  d: ClearingTheMinesDerived,
  env: ProseEnv,
): Map<string, TableView> {
  const views = new Map<string, TableView>();
  const year = r.land_release.current.year;
  const md = (s: string) => renderInline(s, env);

  for (const [key, number] of d.tableNumbers) {
    const common = (t: { caption: string; notes?: string[] | undefined }) => ({
      id: crossReferenceId('table', key),
      number,
      captionHtml: md(t.caption),
      notes: (t.notes ?? []).map(md),
      kind: key.replace(/_/g, '-'),
    });
    const built = buildOne(key, r, d, year, md, common);
    if (built)
      views.set(key, { ...alignHead(built), small: built.body.length <= SMALL_TABLE_ROWS });
  }
  return views;
}

/** Header cells align with the figures below them. */
function alignHead<T extends Pick<TableView, 'head' | 'body'>>(t: T): T {
  const first = t.body.find((row) => !row.subhead);
  if (!first) return t;
  const numeric = (i: number) => first.cells[i]?.numeric === true;
  const align = (row: RowView): RowView => ({
    ...row,
    cells: row.cells.map((c, i) => ({ ...c, numeric: numeric(i) })),
  });
  return {
    ...t,
    head: t.head.map(align),
    body: t.body.map((row) => (row.subhead ? align(row) : row)),
  };
}

/** What each table's builder reads. */
interface TableContext {
  key: string;
  r: ClearingTheMinesReport;
  d: ClearingTheMinesDerived;
  t: ClearingTheMinesReport['tables'];
  year: number;
  md: (s: string) => string;
  common: (t: {
    caption: string;
    notes?: string[] | undefined;
  }) => Omit<TableView, 'head' | 'body' | 'small'>;
}

type BuiltTable = Omit<TableView, 'small'> | undefined;

/** The mined_area_by_district table. */
function minedAreaByDistrict({ d, t, common }: TableContext): BuiltTable {
  const src = t.mined_area_by_district;
  const der = d.tables.mined_area_by_district;
  if (!src || !der) return undefined;
  return {
    ...common(src),
    head: [
      headRow(
        'District',
        'CHAs',
        'Area (m²)',
        'SHAs',
        'Area (m²)',
        'Total areas',
        'Total area (m²)',
      ),
    ],
    body: [
      ...der.rows.map((row) => ({
        cells: [
          text(row.district),
          int(row.cha_count),
          int(row.cha_area_m2),
          int(row.sha_count),
          int(row.sha_area_m2),
          int(row.total_count),
          int(row.total_area_m2),
        ],
      })),
      totalRow(
        text('Totals'),
        ...[
          der.totals.cha_count,
          der.totals.cha_area_m2,
          der.totals.sha_count,
          der.totals.sha_area_m2,
          der.totals.total_count,
          der.totals.total_area_m2,
        ].map(int),
      ),
    ],
  };
}

/** The contamination_by_type table. */
function contaminationByType({ d, t, common }: TableContext): BuiltTable {
  const src = t.contamination_by_type;
  const der = d.tables.contamination_by_type;
  if (!src || !der) return undefined;
  return {
    ...common(src),
    head: [headRow('Type of contamination', 'Total areas', 'Total area (m²)')],
    body: [
      ...der.rows.map((row) => ({
        cells: [text(row.type), int(row.areas), int(row.area_m2)],
      })),
      totalRow(text('Totals'), int(der.totals.areas), int(der.totals.area_m2)),
    ],
  };
}

/** The gender_composition table. */
function genderComposition({ d, t, common }: TableContext): BuiltTable {
  const src = t.gender_composition;
  const der = d.tables.gender_composition;
  if (!src || !der) return undefined;
  return {
    ...common(src),
    head: [
      headRow(
        'Operator',
        'Total staff',
        'Women staff',
        'Total managerial or supervisory staff',
        'Women managerial or supervisory staff',
        'Total operational staff',
        'Women operational staff',
      ),
    ],
    body: [
      ...der.rows.map((row) => ({
        cells: [
          marked(row.operator, 'operator', row.marks, false),
          markedFigure(row.total_staff, 'total_staff', row.marks),
          withPct(row.women_staff, row.women_staff_pct),
          markedFigure(row.managerial_staff, 'managerial_staff', row.marks),
          withPct(row.women_managerial_staff, row.women_managerial_pct),
          markedFigure(row.operational_staff, 'operational_staff', row.marks),
          withPct(row.women_operational_staff, row.women_operational_pct),
        ],
      })),
      totalRow(
        text('Totals'),
        int(der.totals.total_staff),
        withPct(der.totals.women_staff, der.totals.women_staff_pct),
        int(der.totals.managerial_staff),
        withPct(der.totals.women_managerial_staff, der.totals.women_managerial_pct),
        int(der.totals.operational_staff),
        withPct(der.totals.women_operational_staff, der.totals.women_operational_pct),
      ),
    ],
  };
}

/** The clearance_capacity table. */
function clearanceCapacity({ t, common }: TableContext): BuiltTable {
  const src = t.clearance_capacity;
  if (!src) return undefined;
  const optional = [
    { key: 'manual_teams', label: 'Manual clearance teams' },
    { key: 'mechanical_assets', label: 'Machines' },
    { key: 'mdd_teams', label: 'Mine detection dog teams' },
  ] as const;
  const columns = optional.filter((c) => src.rows.some((row) => row[c.key] !== undefined));
  return {
    ...common(src),
    head: [headRow('Operator', ...columns.map((c) => c.label), 'Total clearance personnel')],
    body: src.rows.map((row) => ({
      cells: [
        marked(row.operator, 'operator', row.marks, false),
        ...columns.map((c) => {
          const v = row[c.key];
          return marked(v === undefined ? '–' : formatInt(v), c.key, row.marks);
        }),
        marked(formatInt(row.personnel), 'personnel', row.marks),
      ],
    })),
  };
}

/** The land_release_summary table. */
function landReleaseSummary({ r, d, t, year, common }: TableContext): BuiltTable {
  const src = t.land_release_summary;
  if (!src) return undefined;
  const c = r.land_release.comments ?? {};
  // A Comments column with nothing in it is not printed.
  const hasComments = Object.values(c).some((v) => v !== undefined);
  const comment = (v: string | undefined) => (hasComments ? [text(v ?? '')] : []);
  const heads = (...labels: string[]) => headRow(...labels, ...(hasComments ? ['Comments'] : []));
  const base = common(src);
  return {
    ...base,
    notes: [...base.notes, ...missingKey([...d.release.map((x) => x.current), d.mines.current])],
    head: [heads('Release of AP mined area', `Release in ${year} (m²)`)],
    body: [
      ...d.release.map((x) => ({
        cells: [
          text(RELEASE_LABELS[x.kind]),
          figureCell(x.current, formatInt),
          ...comment(c[x.kind]),
        ],
      })),
      {
        cells: heads(
          'Destruction of AP mines during clearance, survey, and spot tasks',
          String(year),
        ).cells,
        subhead: true,
      },
      {
        cells: [
          text(MINES_DESTROYED_LABEL),
          figureCell(d.mines.current, formatInt),
          ...comment(c.mines_destroyed),
        ],
      },
    ],
  };
}

/** The survey_by_district, clearance_by_district tables. */
function byDistrict({ key, d, t, common }: TableContext): BuiltTable {
  const which = key as 'survey_by_district' | 'clearance_by_district';
  const src = t[which];
  const der = d.tables[which];
  if (!src || !der) return undefined;
  const survey = which === 'survey_by_district';
  const labels = survey
    ? ['District', 'Operator', 'No. of areas cleared', 'Area cleared (m²)']
    : ['District', 'Operator', 'Areas cleared', 'Area cleared (m²)'];
  if (der.hasMines) labels.push('AP mines destroyed');
  const mines = (v: Fillable | undefined) =>
    der.hasMines ? [v === undefined ? num('–') : int(v)] : [];
  return {
    ...common(src),
    head: [headRow(...labels)],
    body: [
      ...der.rows.map((row) => ({
        cells: [
          text(row.district),
          text(row.operator),
          int(row.areas),
          int(row.area_m2),
          ...mines(row.mines_destroyed),
        ],
      })),
      totalRow(
        text('Totals'),
        text(''),
        int(der.totals.areas),
        int(der.totals.area_m2),
        ...mines(der.totals.mines_destroyed),
      ),
    ],
  };
}

/** The five_year_clearance table. */
function fiveYearClearance({ d, t, md, common }: TableContext): BuiltTable {
  const src = t.five_year_clearance;
  if (!src) return undefined;
  const der = d.tables.five_year_clearance;
  const base = common(src);
  const rows = der.rows.map((row) => ({
    value: row.km2,
    missing: row.missing,
    note: row.note,
    toFill: row.toFill,
  }));
  // A year without a figure is left out of the total, and the total says so.
  const left = der.missingYears;
  const totalLabel = left.length
    ? `Total (excluding ${left.join(' and ')}, ${left.length === 1 ? 'no figure' : 'no figures'})`
    : 'Total';
  return {
    ...base,
    notes: [...base.notes, ...missingKey(rows)],
    head: [headRow('Year', 'Area cleared (km²)')],
    body: [
      ...der.rows.map((row, i) => ({
        cells: [text(String(row.year)), figureCell(rows[i] as Reported, formatKm2Number, md)],
      })),
      totalRow(text(totalLabel), num(formatKm2Number(der.totalKm2))),
    ],
  };
}

/** A table of the report's own (other_tables): its columns as given, Markdown cells. */
function otherTable({ key, r, md, common }: TableContext): BuiltTable {
  const g = r.other_tables[key];
  if (!g) return undefined;
  return {
    ...common(g),
    head: [headRow(...g.columns.map((c) => c.label))],
    body: g.rows.map((row) => ({
      cells: row.map((cell, i) =>
        typeof cell === 'number'
          ? num(formatNumber(cell))
          : { html: md(cell), numeric: g.columns[i]?.numeric ?? false },
      ),
    })),
  };
}

/** The builder of each named table; any other key is one of the report's own tables. */
const TABLE_BUILDERS = new Map<string, (c: TableContext) => BuiltTable>([
  ['mined_area_by_district', minedAreaByDistrict],
  ['contamination_by_type', contaminationByType],
  ['gender_composition', genderComposition],
  ['clearance_capacity', clearanceCapacity],
  ['land_release_summary', landReleaseSummary],
  ['survey_by_district', byDistrict],
  ['clearance_by_district', byDistrict],
  ['five_year_clearance', fiveYearClearance],
]);

function buildOne(
  key: string,
  r: ClearingTheMinesReport,
  d: ClearingTheMinesDerived,
  year: number,
  md: (s: string) => string,
  common: TableContext['common'],
): BuiltTable {
  const build = TABLE_BUILDERS.get(key) ?? otherTable;
  return build({ key, r, d, t: r.tables, year, md, common });
}
