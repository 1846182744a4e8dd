import { isMap, isScalar, isSeq, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Migration } from '../../../schema/migration.js';

/**
 * Monitor profiles, version 1 -> 2. Casualty key figures become casualties by year: the
 * year's and the year before's figures (`in_year`, `previous_year`) move into `annual`, where
 * more years, unknown outcomes and "not available" years can be written. A written-out
 * table's column says its type (`type: number`, or `year`, which prints 2020 and not 2,020)
 * instead of `numeric: true`.
 */

const CASUALTIES = ['sections', 'casualties_and_victim_assistance', 'casualty_figures'];

function moveToAnnual(doc: Document): void {
  const figures = doc.getIn(CASUALTIES, true);
  if (!isMap(figures)) return;
  const year = figures.get('year');
  const inYear = figures.get('in_year', true);
  const before = figures.get('previous_year', true);
  if (typeof year !== 'number' || !isMap(inYear)) return;
  const entry = (y: number, outcomes: YAMLMap) => {
    const node = doc.createNode({ year: y, ...(outcomes.toJSON() as Record<string, unknown>) });
    node.flow = outcomes.flow ?? false;
    return node;
  };
  const annual = doc.createNode([]) as YAMLSeq;
  if (isMap(before)) annual.items.push(entry(year - 1, before));
  annual.items.push(entry(year, inYear));
  const pair = figures.items.find((p) => isScalar(p.key) && p.key.value === 'in_year');
  if (!pair || !isScalar(pair.key)) return;
  pair.key.value = 'annual';
  // A comment written above in_year is about the figures: it stays above them.
  annual.commentBefore = inYear.commentBefore;
  pair.value = annual;
  figures.delete('previous_year');
}

function typeColumns(doc: Document): void {
  const sections = doc.get('sections', true);
  if (!isMap(sections)) return;
  for (const section of sections.items) {
    const tables = isMap(section.value) ? section.value.get('tables', true) : undefined;
    if (!isMap(tables)) continue;
    for (const table of tables.items) {
      const columns = isMap(table.value) ? table.value.get('columns', true) : undefined;
      if (!isSeq(columns)) continue;
      for (const column of columns.items) {
        if (!isMap(column)) continue;
        const pair = column.items.find((p) => isScalar(p.key) && p.key.value === 'numeric');
        if (!pair || !isScalar(pair.key) || !isScalar(pair.value)) continue;
        if (pair.value.value === true) {
          pair.key.value = 'type';
          pair.value.value = 'number';
        } else column.delete('numeric');
      }
    }
  }
}

export const MONITOR_PROFILE_2: Migration = {
  from: 1,
  summary:
    'casualty_figures.in_year and previous_year move into casualty_figures.annual; table columns say `type: number` instead of `numeric: true`',
  up(doc) {
    moveToAnnual(doc);
    typeColumns(doc);
  },
};
