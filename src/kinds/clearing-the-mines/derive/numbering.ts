import type { ClearingTheMinesReport } from '../schema/report.js';
import { noteRefs } from '../../../derive/prose.js';
import { blocksInOrder, proseInDocumentOrder } from './prose.js';

/** Footnote numbers 1..N in the order of first citation. */
export function numberNotes(r: ClearingTheMinesReport): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const item of proseInDocumentOrder(r)) {
    for (const id of noteRefs(item.text)) {
      if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
    }
  }
  return numbers;
}

/** Table and figure numbers in the order the body places them. */
export function numberTablesAndFigures(r: ClearingTheMinesReport): {
  tables: Map<string, number>;
  figures: Map<string, number>;
} {
  const tables = new Map<string, number>();
  const figures = new Map<string, number>();
  for (const { block } of blocksInOrder(r)) {
    if ('table' in block && !tables.has(block.table)) tables.set(block.table, tables.size + 1);
    if ('chart' in block && !figures.has(block.chart)) figures.set(block.chart, figures.size + 1);
  }
  return { tables, figures };
}
