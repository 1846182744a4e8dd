import type { Footnote } from '../../../schema/citation.js';
import type { ExchangeRates } from '../../../schema/exchange-rates.js';
import {
  isWithdrawn,
  MONITOR_SECTIONS,
  type AnyMonitorSection,
  type MonitorBlock,
  type MonitorNote,
  type MonitorProfileReport,
  type MonitorSectionKey,
} from '../schema/report.js';
import { formatMonitorNotes } from './citations.js';
import { formatCountWord } from '../../../derive/format.js';
import { casualtyFacts, casualtyRows, type CasualtyRow } from './casualties.js';
import {
  deriveContributions,
  deriveContributionSummary,
  formatAmount,
  formatContribution,
  rateNoteText,
  withStatedRates,
  type DerivedContributions,
  type SummaryRow,
} from './money.js';
import { type FigureRow, mineActionFacts, mineActionRows } from './mine-action.js';
import { treatyFacts, treatyRows, type TreatyKey, type TreatyRow } from './treaty.js';
import { noteRefs, type ProseItem } from '../../../derive/prose.js';

/**
 * Everything a Monitor country profile computes: per section, its footnote numbers ([1],
 * [2]... afresh in each section) and the notes as printed in the Monitor's citation style;
 * the money tables in US$; the casualty key figures; and the values prose may name.
 */

export const TEXT_NOT_AVAILABLE = '*Text not available.*';

export interface DerivedNote {
  id: string;
  n: number;
  /** The note as printed, in keydata Markdown. */
  markdown: string;
  /** The source lost the note's text. */
  unavailable: boolean;
}

export interface DerivedMonitorSection {
  key: MonitorSectionKey;
  heading: string;
  section: AnyMonitorSection;
  /** Every Markdown string of the section in print order, with its path from the report root. */
  prose: ProseItem[];
  noteNumbers: Map<string, number>;
  notes: DerivedNote[];
  /** The reference rates, with any the section's contributions state for their year. */
  rates: ExchangeRates;
  contributions: DerivedContributions | undefined;
  summary: { rows: SummaryRow[]; total: number | undefined } | undefined;
  casualties: CasualtyRow[] | undefined;
  /** A policy section's treaty key facts. */
  treaty: { key: TreatyKey; rows: TreatyRow[] } | undefined;
  /** The Mine Action section's key figures: contamination, land release, deadlines. */
  mineAction: FigureRow[] | undefined;
}

/** The treaty each policy section reports on. */
export const SECTION_TREATY: Partial<Record<MonitorSectionKey, TreatyKey>> = {
  mine_ban_policy: 'mbt',
  cluster_munition_ban_policy: 'ccm',
};

const EMPTY_RATES: ExchangeRates = { schema_version: 1, years: [] };

/** The sections present after the cascade, in the order printed. */
export function presentSections(
  r: MonitorProfileReport,
): { key: MonitorSectionKey; heading: string; section: AnyMonitorSection }[] {
  return MONITOR_SECTIONS.flatMap(({ key, heading }) => {
    const s = r.sections[key];
    return s === undefined || isWithdrawn(s)
      ? []
      : [{ key, heading, section: s as AnyMonitorSection }];
  });
}

function blockProse(
  s: AnyMonitorSection,
  block: MonitorBlock,
  base: (string | number)[],
  path: (string | number)[],
): ProseItem[] {
  if ('p' in block) return [{ path: [...path, 'p'], text: block.p }];
  if ('list' in block) return block.list.map((text, i) => ({ path: [...path, 'list', i], text }));
  if (!('table' in block)) return [];
  const key = block.table;
  if (key === 'treaty_status' && s.treaty?.conduct) {
    const conduct = s.treaty.conduct;
    return (['use', 'production', 'stockpile', 'transfer'] as const).flatMap((field) => {
      const text = conduct[field];
      return text ? [{ path: [...base, 'treaty', 'conduct', field], text }] : [];
    });
  }
  if (key === 'contributions' && s.contributions)
    return [{ path: [...base, 'contributions', 'caption'], text: s.contributions.caption }];
  if (key === 'contribution_summary' && s.contribution_summary) {
    return [
      { path: [...base, 'contribution_summary', 'caption'], text: s.contribution_summary.caption },
    ];
  }
  const t = s.tables[key];
  if (!t) return [];
  const items: ProseItem[] = t.caption
    ? [{ path: [...base, 'tables', key, 'caption'], text: t.caption }]
    : [];
  for (const [i, row] of t.rows.entries()) {
    for (const [j, cell] of row.entries()) {
      if (typeof cell === 'string')
        items.push({ path: [...base, 'tables', key, 'rows', i, j], text: cell });
    }
  }
  for (const [i, text] of (t.notes ?? []).entries())
    items.push({ path: [...base, 'tables', key, 'notes', i], text });
  return items;
}

