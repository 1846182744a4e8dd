import { z } from 'zod';
import { AreaKm2, Count, Year } from '../../../schema/common.js';
import { Article5Deadline, treatyDeadline } from '../../../schema/treaty-deadline.js';

/**
 * The figures of a Monitor profile's Mine Action section: contamination in km² as published
 * (confirmed and suspected), land release by year (totals derived), and the treaty deadlines
 * with their history, on the model Clearing the Mines shares (src/schema/treaty-deadline.ts).
 * Printed as the section's key figures (`- table: mine_action_figures`) and a land release
 * table (`- table: land_release`); prose names them as {=contamination_*}, {=land_release_*},
 * {=article5_*}.
 */

export const MonitorContamination = z
  .strictObject({
    at_end_of: Year.describe('The year the estimate stands at the end of, e.g. 2024'),
    confirmed_km2: AreaKm2.optional().describe('Confirmed hazardous areas, in km²'),
    suspected_km2: AreaKm2.optional().describe('Suspected hazardous areas, in km²'),
    confirmed_areas: Count.optional().describe('How many confirmed hazardous areas'),
    suspected_areas: Count.optional().describe('How many suspected hazardous areas'),
    contaminant: z
      .string()
      .trim()
      .min(1)
      .default('antipersonnel mine')
      .describe(
        'What the estimate is of, as printed before "contamination", e.g. "antipersonnel mine"',
      ),
  })
  .superRefine((c, ctx) => {
    if (c.confirmed_km2 === undefined && c.suspected_km2 === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['confirmed_km2'],
        message: 'give confirmed_km2, suspected_km2 or both',
      });
  })
  .describe('The contamination estimate, as published');
export type MonitorContamination = z.infer<typeof MonitorContamination>;

export const LandReleaseYear = z
  .strictObject({
    year: Year,
    cleared_km2: AreaKm2.describe('Cleared, in km²'),
    reduced_km2: AreaKm2.default(0).describe('Reduced by technical survey, in km²'),
    cancelled_km2: AreaKm2.default(0).describe('Cancelled by non-technical survey, in km²'),
    stated_total_km2: AreaKm2.optional().describe(
      'The total as published, checked against the parts; the PDF prints the derived total',
    ),
  })
  .describe("A year's land release; its total is derived");
export type LandReleaseYear = z.infer<typeof LandReleaseYear>;

export const Article4Deadline = treatyDeadline({ treaty: 'CCM', article: 'Article 4' });

export const MineActionFigures = {
  contamination: MonitorContamination.optional(),
  land_release: z
    .array(LandReleaseYear)
    .min(1)
    .optional()
    .superRefine((years, ctx) => {
      years?.forEach((y, i) => {
        if (i > 0 && y.year <= (years[i - 1]?.year ?? 0))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'year'],
            message: 'list the years oldest first, each once',
          });
      });
    })
    .describe('Land release by year, oldest first'),
  article5: Article5Deadline.optional(),
  article4: Article4Deadline.optional(),
};
