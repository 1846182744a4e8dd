import type { Document } from 'yaml';
import type { LoadedReport } from '../data/load-report.js';
import type { Problem } from '../data/problem.js';
import type { WithDerived } from '../derive/derive-report.js';
import type { Emit, Where } from '../derive/emit.js';
import type { FigureAudit } from '../derive/figures/audit.js';
import type { OverviewRow, OverviewWords } from '../derive/overview/overview-row.js';
import type { RenderedReport } from '../render/render-report.js';
import type { KIND_SCHEMAS } from '../schema/kinds.js';
import type { ReportKind } from '../schema/report-kind.js';

/** What carrying one country file forward to the next edition did, for the editor's checklist. */
export interface CarriedForward {
  /** Fields left to fill, as dotted paths. */
  toFill: string[];
  /** What moved or changed, in words. */
  moved: string[];
  /** What an editor should look at again: text naming the old year, kept tables, dropped fields. */
  review: string[];
  /** Text fields that name the old data year, as dotted paths. */
  mentionsOldYear: string[];
}

/**
 * How `keydata new-edition` starts a country of the kind. A kind whose sections cascade starts
 * each country empty, inheriting every section (listed, for the checklist); a kind with whole
 * editions copies last year's file and edits it in place for the new year. Which one a kind
 * takes follows from its schema-level `cascade`, so the two cannot disagree.
 */
export type NextEditionRule<K extends ReportKind> = K extends ReportKind
  ? (typeof KIND_SCHEMAS)[K]['cascade'] extends null
    ? {
        /** Edits the copied document for edition `to` (carried from `from`) in place. */
        carryForward(doc: Document, from: number, to: number): CarriedForward;
      }
    : {
        /** The cascading sections, in the order the checklist names them. */
        inheritSections: readonly string[];
      }
  : never;

/**
 * What `keydata add-country` cannot read from a kind's schema (everything else of the new
 * file comes from the schema, src/data/schema-template.ts).
 */
export interface AddCountryRule {
  /** Values the kind's checks tie to the edition, by dotted path. */
  given?: (edition: number) => Record<string, unknown>;
  /** Optional parts a new country needs written out (not commented), by dotted path. */
  live?: readonly string[];
}

/**
 * One report kind, whole: everything keydata does with it beyond the data layer's part
 * (src/schema/kind-schema.ts). Every part is required; a kind without a part says so with
 * null, so nothing falls back to another kind's behaviour. D is what the kind derives.
 */
export interface KindDefinition<K extends ReportKind, D> {
  /** Every figure of a loaded report, derived once (totals, levels, wording, numbering). */
  derive(report: LoadedReport<K>): D;
  /** The kind's own checks of one report (references, figures against each other). */
  check(report: WithDerived<K, D>, emit: Emit, where: Where): void;
  /**
   * Checks against the same country's earlier editions of the kind (oldest first, each
   * earlier than the report), or null: the kind compares no editions.
   */
  checkAcrossEditions:
    | ((report: LoadedReport<K>, earlier: readonly LoadedReport<K>[]) => Problem[])
    | null;
  /** Every figure the text gives, and whether the data bears it out (`keydata validate`). */
  audit(report: WithDerived<K, D>): FigureAudit;
  /** The standalone HTML page, its body for the volume, and what to export. */
  render(report: WithDerived<K, D>): Promise<RenderedReport>;
  /** How `keydata new-edition` starts a country of the next edition. */
  nextEdition: NextEditionRule<K>;
  /** What `keydata add-country` writes into a new country's file beyond the schema. */
  addCountry: AddCountryRule;
  /**
   * The edition volume's overview (and overview.csv/json): the line a country gives and what
   * the overview calls things, or null for a book without one.
   */
  volume: {
    overview: {
      row(slug: string, report: WithDerived<K, D>): OverviewRow;
      words: OverviewWords;
    } | null;
  };
}
