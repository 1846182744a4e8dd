import type { EditionMeta } from '../../../schema/edition.js';
import type { ExchangeRates } from '../../../schema/exchange-rates.js';
import { DERIVED_TABLE_SOURCE, DERIVED_TABLES, type DerivedTableKey } from '../schema/report.js';
import { noteTexts } from '../../../derive/citations/footnote.js';
import { citationsOf, monitorCitationWarnings } from './citation-fields.js';
import type { Emit, Path } from '../../../derive/emit.js';
import { formatDate, formatInt } from '../../../derive/format.js';
import { casualtyMismatches } from './casualties.js';
import type { DerivedMonitorSection, MonitorProfileDerived } from './report.js';
import { landReleaseMismatches } from './mine-action.js';
import { retainedMismatches, TREATIES } from './treaty.js';
import { noteRefs, placeholders } from '../../../derive/prose.js';
import { filled } from '../../../schema/figure.js';

/**
 * Checks of a Monitor country profile after the cascade: each section's references resolve
 * within the section (errors), and figures agree (warnings): killed plus injured equals each
 * casualty total, published US$ values and totals match what the rates and rows give, and a
 * note whose text the source lost is reported. Paths start at the report root; the caller
 * locates each in the file the section came from.
 */
export function checkMonitorProfile(
  d: MonitorProfileDerived,
  meta: Pick<EditionMeta, 'published'>,
  rates: ExchangeRates | undefined,
  emit: Emit,
): void {
  if (d.sections.length === 0) {
    emit(
      'error',
      ['sections'],
      'the profile has no section to print: this file updates none, and no earlier edition supplies one',
    );
  }
  checkDeadlinesAgainstStatus(d, emit);
  for (const s of d.sections) {
    checkReferences(s, emit);
    checkTables(s, emit);
    checkNotes(s, emit);
    checkStatedRates(s, rates, emit);
    checkMoney(s, emit);
    const base: Path = ['sections', s.key];
    for (const item of s.prose) {
      for (const name of placeholders(item.text)) {
        if (!d.facts.has(name))
          emit(
            'error',
            item.path,
            `unknown derived value {=${name}}; known: ${[...d.facts.keys()].join(', ') || 'none'}`,
          );
      }
    }
    if (s.section.casualty_figures) {
      for (const m of casualtyMismatches(s.section.casualty_figures))
        emit('warning', [...base, 'casualty_figures', ...m.path], m.message);
    }
    const retained = s.section.treaty?.retained;
    if (retained && s.treaty) {
      for (const m of retainedMismatches(retained, TREATIES[s.treaty.key].items))
        emit('warning', [...base, 'treaty', 'retained', m.index, 'balance'], m.message);
    }
    checkNumberColumns(s, emit);
    for (const m of landReleaseMismatches(s.section.land_release ?? []))
      emit('warning', [...base, 'land_release', m.index, 'stated_total_km2'], m.message);
    // A publication date still to fill compares with nothing.
    const published = filled(meta.published);
    const updated = filled(s.section.last_updated);
    if (published !== undefined && updated !== undefined && updated > published) {
      emit(
        'warning',
        [...base, 'last_updated'],
        `last updated ${formatDate(updated)}, after the edition's publication date, ${formatDate(published)} (published in _edition.yaml)`,
      );
    }
  }
}

/** The Mine Action section's deadline and the policy section's treaty status tell one story. */
function checkDeadlinesAgainstStatus(d: MonitorProfileDerived, emit: Emit): void {
  const section = (key: string) => d.sections.find((s) => s.key === key)?.section;
  const action = section('mine_action');
  for (const [deadline, policy, treaty] of [
    ['article5', 'mine_ban_policy', 'Mine Ban Treaty'],
    ['article4', 'cluster_munition_ban_policy', 'Convention on Cluster Munitions'],
  ] as const) {
    const status = section(policy)?.treaty?.status;
    const d5 = action?.[deadline];
    if (!status || !d5) continue;
    if ((status === 'state_party') !== (d5.status === 'party'))
      emit(
        'warning',
        ['sections', 'mine_action', deadline, 'status'],
        `${deadline} says ${d5.status}, but ${policy}.treaty says ${status.replace('_', ' ')}: a ${treaty} deadline applies to a State Party only`,
      );
  }
}

