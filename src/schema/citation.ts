import { z } from 'zod';
import { Markdown, PlainText } from './common.js';

/**
 * Sources as data. A footnote is free text, or one or more citations with optional text
 * around them; each report kind prints citations in its own style (src/derive/citations/),
 * which decides "Ibid.", short forms and punctuation. Fields hold the facts as the source
 * gives them; leave out what is not known.
 */

export const CITATION_KINDS = [
  'email',
  'letter',
  'interview',
  'telephone_interview',
  'questionnaire',
  'statement',
  'presentation',
  'report',
  'publication',
  'media',
  'web_page',
  'document',
] as const;
export const CitationKind = z
  .enum(CITATION_KINDS)
  .describe(
    'What the source is: a message (email, letter, interview, telephone_interview, questionnaire response), ' +
      'a statement or presentation at an event, a report (title in quotes), a publication such as a book ' +
      '(title in italics), a media article, a web page, or a document such as a strategy or an official form ' +
      '(title printed plain)',
  );
export type CitationKind = z.infer<typeof CitationKind>;

/** Kinds where the author is a person writing or speaking to the publisher. */
export const MESSAGE_KINDS: readonly CitationKind[] = [
  'email',
  'letter',
  'interview',
  'telephone_interview',
  'questionnaire',
];

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A date as precise as the source gives it: 2013, "2013-08" or "2013-08-12". */
export const CitationDate = z
  .union([
    z.int().min(1800).max(2100),
    z
      .string()
      .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a date written YYYY, YYYY-MM or YYYY-MM-DD')
      .refine((s) => {
        const [, m, d] = s.split('-').map(Number);
        if (m === undefined || m < 1 || m > 12) return false;
        return d === undefined || (d >= 1 && d <= (MONTH_DAYS[m - 1] ?? 0));
      }, 'not a calendar date'),
  ])
  .describe('The date as precise as the source gives it: 2013, 2013-08 or 2013-08-12');
export type CitationDate = z.infer<typeof CitationDate>;

export const Citation = z
  .strictObject({
    kind: CitationKind,
    author: PlainText.optional().describe(
      'Who wrote, sent or said it: a person, or an organisation as first written, e.g. "Norwegian People’s Aid (NPA)"',
    ),
    author_short: PlainText.optional().describe(
      'The short form used after the first citation, e.g. "NPA"',
    ),
    role: PlainText.optional().describe(
      'The person’s job title, e.g. "Head"; printed at their first citation',
    ),
    organisation: PlainText.optional().describe(
      'The person’s organisation as first written, e.g. "HALO Trust"',
    ),
    organisation_short: PlainText.optional().describe(
      'The short form used after the first citation, e.g. "HALO"',
    ),
    title: PlainText.optional().describe(
      'Title of the document, article or web page; for an email, a document sent with it',
    ),
    genre: PlainText.optional().describe(
      'What the document is, when the style names it, e.g. "Report", "Side event"',
    ),
    event: PlainText.optional().describe('The meeting a statement or presentation was made at'),
    issue: PlainText.optional().describe('Volume and number, e.g. "Vol. 12, No. 1(D)"'),
    edition: PlainText.optional().describe('e.g. "Rev\'d Edn"'),
    publisher: PlainText.optional().describe('Publisher, news outlet or issuing body'),
    place: PlainText.optional().describe(
      'Place of publication or of the event, e.g. "Geneva", "Washington, DC"',
    ),
    date: CitationDate.optional(),
    date_text: PlainText.optional().describe(
      'Printed where a date cannot be given, e.g. "undated but 2002"',
    ),
    pages: z
      .union([z.int().positive(), PlainText])
      .optional()
      .describe(
        'A page number (printed "p. 15") or pages as written, e.g. "5–6" or "6 and 15" (printed "pp. …")',
      ),
    address: PlainText.optional().describe(
      'Web address as printed, e.g. "www.b92.net" or "https://bit.ly/331PWfQ"',
    ),
  })
  .superRefine((c, ctx) => {
    const need = (field: keyof typeof c, why: string) => {
      if (c[field] === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `a citation of kind ${c.kind} ${why}`,
        });
    };
    if ((MESSAGE_KINDS as readonly string[]).includes(c.kind))
      need('author', 'needs the author (who sent or said it)');
    if (['report', 'publication', 'media', 'web_page', 'document', 'presentation'].includes(c.kind))
      need('title', 'needs a title');
    if (c.kind === 'statement') need('author', 'needs the author (who made the statement)');
    if (c.date !== undefined && c.date_text !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['date_text'],
        message: 'give date or date_text, not both',
      });
    }
    if (c.author_short !== undefined && c.author === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['author_short'],
        message: 'author_short needs author',
      });
    }
    if (c.organisation_short !== undefined && c.organisation === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['organisation_short'],
        message: 'organisation_short needs organisation',
      });
    }
  })
  .describe('One source: who, what, when, where');
export type Citation = z.infer<typeof Citation>;

const Cites = z
  .union([Citation, z.array(Citation).min(1)])
  .describe('One citation, or a list printed in order ("A; B; and C")');

export const NotePart = z.union([
  z.strictObject({ text: Markdown.describe('Text printed as written') }),
  z.strictObject({ cite: Cites }),
]);
export type NotePart = z.infer<typeof NotePart>;

/**
 * A footnote: free text (a plain string, printed as written), citations with optional text
 * after them, or parts in order (text and citations interleaved).
 */
export const Footnote = z.union([
  Markdown.describe('Free text, printed as written (for notes whose source is not a citation)'),
  z.strictObject({
    cite: Cites,
    text: Markdown.optional().describe(
      'Printed after the citations, e.g. a quotation from the source',
    ),
  }),
  z.strictObject({
    parts: z.array(NotePart).min(1).describe('Text and citations in the order printed'),
  }),
]);
export type Footnote = z.infer<typeof Footnote>;
