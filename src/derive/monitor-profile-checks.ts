import type { EditionMeta } from '../schema/edition.js';
import type { ExchangeRates } from '../schema/exchange-rates.js';
import { DERIVED_TABLES } from '../schema/monitor-profile.js';
import { noteTexts } from './citations/footnote.js';
import type { Emit, Path } from './emit.js';
import { formatDate, formatInt } from './format.js';
import { outcomeMismatches } from './monitor-profile-casualties.js';
import type { DerivedMonitorSection, MonitorProfileDerived } from './monitor-profile.js';
import { noteRefs, placeholders } from './prose.js';

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
  for (const s of d.sections) {
    checkReferences(s, emit);
    checkTables(s, emit);
    checkNotes(s, rates, emit);
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
      for (const m of outcomeMismatches(s.section.casualty_figures)) {
        const { killed, injured, total } = m.figures;
        emit(
          'warning',
          [...base, 'casualty_figures', ...m.path],
          `${m.group}: killed plus injured is ${formatInt(killed + injured)} (${formatInt(killed)} + ${formatInt(injured)}), but the total is ${formatInt(total)}`,
        );
      }
    }
    if (s.section.last_updated > meta.published) {
      emit(
        'warning',
        [...base, 'last_updated'],
        `last updated ${formatDate(s.section.last_updated)}, after the edition's publication date, ${formatDate(meta.published)} (published in _edition.yaml)`,
      );
    }
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

function checkTables(s: DerivedMonitorSection, emit: Emit): void {
  const base: Path = ['sections', s.key];
  const derived: Record<string, unknown> = {
    casualty_overview: s.section.casualty_figures,
    contributions: s.section.contributions,
    contribution_summary: s.section.contribution_summary,
  };
  const placed = new Set<string>();
  s.section.blocks.forEach((block, i) => {
    if (!('table' in block)) return;
    const key = block.table;
    const path: Path = [...base, 'blocks', i, 'table'];
    const isDerived = key in DERIVED_TABLES;
    if (isDerived && DERIVED_TABLES[key as keyof typeof DERIVED_TABLES] !== s.key) {
      emit(
        'error',
        path,
        `the ${key} table belongs to the ${DERIVED_TABLES[key as keyof typeof DERIVED_TABLES]} section`,
      );
    } else if (isDerived && derived[key] === undefined) {
      const field = key === 'casualty_overview' ? 'casualty_figures' : key;
      emit(
        'error',
        path,
        `the ${key} table is drawn from ${field}, which this section does not give`,
      );
    } else if (!isDerived && !(key in s.section.tables)) {
      const known = Object.keys(s.section.tables);
      emit(
        'error',
        path,
        `no table '${key}' under this section's tables${known.length ? ` (defined: ${known.join(', ')})` : ''}`,
      );
    } else if (placed.has(key)) {
      emit('error', path, `table '${key}' is already placed earlier; a table prints once`);
    }
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
  for (const [key, value] of Object.entries(derived)) {
    if (value !== undefined && !placed.has(key)) {
      const field = key === 'casualty_overview' ? 'casualty_figures' : key;
      emit(
        'warning',
        [...base, field],
        `${field} is given but its table is never placed (add a \`- table: ${key}\` block)`,
        { key: true },
      );
    }
  }
}

function checkNotes(s: DerivedMonitorSection, rates: ExchangeRates | undefined, emit: Emit): void {
  const base: Path = ['sections', s.key];
  for (const [id, note] of Object.entries(s.section.notes)) {
    if (typeof note !== 'object') continue;
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
      if (!rates?.years.some((y) => y.year === year)) {
        emit(
          'error',
          [...base, 'notes', id, 'exchange_rates'],
          `no average exchange rates for ${year} in data/reference/exchange-rates.yaml`,
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
  c.rows.forEach((row, i) => {
    const source = s.section.contributions?.rows[i];
    if (!source) return;
    if (source.amount !== null && source.currency !== null && row.value === undefined) {
      emit(
        'warning',
        [...base, 'rows', i, 'amount'],
        `no US$ value: no average rate for ${source.currency} in ${c.year} is known (data/reference/exchange-rates.yaml) and no published usd is given; the PDF prints a dash`,
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
