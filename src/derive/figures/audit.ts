/**
 * Every figure of the text accounted for: derived (a {=name} the data fills), checked (the
 * data states or derives the same value, after units and rounding), checked by hand (marked
 * with its source), or unchecked, with the data's figures it could have meant.
 */
import type { Path } from '../emit.js';
import { formatInt, formatKm2, formatM2, formatNumber, m2ToKm2 } from '../format.js';
import { PLACEHOLDER } from '../prose.js';
import { readableText } from '../prose-numbers.js';
import { extractFigures, type StatedFigure } from './extract.js';
import { handChecks, HAND_CHECK } from './hand-check.js';
import type { KnownFigure } from './known.js';
import { matches, nearest } from './match.js';

export const FIGURE_STATUSES = ['derived', 'checked', 'hand-checked', 'unchecked'] as const;
export type FigureStatus = (typeof FIGURE_STATUSES)[number];

export interface AuditedFigure {
  path: Path;
  /** The figure as typed, or the {=name} that prints it. */
  text: string;
  status: FigureStatus;
  /** The sentence around it, for the editor to find it. */
  context: string;
  /** checked: the data's figure it agrees with; unchecked: the nearest ones. */
  matched?: KnownFigure;
  nearest?: KnownFigure[];
  /** hand-checked: the source the editor gave. */
  source?: string;
}

export interface FigureAudit {
  figures: AuditedFigure[];
  counts: Record<FigureStatus, number>;
}

export interface ProseText {
  path: Path;
  text: string;
}

function contextOf(text: string, index: number, length: number): string {
  const start = Math.max(0, text.lastIndexOf(' ', Math.max(0, index - 40)));
  const end = text.indexOf(' ', Math.min(text.length, index + length + 40));
  const cut = text.slice(start, end < 0 ? text.length : end).trim();
  return `${start > 0 ? '…' : ''}${cut}${end >= 0 && end < text.length ? '…' : ''}`;
}

function audited(
  path: Path,
  text: string,
  f: StatedFigure,
  known: readonly KnownFigure[],
): AuditedFigure {
  const context = contextOf(text, f.index, f.text.length);
  const matched = known.find((k) => matches(f, k));
  if (matched) return { path, text: f.text.trim(), status: 'checked', context, matched };
  return { path, text: f.text.trim(), status: 'unchecked', context, nearest: nearest(f, known) };
}

/**
 * Audits texts against the data's figures. `isFigure` says which {=name} print a figure
 * (not "Table 7" or a year).
 */
export function auditFigures(
  items: readonly ProseText[],
  known: readonly KnownFigure[],
  isFigure: (name: string) => boolean,
): FigureAudit {
  const figures: AuditedFigure[] = [];
  for (const { path, text } of items) {
    for (const m of text.matchAll(PLACEHOLDER)) {
      const name = m[1] ?? '';
      if (isFigure(name))
        figures.push({
          path,
          text: m[0],
          status: 'derived',
          context: contextOf(text, m.index ?? 0, m[0].length),
        });
    }
    for (const h of handChecks(text)) {
      figures.push({
        path,
        text: h.figure,
        status: h.source ? 'hand-checked' : 'unchecked',
        context: contextOf(text, h.index, h.figure.length),
        source: h.source,
        nearest: h.source ? undefined : [],
      });
    }
    // What remains once hand-checked figures are taken out; a {=name} stays as written,
    // where no figure can be read, so that the context shows it.
    const rest = readableText(text.replace(HAND_CHECK, ' '));
    for (const f of extractFigures(rest)) figures.push(audited(path, rest, f, known));
  }
  const counts = Object.fromEntries(FIGURE_STATUSES.map((s) => [s, 0])) as FigureAudit['counts'];
  for (const f of figures) counts[f.status] += 1;
  return { figures, counts };
}

/** A known figure as the house style prints it, with where it comes from. */
export function describeKnown(k: KnownFigure): string {
  const value =
    k.kind === 'area'
      ? k.value >= 1_000_000
        ? formatKm2(m2ToKm2(k.value))
        : formatM2(k.value)
      : k.kind === 'percent'
        ? `${formatNumber(Math.round(k.value * 10) / 10)}%`
        : k.kind === 'count'
          ? formatInt(k.value)
          : formatNumber(k.value);
  return `${value} (${k.source})`;
}

/** The note `validate` prints for a figure nobody checked. */
export function uncheckedMessage(f: AuditedFigure): string {
  if (f.source !== undefined)
    return `"${f.text}" is marked checked but names no source: write {${f.text}|checked: <where it was checked>}`;
  const near = f.nearest?.length
    ? `; nearest in the data: ${f.nearest.map(describeKnown).join(', ')}`
    : '; the data holds no figure of this kind';
  return `unchecked figure "${f.text}" in "${f.context}"${near}. Print it from the data ({=name}), correct it, or mark it {${f.text}|checked: <source>}`;
}
