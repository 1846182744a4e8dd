import { z } from 'zod';
import { Citation, Footnote } from '../../../schema/citation.js';
import {
  IsoDate,
  Markdown,
  NoteId,
  PlainText,
  schemaVersion,
  Year,
} from '../../../schema/common.js';
import { Currency, ExchangeRate } from '../../../schema/exchange-rates.js';
import { CasualtyFigures } from './casualties.js';
import { MineActionFigures } from './mine-action.js';
import { TreatyStatus } from './treaty.js';
import { reportHeader } from '../../../schema/report-header.js';
import { fillable } from '../../../schema/figure.js';

export { CasualtyFigures } from './casualties.js';
export { TreatyStatus } from './treaty.js';

/** The format version of Monitor profile files (1 -> 2: src/kinds/monitor-profile/data/migrate-2.ts). */
export const MONITOR_PROFILE_VERSION = 2;

/**
 * One file of a Landmine and Cluster Munition Monitor country profile. A profile is made of
 * sections updated independently, each with its own "Last updated" date and its own
 * footnotes; an edition's file holds the sections updated for that edition, and the others
 * come from earlier editions (src/data/cascade.ts). What the source lost is written as an
 * explicit null and printed as a dash; nothing is filled in.
 */

/** The sections of a profile, in the order printed, with their headings. */
export const MONITOR_SECTIONS = [
  { key: 'mine_ban_policy', heading: 'Mine Ban Policy' },
  { key: 'cluster_munition_ban_policy', heading: 'Cluster Munition Ban Policy' },
  { key: 'mine_action', heading: 'Mine Action' },
  { key: 'casualties_and_victim_assistance', heading: 'Casualties and Victim Assistance' },
  { key: 'support_for_mine_action', heading: 'Support for Mine Action' },
] as const;
export type MonitorSectionKey = (typeof MONITOR_SECTIONS)[number]['key'];

/** Tables drawn from a section's data rather than written out, with the sections they belong to. */
export const DERIVED_TABLES = {
  treaty_status: ['mine_ban_policy', 'cluster_munition_ban_policy'],
  retained: ['mine_ban_policy', 'cluster_munition_ban_policy'],
  mine_action_figures: ['mine_action'],
  land_release: ['mine_action'],
  casualty_overview: ['casualties_and_victim_assistance'],
  casualties_by_year: ['casualties_and_victim_assistance'],
  contributions: ['support_for_mine_action'],
  contribution_summary: ['support_for_mine_action'],
} as const satisfies Record<string, readonly MonitorSectionKey[]>;
export type DerivedTableKey = keyof typeof DERIVED_TABLES;

/** The section field each derived table is drawn from. */
export const DERIVED_TABLE_SOURCE = {
  treaty_status: 'treaty',
  retained: 'treaty.retained',
  mine_action_figures: 'contamination, land_release, article5 or article4',
  land_release: 'land_release',
  casualty_overview: 'casualty_figures',
  casualties_by_year: 'casualty_figures',
  contributions: 'contributions',
  contribution_summary: 'contribution_summary',
} as const satisfies Record<DerivedTableKey, string>;

const TableKey = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a table key uses a-z, 0-9 and "_"');

// ---------------------------------------------------------------- tables

const Cell = z
  .union([Markdown, z.number(), z.null()])
  .describe('Text, a number, or null where the source lost the value (printed as a dash)');

export const MonitorColumn = z
  .strictObject({
    label: PlainText.nullable().describe('Column heading; null where the source lost it'),
    type: z
      .enum(['text', 'number', 'year'])
      .default('text')
      .describe(
        'text; number (right-aligned, thousands separators); year (right-aligned, printed as written: 2020)',
      ),
    decimals: z
      .int()
      .min(0)
      .max(4)
      .optional()
      .describe(
        'A number column: the decimals every figure prints with (default: as written, up to 2)',
      ),
  })
  .superRefine((c, ctx) => {
    if (c.decimals !== undefined && c.type !== 'number')
      ctx.addIssue({
        code: 'custom',
        path: ['decimals'],
        message: `decimals apply to a number column, not a ${c.type} column`,
      });
  });