function checkReferences(s: DerivedMonitorSection, emit: Emit): void {
  const base: Path = ['sections', s.key];
  const cited = new Set<string>();
  for (const item of s.prose) {
    for (const id of noteRefs(item.text)) {
      if (!(id in s.section.notes))
        emit(
          'error',
          item.path,
          `cites footnote [^${id}], which is not defined under this section's notes`,
        );
      else if (cited.has(id))
        emit(
          'error',
          item.path,
          `cites footnote [^${id}] a second time; a note is cited once (write a new note, e.g. "Ibid.")`,
        );
      cited.add(id);
    }
  }
  for (const [id, note] of Object.entries(s.section.notes)) {
    if (!cited.has(id))
      emit(
        'warning',
        [...base, 'notes', id],
        'footnote is defined but never cited in its section',
        { key: true },
      );
    const texts =
      typeof note === 'string' || 'cite' in note || 'parts' in note ? noteTexts(note) : [];
    for (const inner of texts.flatMap(noteRefs))
      emit(
        'error',
        [...base, 'notes', id],
        `a footnote cannot cite another footnote ([^${inner}])`,
      );
  }
}

/** The section data each derived table is drawn from, if the section gives it. */
function derivedSources(s: DerivedMonitorSection): Record<DerivedTableKey, unknown> {
  return {
    treaty_status: s.section.treaty,
    retained: s.section.treaty?.retained,
    mine_action_figures: s.mineAction,
    land_release: s.section.land_release,
    casualty_overview: s.section.casualty_figures,
    casualties_by_year: s.section.casualty_figures,
    contributions: s.section.contributions,
    contribution_summary: s.section.contribution_summary,
  };
}

function derivedTableProblem(
  s: DerivedMonitorSection,
  key: DerivedTableKey,
  sources: Record<DerivedTableKey, unknown>,
): string | undefined {
  const owners: readonly string[] = DERIVED_TABLES[key];
  if (!owners.includes(s.key))
    return `the ${key} table belongs to the ${owners.join(' or ')} section`;
  if (sources[key] === undefined)
    return `the ${key} table is drawn from ${DERIVED_TABLE_SOURCE[key]}, which this section does not give`;
  return undefined;
}

/** Where to say a derived table's data is given but printed nowhere: its first field present. */
function givenField(s: DerivedMonitorSection, key: DerivedTableKey): string {
  if (key === 'mine_action_figures' || key === 'land_release') {
    const fields = ['contamination', 'land_release', 'article5', 'article4'] as const;
    return fields.find((f) => s.section[f] !== undefined) ?? 'land_release';
  }
  return DERIVED_TABLE_SOURCE[key].split('.')[0] as string;
}

function checkTables(s: DerivedMonitorSection, emit: Emit): void {
  const base: Path = ['sections', s.key];
  const sources = derivedSources(s);
  const placed = new Set<string>();
  s.section.blocks.forEach((block, i) => {
    if (!('table' in block)) return;
    const key = block.table;
    const path: Path = [...base, 'blocks', i, 'table'];
    const problem =
      key in DERIVED_TABLES
        ? derivedTableProblem(s, key as DerivedTableKey, sources)
        : key in s.section.tables
          ? undefined
          : `no table '${key}' under this section's tables${Object.keys(s.section.tables).length ? ` (defined: ${Object.keys(s.section.tables).join(', ')})` : ''}`;
    if (problem) emit('error', path, problem);
    else if (placed.has(key))
      emit('error', path, `table '${key}' is already placed earlier; a table prints once`);
    placed.add(key);
  });
  for (const key of Object.keys(s.section.tables)) {
    if (!placed.has(key))
      emit(
        'warning',
        [...base, 'tables', key],
        `table is defined but never placed (add a \`- table: ${key}\` block)`,
        { key: true },
      );
  }
  // A derived table's data given but printed nowhere: one warning per field, at the field.
  const fields = new Map<string, string[]>();
  for (const [key, value] of Object.entries(sources)) {
    const owners: readonly string[] = DERIVED_TABLES[key as DerivedTableKey];
    if (value === undefined || !owners.includes(s.key)) continue;
    const field = givenField(s, key as DerivedTableKey);
    fields.set(field, [...(fields.get(field) ?? []), key]);
  }
  for (const [field, keys] of fields) {
    if (keys.some((k) => placed.has(k))) continue;
    emit(
      'warning',
      [...base, field],
      `${field} is given but its table is never placed (add a \`- table: ${keys[0]}\` block)`,
      { key: true },
    );
  }
}

