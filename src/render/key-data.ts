import type { DerivedContamination } from '../derive/contamination.js';
import { formatKm2 } from '../derive/format.js';
import type { ReleaseKind, Reported } from '../derive/land-release.js';
import { deadlinePhrases } from '../derive/treaty-deadline.js';
import { filled, toFillEdition, type Gap, type ToFill } from '../schema/figure.js';
import type {
  DeadlineProgress,
  TreatyDeadline,
  TreatyObligation,
} from '../schema/treaty-deadline.js';
import { escapeHtml } from './table-view.js';
import { figureHtml, toFillMark } from './to-fill-mark.js';

/**
 * The parts of the KEY DATA box that Mine Action Review's kinds share (the box itself is
 * templates/mine-action-review/partials/key-data.hbs): the treaty deadline, the contamination
 * estimate, and figure cells that say why a figure is missing.
 */

/** Renders Markdown that may hold footnote references, or nothing. */
export type Md = (s: string) => string;
export const refs = (md: Md, note: string | undefined) => (note === undefined ? '' : md(note));
const notesOf = (md: Md, ...notes: (string | undefined)[]) =>
  notes.map((n) => refs(md, n)).join('');

/**
 * Labels printed in more than one place (KEY DATA, tables, charts), defined once so that a
 * label has one casing everywhere: Mine Action Review's sentence case.
 */
export const RELEASE_LABELS: Record<ReleaseKind, string> = {
  clearance: 'Clearance',
  technical_survey: 'Technical survey',
  non_technical_survey: 'Non-technical survey',
};

/** A missing figure where it stands alone: "Not reported". */
export const MISSING_LABELS: Record<Gap, string> = {
  not_reported: 'Not reported',
  not_applicable: 'Not applicable',
  unknown: 'Unknown',
  to_fill: 'Still to fill',
};

/** What a missing figure prints in a table cell; a line under the table says which kind. */
export const MISSING_CELL = '–';

const QUALIFIERS = {
  more_than: 'More than',
  at_least: 'At least',
  about: 'About',
  almost: 'Almost',
  up_to: 'Up to',
} as const;

/**
 * A KEY DATA table cell: the figure, the mark of one still to fill, or a dash, and its
 * footnote either way (HTML).
 */
export function cell(x: Reported, format: (n: number) => string, md: Md): string {
  return `${figureHtml(x, format)}${refs(md, x.note)}`;
}

/** Words for a value of the data, or the mark where it is still to fill (HTML). */
export function wordsHtml<T>(
  v: T | ToFill,
  words: (v: T) => string | undefined,
): string | undefined {
  const edition = toFillEdition(v);
  if (edition !== undefined) return toFillMark(edition);
  const w = words(v as T);
  return w === undefined ? undefined : escapeHtml(w);
}

/** The treaty deadline: its heading, the line (deadline and extensions), a request pending, the progress. */
export function deadlineView(
  a: TreatyDeadline & { progress?: DeadlineProgress | ToFill | undefined },
  obligation: TreatyObligation,
  md: Md,
) {
  const progress = a.status === 'party' ? a.progress : undefined;
  const p = deadlinePhrases(a, obligation, filled(progress));
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
    // Progress still to fill prints its mark (HTML, escaped).
    statusHtml: progress === undefined ? undefined : wordsHtml(progress, () => p.progress),
  };
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
  // Still to fill: the mark stands for the area, and for the level the area would give.
  if (c.kind === 'to_fill') {
    const qualifier = c.qualifier ? `${QUALIFIERS[c.qualifier]} ` : '';
    return {
      figureHtml: `${escapeHtml(qualifier)}${toFillMark(c.toFill)}${refs(md, c.note)}`,
      levelHtml: c.level ? levelHtml(c.level) : toFillMark(c.toFill),
      source,
      caveat,
    };
  }
  const estimate = {
    extent_unknown: 'extent unknown',
    no_reliable_estimate: 'no reliable estimate',
    none_known: 'none known',
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

/** "– Not reported": what the dashes of a KEY DATA table stand for. */
export function missingKey(values: Reported[]): string[] {
  // A value still to fill prints its own mark, which needs no key.
  const kinds = [
    ...new Set(values.flatMap((v) => (v.missing && v.missing !== 'to_fill' ? [v.missing] : []))),
  ];
  return kinds.map((k) => `${MISSING_CELL} ${MISSING_LABELS[k]}`);
}