export type MonitorColumn = z.infer<typeof MonitorColumn>;

export const MonitorTable = z
  .strictObject({
    caption: Markdown.optional().describe(
      'The table title with its source note, e.g. "Mine clearance in 2013[^n9]"; leave out where the heading before says it',
    ),
    columns: z.array(MonitorColumn).min(1),
    rows: z.array(z.array(Cell)).min(1),
    notes: z.array(Markdown).optional().describe('Lines printed under the table'),
  })
  .superRefine((t, ctx) => {
    t.rows.forEach((row, i) => {
      if (row.length !== t.columns.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i],
          message: `has ${row.length} cell(s); the table has ${t.columns.length} column(s)`,
        });
      }
    });
  });
export type MonitorTable = z.infer<typeof MonitorTable>;

// ---------------------------------------------------------------- support

export const Contribution = z
  .strictObject({
    donor: PlainText.nullable().describe('The donor; null where the source lost it'),
    sector: PlainText.nullable()
      .default(null)
      .describe('e.g. "Clearance", "Victim assistance"; null where lost or not given'),
    currency: Currency.nullable().describe("The donor's currency; null where lost"),
    amount: z
      .number()
      .nonnegative()
      .nullable()
      .describe("The amount in the donor's currency; null where lost"),
    usd: z
      .number()
      .nonnegative()
      .optional()
      .describe(
        'The US$ value as published, kept only where no average rate for the year is known',
      ),
  })
  .superRefine((c, ctx) => {
    if (c.amount !== null && c.currency === null) {
      ctx.addIssue({ code: 'custom', path: ['currency'], message: 'an amount needs its currency' });
    }
    if (c.usd !== undefined && c.currency === 'USD') {
      ctx.addIssue({
        code: 'custom',
        path: ['usd'],
        message: 'the amount is already in US$; leave usd out',
      });
    }
  });
export type Contribution = z.infer<typeof Contribution>;

export const Contributions = z
  .strictObject({
    caption: Markdown.describe('e.g. "International contributions: 2012[^n2]"'),
    year: Year,
    rows: z.array(Contribution).min(1),
    stated_total_usd: z
      .number()
      .nonnegative()
      .optional()
      .describe(
        'The US$ total as published; printed where the rows cannot be summed, checked where they can',
      ),
    stated_rates: z
      .strictObject({
        rates: z.array(ExchangeRate).min(1),
        source: Citation.describe('Where the rates come from, printed in the rate note'),
      })
      .optional()
      .describe(
        "The year's average rates as this profile's source states them, for a year data/reference/exchange-rates.yaml does not list",
      ),
  })
  .describe(
    "The year's international contributions, each in the donor's currency; US$ values are derived",
  );
export type Contributions = z.infer<typeof Contributions>;

export const ContributionSummary = z
  .strictObject({
    caption: Markdown.describe('e.g. "Summary of contributions: 2008–2012[^n3]"'),
    years: z
      .array(
        z.strictObject({
          year: Year,
          usd: z.number().nonnegative().nullable().describe('null where the source lost it'),
        }),
      )
      .default([])
      .describe('Earlier years as published; the year of `contributions` is added from its total'),
  })
  .describe('The multi-year summary of contributions (US$)');
export type ContributionSummary = z.infer<typeof ContributionSummary>;

// ---------------------------------------------------------------- body and notes

export const MonitorBlock = z.union([
  z.strictObject({ p: Markdown.describe('A paragraph') }),
  z.strictObject({ list: z.array(Markdown).min(1).describe('A bulleted list') }),
  z.strictObject({ heading: PlainText.describe('A subheading within the section') }),
  z.strictObject({
    table: TableKey.describe(
      `A key of the section's \`tables\`, or a table drawn from its data: ${Object.keys(DERIVED_TABLES).join(', ')}`,
    ),
  }),
]);
export type MonitorBlock = z.infer<typeof MonitorBlock>;

export const TextNotAvailable = z
  .strictObject({
    text_not_available: z
      .literal(true)
      .describe('The note is cited but its text is lost; printed as "Text not available."'),
    comment: PlainText.optional().describe(
      'For editors: what is known about the lost note (not printed)',
    ),
  })
  .describe('A note whose text the source lost');

