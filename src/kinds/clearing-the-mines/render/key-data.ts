import type { ClearingTheMinesDerived } from '../derive/report.js';
import type { DerivedContamination } from '../derive/contamination.js';
import { formatInt, formatKm2, formatKm2Number, m2ToKm2 } from '../../../derive/format.js';
import { type DerivedMines, MINE_PARTS, type Reported } from '../derive/land-release.js';
import { deadlinePhrases } from '../../../derive/treaty-deadline.js';
import type { ClearingTheMinesReport } from '../schema/report.js';
import type { MissingKind } from '../../../schema/figure.js';
import { escapeHtml } from '../../../render/table-view.js';
import {
  MINE_PART_LABELS,
  MINES_DESTROYED_LABEL,
  MISSING_CELL,
  MISSING_LABELS,
  RELEASE_LABELS,
} from './labels.js';

/** Renders Markdown that may hold footnote references, or nothing. */
type Md = (s: string) => string;
const refs = (md: Md, note: string | undefined) => (note === undefined ? '' : md(note));
const notesOf = (md: Md, ...notes: (string | undefined)[]) =>
  notes.map((n) => refs(md, n)).join('');

const LIKELIHOOD_WORDS = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  very_low: 'Very low',
  not_assessed: 'Not assessed',
} as const;

const QUALIFIERS = {
  more_than: 'More than',
  at_least: 'At least',
  about: 'About',
  almost: 'Almost',
  up_to: 'Up to',
} as const;

/** A KEY DATA table cell: the figure, or a dash, and its footnote either way (HTML). */
function cell(x: Reported, format: (n: number) => string, md: Md): string {
  const shown = x.value === undefined ? MISSING_CELL : format(x.value);
  return `${escapeHtml(shown)}${refs(md, x.note)}`;
}

function article5(r: ClearingTheMinesReport, md: Md) {
  const a = r.key_data.article5;
  const p = deadlinePhrases(
    a,
    { treaty: 'APMBC', article: 'Article 5' },
    a.status === 'party' ? a.progress : undefined,
  );
  const lineNotes =
    a.status === 'party'
      ? notesOf(md, a.note, ...a.extensions.map((e) => e.note), a.completion_declared?.note)
      : refs(md, a.note);
  return {
    heading: p.heading,
    lineHtml: `${escapeHtml(p.line)}${lineNotes}`,
    // The deadline itself is set in capitals, as the real boxes print it; "Not party" is not.
    deadline: a.status === 'party',
    pendingHtml:
      p.pending &&
      `${escapeHtml(p.pending)}${refs(md, a.status === 'party' ? a.pending_request?.note : undefined)}`,
    status: p.progress,
  };
}

function likelihood(r: ClearingTheMinesReport, md: Md) {
  const l = r.key_data.likelihood;
  if (!l) return undefined;
  const lines = [
    { label: 'Oslo Action Plan target (2025)', value: LIKELIHOOD_WORDS[l.oslo_action_plan] },
    ...(l.article5_deadline
      ? [{ label: 'Article 5 deadline', value: LIKELIHOOD_WORDS[l.article5_deadline] }]
      : []),
  ];
  return { heading: 'Likelihood of meeting completion targets', lines, noteHtml: refs(md, l.note) };
}

/** The estimate: its figure (or what stands for one), the level, whose estimate, the caveat. */
export function contaminationView(c: DerivedContamination, md: Md) {
  const source = c.source && `(${c.source})`;
  const caveat = c.caveat && `(${c.caveat})`;
  const levelHtml = (words: string) => `${escapeHtml(words)}${refs(md, c.levelNote)}`;
  if (c.kind === 'area') {
    const figure = `${c.qualifier ? `${QUALIFIERS[c.qualifier]} ` : ''}${formatKm2(c.km2)}`;
    return {
      figureHtml: `${escapeHtml(figure)}${refs(md, c.note)}`,
      levelHtml: levelHtml(c.level),
      source,
      caveat,
    };
  }
  const estimate = {
    extent_unknown: 'extent unknown',
    no_reliable_estimate: 'no reliable estimate',
    level: '',
  }[c.kind];
  if (c.level) {
    // "MASSIVE but no reliable estimate", "HEAVY (Mine Action Review estimate)".
    const words = estimate ? `${c.level} but ${estimate}` : c.level;
    return {
      figureHtml: undefined,
      levelHtml: `${levelHtml(words)}${refs(md, c.note)}`,
      source,
      caveat,
    };
  }
  const figure = estimate.charAt(0).toUpperCase() + estimate.slice(1);
  return {
    figureHtml: `${escapeHtml(figure)}${refs(md, c.note)}`,
    levelHtml: undefined,
    source,
    caveat,
  };
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

/** "– Not reported": what the dashes of a KEY DATA table stand for. */
function missingKey(values: Reported[]): string[] {
  const kinds = [
    ...new Set(values.flatMap((v) => (v.missing ? [v.missing] : []))),
  ] as MissingKind[];
  return kinds.map((k) => `${MISSING_CELL} ${MISSING_LABELS[k]}`);
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
    article5: article5(r, md),
    likelihood: likelihood(r, md),
    contamination: contaminationView(d.contamination, md),
    release: {
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