/** A section's Markdown in print order: footnotes are numbered in this order. */
export function sectionProse(key: MonitorSectionKey, s: AnyMonitorSection): ProseItem[] {
  const base = ['sections', key];
  return s.blocks.flatMap((b, i) => blockProse(s, b, base, [...base, 'blocks', i]));
}

/** Footnote numbers 1..N in the order the section first cites them. */
export function numberSectionNotes(prose: readonly ProseItem[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const item of prose)
    for (const id of noteRefs(item.text)) if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
  return numbers;
}

/** A Monitor note as a footnote to print: a rate note from the reference data, a lost note. */
export function resolveNote(
  note: MonitorNote,
  rates: ExchangeRates,
  contributions: DerivedContributions | undefined,
): Footnote {
  if (typeof note === 'object' && 'text_not_available' in note) return TEXT_NOT_AVAILABLE;
  if (typeof note === 'object' && 'exchange_rates' in note) {
    const year = rates.years.find((y) => y.year === note.exchange_rates);
    if (!year) return TEXT_NOT_AVAILABLE;
    const used =
      contributions?.year === year.year ? contributions.currencies.map((c) => c.currency) : [];
    const text = rateNoteText(
      year,
      used.length > 0 ? used : year.rates.map((r) => r.currency).sort(),
    );
    return text ? { parts: [{ text }, { cite: year.source }] } : TEXT_NOT_AVAILABLE;
  }
  return note;
}

export const donorKey = (donor: string): string =>
  donor
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

function supportFacts(c: DerivedContributions): Map<string, string> {
  const f = new Map<string, string>();
  f.set('contributions_year', String(c.year));
  f.set(
    'donor_count',
    formatCountWord(new Set(c.rows.map((r) => r.donor ?? `?${c.rows.indexOf(r)}`)).size),
  );
  if (c.total) f.set('contributions_total', formatAmount(c.total.usd, 'USD'));
  for (const row of c.rows) {
    if (row.donor === null || row.amount === null || row.currency === null) continue;
    f.set(
      `contribution:${donorKey(row.donor)}`,
      formatContribution(row.amount, row.currency, row.value?.usd),
    );
  }
  return f;
}

export function deriveMonitorProfile(r: MonitorProfileReport, rates: ExchangeRates = EMPTY_RATES) {
  const facts = new Map<string, string>();
  const sections: DerivedMonitorSection[] = presentSections(r).map(
    ({ key, heading, section: s }) => {
      const prose = sectionProse(key, s);
      const noteNumbers = numberSectionNotes(prose);
      const sectionRates = withStatedRates(rates, s.contributions);
      const contributions = s.contributions && deriveContributions(s.contributions, sectionRates);
      const summary =
        s.contribution_summary && deriveContributionSummary(s.contribution_summary, contributions);
      if (contributions) for (const [k, v] of supportFacts(contributions)) facts.set(k, v);
      if (s.casualty_figures)
        for (const [k, v] of casualtyFacts(s.casualty_figures)) facts.set(k, v);
      const treatyKey = SECTION_TREATY[key];
      if (s.treaty && treatyKey)
        for (const [k, v] of treatyFacts(s.treaty, treatyKey)) facts.set(k, v);
      for (const [k, v] of mineActionFacts(s)) facts.set(k, v);
      const figures = mineActionRows(s);
      const ids = [...noteNumbers.keys()].filter((id) => s.notes[id] !== undefined);
      const printed = formatMonitorNotes(
        ids.map((id) => resolveNote(s.notes[id] as MonitorNote, sectionRates, contributions)),
      );
      const notes = ids.map((id, i) => {
        const note = s.notes[id];
        const unavailable = typeof note === 'object' && 'text_not_available' in note;
        return { id, n: noteNumbers.get(id) as number, markdown: printed[i] ?? '', unavailable };
      });
      return {
        key,
        heading,
        section: s,
        prose,
        noteNumbers,
        notes,
        rates: sectionRates,
        contributions,
        summary,
        casualties: s.casualty_figures && casualtyRows(s.casualty_figures),
        treaty:
          s.treaty && treatyKey
            ? { key: treatyKey, rows: treatyRows(s.treaty, treatyKey) }
            : undefined,
        mineAction: figures.length > 0 ? figures : undefined,
      };
    },
  );
  return { sections, facts };
}
export type MonitorProfileDerived = ReturnType<typeof deriveMonitorProfile>;