export const ExchangeRatesNote = z
  .strictObject({
    exchange_rates: Year.describe(
      '"Average exchange rate for <year>: …" with its source, from data/reference/exchange-rates.yaml',
    ),
  })
  .describe("The year's average exchange rates used by the section's tables");

export const MonitorNote = z.union([Footnote, ExchangeRatesNote, TextNotAvailable]);
export type MonitorNote = z.infer<typeof MonitorNote>;

const sectionFields = {
  last_updated: fillable(IsoDate).describe('The "Last updated" date printed under the heading'),
  blocks: z.array(MonitorBlock).min(1),
  tables: z.record(TableKey, MonitorTable).default({}),
  notes: z
    .record(NoteId, MonitorNote)
    .default({})
    .describe(
      'Footnotes by id; numbered [1], [2]... afresh in each section, in the order its text cites them',
    ),
};

export const MonitorSection = z.strictObject(sectionFields);
export const PolicySection = z.strictObject({
  ...sectionFields,
  treaty: TreatyStatus.optional(),
});
export const MineActionSection = z.strictObject({
  ...sectionFields,
  ...MineActionFigures,
});
export const CasualtiesSection = z.strictObject({
  ...sectionFields,
  casualty_figures: CasualtyFigures.optional(),
});
export const SupportSection = z.strictObject({
  ...sectionFields,
  contributions: Contributions.optional(),
  contribution_summary: ContributionSummary.optional(),
});
export type MonitorSection = z.infer<typeof MonitorSection>;
export type PolicySection = z.infer<typeof PolicySection>;
export type MineActionSection = z.infer<typeof MineActionSection>;
export type CasualtiesSection = z.infer<typeof CasualtiesSection>;
export type SupportSection = z.infer<typeof SupportSection>;
/** Any section, whatever its key. */
export type AnyMonitorSection = MonitorSection &
  Partial<
    Omit<
      PolicySection & MineActionSection & CasualtiesSection & SupportSection,
      keyof MonitorSection
    >
  >;

export const WithdrawnSection = z
  .strictObject({
    withdrawn: z
      .literal(true)
      .describe('This edition withdraws the section: earlier editions no longer supply it'),
    reason: PlainText.optional().describe('For editors: why (not printed)'),
  })
  .describe('An explicit withdrawal of a section');
export type WithdrawnSection = z.infer<typeof WithdrawnSection>;

const either = <S extends z.ZodType>(s: S, heading: string) =>
  z
    .union([s, WithdrawnSection])
    .optional()
    .describe(`${heading}: the section as updated for this edition, or a withdrawal`);

export const MonitorSections = z
  .strictObject({
    mine_ban_policy: either(PolicySection, 'Mine Ban Policy'),
    cluster_munition_ban_policy: either(PolicySection, 'Cluster Munition Ban Policy'),
    mine_action: either(MineActionSection, 'Mine Action'),
    casualties_and_victim_assistance: either(CasualtiesSection, 'Casualties and Victim Assistance'),
    support_for_mine_action: either(SupportSection, 'Support for Mine Action'),
  })
  .describe(
    'The sections this edition updates or withdraws; the others come from earlier editions',
  );
export type MonitorSections = z.infer<typeof MonitorSections>;

export const MonitorProfileReport = z
  .strictObject({
    ...reportHeader('monitor-profile'),
    schema_version: schemaVersion(MONITOR_PROFILE_VERSION),
    // An edition file that updates no section (`sections: {}`) carries the profile forward:
    // every section comes from earlier editions. A profile left with none is an error of
    // the merged profile (src/kinds/monitor-profile/derive/checks.ts).
    sections: MonitorSections,
  })
  .describe('A Landmine and Cluster Munition Monitor country profile: the sections of one edition');
export type MonitorProfileReport = z.infer<typeof MonitorProfileReport>;

export function isWithdrawn(s: unknown): s is WithdrawnSection {
  return typeof s === 'object' && s !== null && (s as { withdrawn?: unknown }).withdrawn === true;
}
