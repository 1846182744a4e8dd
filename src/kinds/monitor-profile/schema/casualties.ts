import { z } from 'zod';
import { Count, PlainText, Year } from '../../../schema/common.js';

/**
 * The casualty figures of a Monitor profile's "Casualties and Victim Assistance" section:
 * casualties by year as recorded (a year the source has no figures for is said to be "not
 * available", never zero), and the all-known total, which may itself be unknown.
 */

const outcomeFields = {
  killed: Count.describe('Casualties killed'),
  injured: Count.describe('Casualties injured (survivors)'),
  unknown_outcome: Count.optional().describe(
    'Casualties whose outcome (killed or injured) is not known; killed + injured + unknown_outcome = total',
  ),
};

const groupFields = {
  civilians: Count.optional().describe('Civilian casualties, where the source breaks them out'),
  children: Count.optional().describe('Child casualties (counted among the civilians)'),
  deminers: Count.optional().describe('Deminers among the casualties'),
  military: Count.optional().describe(
    'Military casualties (security forces, non-state armed groups)',
  ),
};

export const YearCasualties = z
  .strictObject({
    year: Year,
    total: Count.describe('All casualties of the year, as published'),
    ...outcomeFields,
    ...groupFields,
  })
  .describe("A year's recorded casualties");

export const YearNotAvailable = z
  .strictObject({
    year: Year,
    not_available: z
      .literal(true)
      .describe('The source gives no figures for this year; printed "Not available"'),
    comment: PlainText.optional().describe('For editors: what is known (not printed)'),
  })
  .describe('A year without figures');

export const AnnualCasualties = z.union([YearCasualties, YearNotAvailable]);
export type YearCasualties = z.infer<typeof YearCasualties>;
export type AnnualCasualties = z.infer<typeof AnnualCasualties>;

export const AllKnownCasualties = z
  .strictObject({
    to_end_of: Year.describe('"All known casualties by end 2013"'),
    since: Year.optional().describe('The first year the record covers, where the source says'),
    total: z
      .union([Count, z.literal('unknown')])
      .describe('All known casualties, or "unknown" where no total is known'),
    at_least: Count.optional().describe(
      'With an unknown total: the least number recorded ("unknown; at least 3,000")',
    ),
    killed: Count.optional(),
    injured: Count.optional(),
    unknown_outcome: outcomeFields.unknown_outcome,
  })
  .superRefine((a, ctx) => {
    if (a.at_least !== undefined && a.total !== 'unknown') {
      ctx.addIssue({
        code: 'custom',
        path: ['at_least'],
        message: 'at_least goes with total: unknown; a known total says the number itself',
      });
    }
  })
  .describe('All casualties recorded up to a year');
export type AllKnownCasualties = z.infer<typeof AllKnownCasualties>;

export const CasualtyFigures = z
  .strictObject({
    year: Year.describe('The year the key figures report, e.g. 2013 for "Casualties in 2013"'),
    casualty_type: PlainText.default('mine/ERW').describe(
      'As printed before "casualties", e.g. "mine/ERW"',
    ),
    all_known: AllKnownCasualties,
    annual: z
      .array(AnnualCasualties)
      .min(1)
      .describe(
        'Casualties by year, oldest first; must include `year` (the year before is printed beside it)',
      ),
    by_item_type: z
      .array(z.strictObject({ item: PlainText, casualties: Count }))
      .min(1)
      .nullable()
      .optional()
      .describe(
        'Casualties in `year` by item type; null where the source lost them (printed as a dash)',
      ),
  })
  .superRefine((f, ctx) => {
    const seen = new Set<number>();
    f.annual.forEach((a, i) => {
      if (seen.has(a.year))
        ctx.addIssue({
          code: 'custom',
          path: ['annual', i, 'year'],
          message: `${a.year} is listed twice`,
        });
      else if (i > 0 && a.year < (f.annual[i - 1]?.year ?? 0))
        ctx.addIssue({
          code: 'custom',
          path: ['annual', i, 'year'],
          message: 'list the years oldest first',
        });
      seen.add(a.year);
    });
    if (!seen.has(f.year))
      ctx.addIssue({
        code: 'custom',
        path: ['year'],
        message: `annual has no entry for ${f.year}, the year the key figures report`,
      });
  })
  .describe(
    'The "Casualties Overview" key figures and casualties by year; killed + injured + unknown_outcome must equal each total',
  );
export type CasualtyFigures = z.infer<typeof CasualtyFigures>;
