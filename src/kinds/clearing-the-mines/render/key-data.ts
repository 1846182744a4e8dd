import {
  cell,
  contaminationView,
  deadlineView,
  type Md,
  missingKey,
  refs,
  wordsHtml,
} from '../../../render/key-data.js';
import type { ClearingTheMinesDerived } from '../derive/report.js';
import { formatInt, formatKm2Number, m2ToKm2 } from '../../../derive/format.js';
import { type DerivedMines, MINE_PARTS } from '../derive/land-release.js';
import type { ClearingTheMinesReport } from '../schema/report.js';
import { escapeHtml } from '../../../render/table-view.js';
import { MINE_PART_LABELS, MINES_DESTROYED_LABEL, MISSING_CELL, RELEASE_LABELS } from './labels.js';

const LIKELIHOOD_WORDS = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  very_low: 'Very low',
  not_assessed: 'Not assessed',
} as const;

function likelihood(r: ClearingTheMinesReport, md: Md) {
  const l = r.key_data.likelihood;
  if (!l) return undefined;
  const lines = [
    {
      label: 'Oslo Action Plan target (2025)',
      valueHtml: wordsHtml(l.oslo_action_plan, (v) => LIKELIHOOD_WORDS[v]),
    },
    ...(l.article5_deadline
      ? [
          {
            label: 'Article 5 deadline',
            valueHtml: wordsHtml(l.article5_deadline, (v) => LIKELIHOOD_WORDS[v]),
          },
        ]
      : []),
  ];
  return { heading: 'Likelihood of meeting completion targets', lines, noteHtml: refs(md, l.note) };
}

function minesRows(now: DerivedMines, before: DerivedMines, md: Md) {
  const rows = [
    {
      label: MINES_DESTROYED_LABEL,
      current: cell(now, formatInt, md),
      previous: cell(before, formatInt, md),
      part: false,
    },
  ];
  for (const key of MINE_PARTS) {
    const a = now.parts.find((p) => p.key === key)?.value;
    const b = before.parts.find((p) => p.key === key)?.value;
    if (a === undefined && b === undefined) continue;
    const other = key === 'other' ? (now.otherLabel ?? before.otherLabel) : undefined;
    const show = (v: number | undefined) =>
      escapeHtml(v === undefined ? MISSING_CELL : formatInt(v));
    rows.push({
      label: other ? `${MINE_PART_LABELS.other} (${other})` : MINE_PART_LABELS[key],
      current: show(a),
      previous: show(b),
      part: true,
    });
  }
  return rows;
}

/** Everything the KEY DATA box prints, formatted and escaped. */
export function keyDataView(r: ClearingTheMinesReport, d: ClearingTheMinesDerived, md: Md) {
  const { current, previous } = r.land_release;
  const km2 = (m2: number) => formatKm2Number(m2ToKm2(m2));
  const release = d.release.map((x) => ({
    label: RELEASE_LABELS[x.kind],
    current: cell(x.current, km2, md),
    previous: cell(x.previous, km2, md),
  }));
  const mines = minesRows(d.mines.current, d.mines.previous, md);
  return {
    deadline: deadlineView(r.key_data.article5, { treaty: 'APMBC', article: 'Article 5' }, md),
    likelihood: likelihood(r, md),
    contamination: {
      heading: 'AP mine contamination',
      ...contaminationView(d.contamination, md),
    },
    release: {
      areaHeading: 'Release of AP mined area',
      destroyedHeading: 'Destruction of AP mines during clearance, survey, and spot tasks',
      currentYear: current.year,
      previousYear: previous.year,
      rows: release,
      missing: missingKey(d.release.flatMap((x) => [x.current, x.previous])),
      mines,
      minesMissing: missingKey([d.mines.current, d.mines.previous]),
    },
    operatorsHeading: `Main AP mine survey and clearance ${r.key_data.main_operators.length === 1 ? 'operator' : 'operators'} in ${current.year}`,
    operators: r.key_data.main_operators.map(md),
  };
}