/** Text typed in a number or year column is printed as typed, unaligned and unchecked: say so. */
function checkNumberColumns(s: DerivedMonitorSection, emit: Emit): void {
  for (const [key, t] of Object.entries(s.section.tables)) {
    for (const [i, row] of t.rows.entries())
      for (const [j, cell] of row.entries()) {
        const column = t.columns[j];
        if (typeof cell !== 'string' || !column || column.type === 'text') continue;
        emit(
          'warning',
          ['sections', s.key, 'tables', key, 'rows', i, j],
          `text "${cell}" in ${column.label === null ? `column ${j + 1}` : `the ${column.type} column "${column.label}"`}: write a number (null where the source lost it), or make the column type: text`,
        );
      }
  }
}

/** Rates a profile states are for a year the reference does not list. */
function checkStatedRates(
  s: DerivedMonitorSection,
  rates: ExchangeRates | undefined,
  emit: Emit,
): void {
  const c = s.section.contributions;
  if (c?.stated_rates && rates?.years.some((y) => y.year === c.year))
    emit(
      'warning',
      ['sections', s.key, 'contributions', 'stated_rates'],
      `data/reference/exchange-rates.yaml already lists the ${c.year} rates; these are not used`,
      { key: true },
    );
}

function checkNotes(s: DerivedMonitorSection, emit: Emit): void {
  const rates = s.rates;
  const base: Path = ['sections', s.key];
  for (const [id, note] of Object.entries(s.section.notes)) {
    if (typeof note !== 'object') continue;
    if ('cite' in note || 'parts' in note) {
      for (const { cite, path } of citationsOf(note))
        for (const w of monitorCitationWarnings(cite))
          emit('warning', [...base, 'notes', id, ...path, w.field], w.message);
    }
    const n = s.noteNumbers.get(id);
    if ('text_not_available' in note) {
      emit(
        'warning',
        [...base, 'notes', id],
        `the text of footnote ${n === undefined ? `[^${id}]` : `[${n}]`} is not available (lost in the source); the PDF prints "Text not available."`,
      );
    }
    if ('exchange_rates' in note) {
      const year = note.exchange_rates;
      if (!rates.years.some((y) => y.year === year)) {
        emit(
          'error',
          [...base, 'notes', id, 'exchange_rates'],
          `no average exchange rates for ${year} in data/reference/exchange-rates.yaml (or stated_rates of the contributions)`,
        );
      } else if (s.contributions && s.contributions.year !== year) {
        emit(
          'warning',
          [...base, 'notes', id, 'exchange_rates'],
          `gives the rates of ${year}, but the contributions are for ${s.contributions.year}`,
        );
      }
    }
  }
}

function checkMoney(s: DerivedMonitorSection, emit: Emit): void {
  const c = s.contributions;
  if (!c) return;
  const base: Path = ['sections', s.key, 'contributions'];
  const warned = new Set<string>();
  c.rows.forEach((row, i) => {
    const source = s.section.contributions?.rows[i];
    if (!source) return;
    const currency = source.currency;
    if (source.amount !== null && currency !== null && !row.value && !warned.has(currency)) {
      warned.add(currency);
      emit(
        'warning',
        [...base, 'rows', i, 'amount'],
        `no US$ value for ${currency}: no average rate for ${c.year} is known (add it to data/reference/exchange-rates.yaml with its source, or give the published usd); the PDF prints a dash and says so once under the table`,
      );
    }
    if (
      source.usd !== undefined &&
      row.value &&
      row.value.from !== 'stated' &&
      Math.round(row.value.usd) !== Math.round(source.usd)
    ) {
      emit(
        'warning',
        [...base, 'rows', i, 'usd'],
        `the published US$${formatInt(source.usd)} differs from US$${formatInt(row.value.usd)} at the ${c.year} average rate; the PDF prints the derived value`,
      );
    }
  });
  const stated = s.section.contributions?.stated_total_usd;
  if (
    stated !== undefined &&
    c.rowsTotal !== undefined &&
    Math.round(stated) !== Math.round(c.rowsTotal)
  ) {
    emit(
      'warning',
      [...base, 'stated_total_usd'],
      `the published total is US$${formatInt(stated)} but the rows sum to US$${formatInt(c.rowsTotal)}; the PDF prints US$${formatInt(c.rowsTotal)}`,
    );
  }
  s.section.contribution_summary?.years.forEach((y, i) => {
    if (y.year === c.year) {
      emit(
        'warning',
        ['sections', s.key, 'contribution_summary', 'years', i, 'year'],
        `${y.year} comes from the contributions table's total; this entry is not printed`,
      );
    }
  });
}
