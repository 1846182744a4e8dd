import type { ClearingTheMinesReport } from '../schema/report.js';
import { noteTexts } from '../../../derive/citations/footnote.js';
import type { ClearingTheMinesDerived } from './report.js';
import { formatInt, formatM2 } from '../../../derive/format.js';
import {
  blocksInOrder,
  noteRefs,
  placeholders,
  proseInDocumentOrder,
} from '../../../derive/prose.js';
import type { Emit, Path, Where } from '../../../derive/emit.js';
import { checkKeyData } from './check-key-data.js';
import { checkLiteralNoteRefs } from './check-literal-refs.js';
import { reported } from './land-release.js';
import { filled } from '../../../schema/figure.js';
import { checkPercentages } from './check-percentages.js';
import { checkProseFigures } from './check-prose-figures.js';
import { checkTableParts } from './check-table-parts.js';

/** Clearing the Mines' checks of one report: references, placeholders, figures against each other. */
export function checkClearingTheMines(
  r: ClearingTheMinesReport,
  d: ClearingTheMinesDerived,
  emit: Emit,
  where: Where,
): void {
  checkReferences(r, emit);
  checkPlaceholders(r, d.facts, emit);
  checkProseFigures(r, d.contamination, emit, where);
  checkPercentages(r, emit, where);
  checkTableParts(r, emit);
  checkLiteralNoteRefs(r, emit);
  checkKeyData(r, d, emit);

  // Stated totals against their rows.
  for (const key of ['survey_by_district', 'clearance_by_district'] as const) {
    const table = r.tables[key];
    const derived = d.tables[key];
    if (!table?.stated_totals || !derived) continue;
    for (const field of ['areas', 'area_m2', 'mines_destroyed'] as const) {
      const stated = table.stated_totals[field];
      // A total of rows still to fill is unknown: it compares with nothing.
      const sum = derived.totals[field]?.value;
      if (stated !== undefined && sum !== undefined && stated !== sum) {
        const fmt = field === 'area_m2' ? formatM2 : formatInt;
        emit(
          'warning',
          ['tables', key, 'stated_totals', field],
          `the published total is ${fmt(stated)} but the rows sum to ${fmt(sum)}; the PDF prints ${fmt(sum)}`,
        );
      }
    }
  }

  // Summary figures against the tables that break them down.
  const summaries = [
    { key: 'clearance_by_district', summary: 'clearance_m2', what: 'cleared' },
    {
      key: 'survey_by_district',
      summary: 'technical_survey_m2',
      what: 'reduced through technical survey',
    },
  ] as const;
  for (const s of summaries) {
    const derived = d.tables[s.key];
    if (!derived) continue;
    const summary = reported(r.land_release.current[s.summary]).value;
    const rows = derived.totals.area_m2.value;
    if (summary !== undefined && rows !== undefined && rows !== summary) {
      const other: Path = ['land_release', 'current', s.summary];
      emit(
        'warning',
        ['tables', s.key, 'rows'],
        `the rows sum to ${formatM2(rows)} ${s.what}, but ${where(other)} says ${formatM2(summary)}`,
      );
    }
  }
  const clearance = d.tables.clearance_by_district;
  const stated = d.mines.current.value;
  const inRows = clearance?.totals.mines_destroyed?.value;
  if (inRows !== undefined && stated !== undefined) {
    if (inRows > stated) {
      const other: Path = ['land_release', 'current', 'mines_destroyed'];
      emit(
        'warning',
        ['tables', 'clearance_by_district', 'rows'],
        `the rows count ${formatInt(inRows)} AP mines destroyed in clearance, more than the ${formatInt(stated)} of ${where(other)}`,
      );
    }
  }
  const c = r.key_data.contamination;
  // An estimate or a table total still to fill compares with nothing.
  const estimate = c.kind === 'area' ? filled(c.area_m2) : undefined;
  const tablesTotal = d.tables.contamination_by_type?.totals.area_m2.value;
  if (estimate !== undefined && tablesTotal !== undefined && tablesTotal !== estimate) {
    emit(
      'warning',
      ['key_data', 'contamination', 'area_m2'],
      `KEY DATA gives ${formatM2(estimate)} but the contamination tables total ${formatM2(tablesTotal)} (${where(['tables', 'contamination_by_type'])})`,
    );
  }
}

function checkReferences(r: ClearingTheMinesReport, emit: Emit): void {
  const cited = new Set<string>();
  for (const item of proseInDocumentOrder(r)) {
    for (const id of noteRefs(item.text)) {
      if (!(id in r.notes))
        emit('error', item.path, `cites footnote [^${id}], which is not defined under notes`);
      else if (cited.has(id))
        emit(
          'error',
          item.path,
          `cites footnote [^${id}] a second time; a note is cited once (write a new note, e.g. "Ibid.")`,
        );
      cited.add(id);
    }
  }
  for (const id of Object.keys(r.notes)) {
    if (!cited.has(id))
      emit('warning', ['notes', id], 'footnote is defined but never cited', { key: true });
    for (const inner of noteTexts(r.notes[id] ?? '').flatMap(noteRefs))
      emit('error', ['notes', id], `a footnote cannot cite another footnote ([^${inner}])`);
  }
  const placed = new Set<string>();
  for (const { block, path } of blocksInOrder(r)) {
    if (!('table' in block)) continue;
    const key = block.table;
    if (!(key in r.tables && r.tables[key as keyof typeof r.tables]) && !(key in r.other_tables)) {
      const known = [...Object.keys(r.tables), ...Object.keys(r.other_tables)];
      emit(
        'error',
        [...path, 'table'],
        `no table '${key}' under tables or other_tables${known.length ? ` (defined: ${known.join(', ')})` : ''}`,
      );
    } else if (placed.has(key)) {
      emit(
        'error',
        [...path, 'table'],
        `table '${key}' is already placed earlier; a table prints once`,
      );
    }
    placed.add(key);
  }
  for (const key of [...Object.keys(r.tables), ...Object.keys(r.other_tables)]) {
    if (!placed.has(key)) {
      emit(
        'warning',
        [key in r.tables ? 'tables' : 'other_tables', key],
        `table is defined but never placed in sections (add a \`- table: ${key}\` block)`,
        { key: true },
      );
    }
  }
}

function checkPlaceholders(
  r: ClearingTheMinesReport,
  facts: Map<string, string>,
  emit: Emit,
): void {
  for (const item of proseInDocumentOrder(r)) {
    for (const name of placeholders(item.text)) {
      if (!facts.has(name)) {
        emit(
          'error',
          item.path,
          `unknown derived value {=${name}}; known: ${[...facts.keys()].filter((k) => !k.includes('|')).join(', ')}`,
        );
      }
    }
  }
}
