import { z } from 'zod';
import { Citation } from './citation.js';
import { SchemaVersion, Year } from './common.js';

/** An ISO 4217 currency code, e.g. EUR, CHF, USD. */
export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'a three-letter currency code such as EUR or CHF')
  .describe('ISO 4217 currency code');
export type Currency = z.infer<typeof Currency>;

/**
 * A year's average rate of one currency against the US dollar, written the way the source
 * quotes it: "€1 = US$1.2859" (usd_per_unit) or "CHF0.9377 = US$1" (per_usd).
 */
export const ExchangeRate = z.union([
  z.strictObject({
    currency: Currency,
    usd_per_unit: z
      .number()
      .positive()
      .describe('US$ per one unit of the currency: €1 = US$1.2859'),
  }),
  z.strictObject({
    currency: Currency,
    per_usd: z.number().positive().describe('Units of the currency per US$1: CHF0.9377 = US$1'),
  }),
]);
export type ExchangeRate = z.infer<typeof ExchangeRate>;

export const ExchangeRateYear = z.strictObject({
  year: Year,
  rates: z.array(ExchangeRate).min(1),
  source: Citation.describe('Where the rates come from, printed in the rate note'),
});
export type ExchangeRateYear = z.infer<typeof ExchangeRateYear>;

/**
 * Reference data: yearly average exchange rates against the US dollar, as published by the
 * source each report names. Only rates a publication states belong here; a US$ value is
 * derived only where its year's rate is listed.
 */
export const ExchangeRates = z
  .strictObject({
    schema_version: SchemaVersion,
    years: z.array(ExchangeRateYear).default([]),
  })
  .superRefine((r, ctx) => {
    const years = new Set<number>();
    r.years.forEach((y, i) => {
      if (years.has(y.year))
        ctx.addIssue({
          code: 'custom',
          path: ['years', i, 'year'],
          message: `${y.year} is listed twice`,
        });
      years.add(y.year);
      const currencies = new Set<string>();
      y.rates.forEach((rate, j) => {
        if (rate.currency === 'USD') {
          ctx.addIssue({
            code: 'custom',
            path: ['years', i, 'rates', j, 'currency'],
            message: 'rates are against the US dollar; USD needs none',
          });
        }
        if (currencies.has(rate.currency)) {
          ctx.addIssue({
            code: 'custom',
            path: ['years', i, 'rates', j, 'currency'],
            message: `${rate.currency} is listed twice for ${y.year}`,
          });
        }
        currencies.add(rate.currency);
      });
    });
  })
  .describe(
    'Yearly average exchange rates against the US dollar (data/reference/exchange-rates.yaml)',
  );
export type ExchangeRates = z.infer<typeof ExchangeRates>;
