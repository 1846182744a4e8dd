import type { Block, ClearingTheMinesReport, Tables } from '../schema/clearing-the-mines.js';
import { PERFORMANCE_CRITERIA } from '../schema/clearing-the-mines.js';

/** One Markdown string of the report, with the field path it came from. */
export interface ProseItem {
  path: (string | number)[];
  text: string;
}

export const NOTE_REF = /\[\^([A-Za-z0-9][A-Za-z0-9_.-]*)\]/g;
export const PLACEHOLDER = /\{=([a-z][a-z0-9_]*(?::[a-z][a-z0-9_]*)?)\}/g;

export function noteRefs(text: string): string[] {
  return [...text.matchAll(NOTE_REF)].map((m) => m[1] as string);
}

export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

function tableProse(r: ClearingTheMinesReport, key: string): ProseItem[] {
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

/**
 * Every Markdown string in the order the report prints it. Footnotes are numbered in this
 * order, so the templates must print the parts in the same order (a test checks the PDF).
 */
export function proseInDocumentOrder(r: ClearingTheMinesReport): ProseItem[] {
  const items: ProseItem[] = [];
  for (const [i, text] of r.key_developments.entries())
    items.push({ path: ['key_developments', i], text });
  for (const [i, text] of r.recommendations.entries())
    items.push({ path: ['recommendations', i], text });
  if (r.performance) {
    for (const c of PERFORMANCE_CRITERIA) {
      items.push({
        path: ['performance', c.key, 'commentary'],
        text: r.performance[c.key].commentary,
      });
    }
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
