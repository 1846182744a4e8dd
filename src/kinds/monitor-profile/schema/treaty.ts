import { z } from 'zod';
import { Count, IsoDate, Markdown, PlainText, Year } from '../../../schema/common.js';

/**
 * A country's standing under the Mine Ban Treaty or the Convention on Cluster Munitions, as
 * the Monitor's policy sections state it: joining dates, national implementation
 * legislation, Article 7 transparency reports, stockpile destruction, what it retains for
 * training, and, for a country outside the treaty, what it has said about use and production.
 * Printed as the section's key facts (`- table: treaty_status`) and named in prose as
 * {=mbt_*} / {=ccm_*}.
 */

export const TreatyJoining = z
  .strictObject({
    how: z
      .enum(['ratification', 'accession', 'succession'])
      .describe('How the country became bound: "Ratified", "Acceded", "Succeeded"'),
    date: IsoDate.describe('The date of the instrument (ratification, accession, succession)'),
  })
  .describe('How and when the country became bound by the treaty');

export const Legislation = z
  .strictObject({
    status: z
      .enum(['enacted', 'in_progress', 'existing_law_sufficient', 'none'])
      .describe(
        'enacted; in_progress (being drafted or before parliament); existing_law_sufficient (the government considers existing law enough); none',
      ),
    title: PlainText.optional().describe('The law, as the Monitor names it'),
    date: IsoDate.optional().describe('When it was enacted, or when the status was last reported'),
  })
  .describe('National implementation legislation (Article 9 of the Mine Ban Treaty)');

export const TransparencyReports = z
  .strictObject({
    years: z
      .array(Year)
      .default([])
      .describe('The calendar years for which a report was submitted; empty: "not submitted"'),
    latest: IsoDate.optional().describe('When the latest report was submitted'),
    initial_due: IsoDate.optional().describe('When the initial report fell due, if still missing'),
  })
  .describe('Article 7 transparency reports');

export const Stockpile = z
  .union([
    z
      .strictObject({
        destruction_completed: IsoDate.describe('When destruction of the stockpile was completed'),
        destroyed: Count.optional().describe('How many were destroyed'),
      })
      .describe('Stockpile destroyed'),
    z
      .strictObject({
        deadline: IsoDate.describe('The treaty deadline for destroying the stockpile'),
        destroyed_so_far: Count.optional().describe('How many have been destroyed so far'),
      })
      .describe('Stockpile destruction under way'),
    z
      .strictObject({
        never_held: z.literal(true).describe('The country declared it never held a stockpile'),
      })
      .describe('No stockpile'),
  ])
  .describe('Stockpile destruction (Article 4 of the Mine Ban Treaty, 3 of the Convention)');

export const RetainedYear = z
  .strictObject({
    year: Year,
    balance: Count.describe('Retained at the end of the year, as reported'),
    added: Count.optional().describe('Added during the year (e.g. mines found in clearance)'),
    consumed: Count.optional().describe(
      'Consumed or destroyed during the year (training, testing)',
    ),
  })
  .describe("A year's report of mines (or submunitions) retained for training");
export type RetainedYear = z.infer<typeof RetainedYear>;

export const Conduct = z
  .strictObject({
    use: Markdown.optional().describe('What is known or stated about use'),
    production: Markdown.optional().describe('What is known or stated about production'),
    stockpile: Markdown.optional().describe('What is known or stated about a stockpile'),
    transfer: Markdown.optional().describe('What is known or stated about transfers'),
  })
  .describe(
    'Use, production, stockpiling and transfer, as stated, for a country outside the treaty',
  );

export const TreatyStatus = z
  .strictObject({
    status: z
      .enum(['state_party', 'signatory', 'not_party'])
      .describe('state_party; signatory (signed, not ratified); not_party (neither)'),
    signed: IsoDate.optional().describe('When the country signed'),
    joined: TreatyJoining.optional(),
    entry_into_force: IsoDate.optional().describe(
      'When the treaty entered into force for the country',
    ),
    legislation: Legislation.optional(),
    transparency: TransparencyReports.optional(),
    stockpile: Stockpile.optional(),
    retained: z
      .array(RetainedYear)
      .min(1)
      .optional()
      .describe(
        'Retained for training, by year, oldest first; each balance is checked against the year before',
      ),
    conduct: Conduct.optional(),
  })
  .superRefine((t, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (t.status === 'state_party' && !t.joined)
      issue('joined', 'a State Party needs joined (how and when it became bound)');
    if (t.status === 'state_party' && !t.entry_into_force)
      issue('entry_into_force', 'a State Party needs its entry_into_force date');
    if (t.status !== 'state_party' && t.joined)
      issue('joined', `a country that joined is a state_party, not ${t.status}`);
    if (t.status === 'signatory' && !t.signed) issue('signed', 'a signatory needs its signed date');
    if (t.status === 'not_party' && t.signed)
      issue('signed', 'a country that signed is a signatory (status: signatory)');
    if (t.signed && t.joined && t.joined.date < t.signed)
      issue('joined', 'the country cannot have joined before it signed');
    if (t.joined && t.entry_into_force && t.entry_into_force < t.joined.date)
      issue('entry_into_force', 'entry into force cannot come before the country joined');
    t.retained?.forEach((r, i) => {
      const before = t.retained?.[i - 1];
      if (before && r.year <= before.year)
        ctx.addIssue({
          code: 'custom',
          path: ['retained', i, 'year'],
          message: 'list the years oldest first, each once',
        });
    });
  })
  .describe("The country's standing under the treaty");
export type TreatyStatus = z.infer<typeof TreatyStatus>;
