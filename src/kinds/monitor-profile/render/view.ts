import { formatDate } from '../../../derive/format.js';
import { reviewView } from '../../../derive/review.js';
import type { DerivedMonitorSection, MonitorProfileDerived } from '../derive/report.js';
import type { EditionMeta } from '../../../schema/edition.js';
import type { MonitorBlock, MonitorProfileReport } from '../schema/report.js';
import type { ExportTable, ReportExports } from '../../../render/exports.js';
import { renderInline } from '../../../render/markdown.js';
import {
  alignHead,
  casualtiesByYearTable,
  casualtyTable,
  contributionsTable,
  retainedTable,
  treatyTable,
  genericTable,
  landReleaseTable,
  mineActionTable,
  summaryTable,
  type MonitorTableView,
} from './tables.js';
import { slug } from '../../../render/slug.js';
import { publishedHtml, toFillMark } from '../../../render/to-fill-mark.js';
import { toFillEdition, type ToFill } from '../../../schema/figure.js';
import { escapeHtml } from '../../../render/table-view.js';

export type MonitorBlockView =
  | { p: string }
  | { list: string[] }
  | { subheading: { id: string; text: string } }
  | { table: MonitorTableView };

export interface MonitorSectionView {
  id: string;
  heading: string;
  /** "Last updated" (HTML, escaped): the date, or the mark while still to fill. */
  updatedHtml: string;
  /** The date as written in the data (YYYY-MM-DD), '' while still to fill: the site's index sorts by it. */
  updatedSort: string;
  /** Where an inherited section comes from, e.g. "2014 edition"; undefined for this edition's own. */
  inheritedFrom: string | undefined;
  blocks: MonitorBlockView[];
  /** refId: the note's reference in the text, which the note's number links back to. */
  notes: { id: string; refId: string; n: number; html: string; unavailable: boolean }[];
}

export const SERIES = 'Landmine and Cluster Munition Monitor';

/** The Monitor dates its sections with a two-digit day: "02 October 2012". */
export function lastUpdated(iso: string): string {
  return formatDate(iso).replace(/^(\d) /, '0$1 ');
}

/** The "Last updated" date as printed (HTML), or the mark while it is still to fill. */
function lastUpdatedHtml(date: string | ToFill): string {
  const edition = toFillEdition(date);
  return edition === undefined ? escapeHtml(lastUpdated(date as string)) : toFillMark(edition);
}

function sectionView(
  s: DerivedMonitorSection,
  facts: ReadonlyMap<string, string>,
  inheritedFrom: string | undefined,
): MonitorSectionView {
  const id = slug(s.heading);
  const env = {
    noteNumbers: s.noteNumbers,
    facts,
    sectionNotes: { idPrefix: `${id}-` },
    curlyQuotes: true,
  };
  const md = (text: string) => renderInline(text, env);
  const used = new Set<string>();
  const subId = (text: string) => {
    let candidate = `${id}-${slug(text)}`;
    for (let i = 2; used.has(candidate); i++) candidate = `${id}-${slug(text)}-${i}`;
    used.add(candidate);
    return candidate;
  };
  const table = (key: string): MonitorTableView | undefined => {
    const tid = `${id}-table-${key.replace(/_/g, '-')}`;
    if (key === 'casualty_overview') return casualtyTable(tid, s);
    if (key === 'casualties_by_year') return casualtiesByYearTable(tid, s.section.casualty_figures);
    if (key === 'treaty_status') return treatyTable(tid, s, md);
    if (key === 'retained') return retainedTable(tid, s);
    if (key === 'mine_action_figures') return mineActionTable(tid, s);
    if (key === 'land_release') return landReleaseTable(tid, s);
    if (key === 'contributions') return contributionsTable(tid, s, md);
    if (key === 'contribution_summary') return summaryTable(tid, s, md);
    const t = s.section.tables[key];
    return t && genericTable(tid, t, md);
  };
  const block = (b: MonitorBlock): MonitorBlockView[] => {
    if ('p' in b) return [{ p: md(b.p) }];
    if ('list' in b) return [{ list: b.list.map(md) }];
    if ('heading' in b) return [{ subheading: { id: subId(b.heading), text: b.heading } }];
    const t = table(b.table);
    return t ? [{ table: alignHead(t) }] : [];
  };
  return {
    id,
    heading: s.heading,
    updatedHtml: lastUpdatedHtml(s.section.last_updated),
    updatedSort:
      toFillEdition(s.section.last_updated) === undefined ? String(s.section.last_updated) : '',
    inheritedFrom,
    blocks: s.section.blocks.flatMap(block),
    notes: s.notes.map((n) => ({
      id: `${id}-note-${n.n}`,
      refId: `${id}-note-ref-${n.n}`,
      n: n.n,
      html: md(n.markdown),
      unavailable: n.unavailable,
    })),
  };
}

/**
 * Everything the Monitor profile templates print, derived, formatted and escaped. Each
 * section says when it was last updated, and, when it comes from an earlier edition, which.
 */
export function buildMonitorProfileView(
  r: MonitorProfileReport,
  d: MonitorProfileDerived,
  meta: EditionMeta,
  editionOf: (key: string) => number | undefined,
) {
  const sections = d.sections.map((s) => {
    const from = editionOf(s.key);
    return sectionView(
      s,
      d.facts,
      from !== undefined && from !== meta.edition ? `${from} edition` : undefined,
    );
  });
  // Each table for export as <country>.<section>.<table>.csv (table keys are per section).
  const tables: ExportTable[] = d.sections.flatMap((s, i) => {
    const prefix = `${sections[i]?.id ?? ''}-table-`;
    return (sections[i]?.blocks ?? []).flatMap((b) =>
      'table' in b && b.table.id.startsWith(prefix)
        ? [
            {
              name: `${s.key}.${b.table.id.slice(prefix.length).replace(/-/g, '_')}`,
              head: b.table.head,
              body: b.table.body,
            },
          ]
        : [],
    );
  });
  const exports: ReportExports = { tables, charts: [] };
  return {
    lang: meta.language,
    documentTitle: `${r.country} – ${meta.title}`,
    review: reviewView(r),
    exports,
    series: SERIES,
    publication: meta.title,
    publisher: meta.publisher,
    licence: meta.licence,
    website: meta.website,
    publishedHtml: publishedHtml(meta.published),
    edition: meta.edition,
    country: r.country,
    contents: sections.map((s) => ({
      id: s.id,
      heading: s.heading,
      updatedHtml: s.updatedHtml,
      updatedSort: s.updatedSort,
      from: s.inheritedFrom ?? `${meta.edition} edition`,
    })),
    sections,
  };
}
export type MonitorProfileView = ReturnType<typeof buildMonitorProfileView>;
