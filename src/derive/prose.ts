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
    generic.rows.forEach((row, i) =>
      row.forEach((cell, j) => {
        if (typeof cell === 'string') items.push({ path: [...base, 'rows', i, j], text: cell });
      }),
    );
  }
  (t.notes ?? []).forEach((n, i) => items.push({ path: [...base, 'notes', i], text: n }));
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
  r.key_developments.forEach((text, i) => items.push({ path: ['key_developments', i], text }));
  r.recommendations.forEach((text, i) => items.push({ path: ['recommendations', i], text }));
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
    r.capacity[group].forEach((text, i) => items.push({ path: ['capacity', group, i], text }));
  }
  r.sections.forEach((s, i) => {
    s.blocks.forEach((b, j) => items.push(...blockProse(r, b, ['sections', i, 'blocks', j])));
    s.subsections.forEach((sub, k) =>
      sub.blocks.forEach((b, j) =>
        items.push(...blockProse(r, b, ['sections', i, 'subsections', k, 'blocks', j])),
      ),
    );
  });
  return items;
}

/** Every block of the body with its path, in order. */
export function blocksInOrder(
  r: ClearingTheMinesReport,
): { block: Block; path: (string | number)[] }[] {
  const out: { block: Block; path: (string | number)[] }[] = [];
  r.sections.forEach((s, i) => {
    s.blocks.forEach((block, j) => out.push({ block, path: ['sections', i, 'blocks', j] }));
    s.subsections.forEach((sub, k) =>
      sub.blocks.forEach((block, j) =>
        out.push({ block, path: ['sections', i, 'subsections', k, 'blocks', j] }),
      ),
    );
  });
  return out;
}

export type StructuredTableKey = keyof Tables;
