import type { Block, ClearingTheMinesReport, Tables } from '../schema/report.js';
import { assessmentOf, PERFORMANCE_CRITERIA } from '../schema/report.js';
import { fiveYearClearance } from './tables.js';
import type { ProseItem } from '../../../derive/prose.js';

/** Clearing the Mines' texts in print order: the order that numbers notes, tables and figures. */
export function tableProse(r: ClearingTheMinesReport, key: string): ProseItem[] {
  const base = key in r.tables ? ['tables', key] : ['other_tables', key];
  const t =
    (r.tables as Record<string, { caption: string; notes?: string[] } | undefined>)[key] ??
    r.other_tables[key];
  if (!t) return [];
  const items: ProseItem[] = [{ path: [...base, 'caption'], text: t.caption }];
  const generic = r.other_tables[key];
  if (generic && !(key in r.tables)) {
    for (const [i, row] of generic.rows.entries()) {
      for (const [j, cell] of row.entries()) {
        if (typeof cell === 'string') items.push({ path: [...base, 'rows', i, j], text: cell });
      }
    }
  }
  if (key === 'five_year_clearance') {
    // The history years the table shows cite their notes in its cells.
    const shown = new Set(fiveYearClearance(r).rows.map((row) => row.year));
    for (const [i, h] of r.clearance_history.entries())
      if (h.note !== undefined && shown.has(h.year))
        items.push({ path: ['clearance_history', i, 'note'], text: h.note });
  }
  for (const [i, n] of (t.notes ?? []).entries())
    items.push({ path: [...base, 'notes', i], text: n });
  return items;
}

function blockProse(
  r: ClearingTheMinesReport,
  block: Block,
  path: (string | number)[],
): ProseItem[] {
  if ('p' in block) return [{ path: [...path, 'p'], text: block.p }];
  if ('list' in block) return block.list.map((text, i) => ({ path: [...path, 'list', i], text }));
  if ('table' in block) return tableProse(r, block.table);
  return [];
}

const figureNote = (f: unknown): string | undefined =>
  f !== null && typeof f === 'object' && 'note' in f && typeof f.note === 'string'
    ? f.note
    : undefined;

/**
 * The footnote references of KEY DATA, in the order the box prints them: the deadline, the
 * likelihood of completion, the estimate and its level, each land release figure (row by
 * row, this year then last), AP mines destroyed, the operators.
 */
export function keyDataProse(r: ClearingTheMinesReport): ProseItem[] {
  const items: ProseItem[] = [];
  const add = (path: (string | number)[], text: string | undefined) => {
    if (text !== undefined) items.push({ path, text });
  };
  const a = r.key_data.article5;
  add(['key_data', 'article5', 'note'], a.note);
  if (a.status === 'party') {
    for (const [i, e] of a.extensions.entries())
      add(['key_data', 'article5', 'extensions', i, 'note'], e.note);
    add(['key_data', 'article5', 'completion_declared', 'note'], a.completion_declared?.note);
    add(['key_data', 'article5', 'pending_request', 'note'], a.pending_request?.note);
  }
  add(['key_data', 'likelihood', 'note'], r.key_data.likelihood?.note);
  const c = r.key_data.contamination;
  add(['key_data', 'contamination', 'note'], c.note);
  add(['key_data', 'contamination', 'level_note'], c.level_note);
  for (const field of [
    'clearance_m2',
    'technical_survey_m2',
    'non_technical_survey_m2',
    'mines_destroyed',
  ] as const) {
    for (const year of ['current', 'previous'] as const)
      add(['land_release', year, field, 'note'], figureNote(r.land_release[year][field]));
  }
  for (const [i, text] of r.key_data.main_operators.entries())
    add(['key_data', 'main_operators', i], text);
  return items;
}

/**
 * Every Markdown string in the order the report prints it. Footnotes are numbered in this
 * order, so the templates must print the parts in the same order (a test checks the PDF).
 */
export function proseInDocumentOrder(r: ClearingTheMinesReport): ProseItem[] {
  const items: ProseItem[] = keyDataProse(r);
  for (const [i, text] of r.key_developments.entries())
    items.push({ path: ['key_developments', i], text });
  for (const [i, text] of r.recommendations.entries())
    items.push({ path: ['recommendations', i], text });
  const assessment = assessmentOf(r.performance);
  if (assessment) {
    for (const c of PERFORMANCE_CRITERIA) {
      items.push({
        path: ['performance', c.key, 'commentary'],
        text: assessment[c.key].commentary,
      });
    }
  } else if (r.performance && 'not_applicable' in r.performance) {
    items.push({ path: ['performance', 'not_applicable'], text: r.performance.not_applicable });
  }
  for (const group of [
    'management',
    'national_operators',
    'international_operators',
    'other_actors',
  ] as const) {
    for (const [i, text] of r.capacity[group].entries())
      items.push({ path: ['capacity', group, i], text });
  }
  for (const { block, path } of blocksInOrder(r)) items.push(...blockProse(r, block, path));
  return items;
}

/** Every block of the body with its path, in order. */
export function blocksInOrder(
  r: ClearingTheMinesReport,
): { block: Block; path: (string | number)[] }[] {
  const out: { block: Block; path: (string | number)[] }[] = [];
  for (const [i, s] of r.sections.entries()) {
    for (const [j, block] of s.blocks.entries())
      out.push({ block, path: ['sections', i, 'blocks', j] });
    for (const [k, sub] of s.subsections.entries()) {
      for (const [j, block] of sub.blocks.entries())
        out.push({ block, path: ['sections', i, 'subsections', k, 'blocks', j] });
    }
  }
  return out;
}

export type StructuredTableKey = keyof Tables;
