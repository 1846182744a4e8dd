import { z } from 'zod';

/** Prose in keydata's small Markdown subset (see src/render/markdown.ts). */
export const Markdown = z
  .string()
  .trim()
  .min(1)
  .describe(
    'Text in keydata Markdown: *emphasis*, **strong**, [link](https://...), ^superscript^, ' +
      'footnote references [^id], derived values {=name}. Raw HTML is printed as text.',
  );

export const PlainText = z.string().trim().min(1);

export const IsoDate = z.iso.date().describe('A date written YYYY-MM-DD');

export const Year = z.int().min(1990).max(2100).describe('A calendar year');

export const AreaM2 = z.number().nonnegative().describe('An area in square metres (m²)');

export const AreaKm2 = z
  .number()
  .nonnegative()
  .describe('An area in square kilometres (km²), as published');

export const Count = z.int().nonnegative().describe('A whole number, 0 or more');

export const NoteId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a note id uses letters, digits, "_", "-" or "."')
  .describe('The id a footnote is cited by, as [^id] in prose');

/** The `schema_version` field of a format at version `v`. */
export const schemaVersion = <V extends number>(v: V) =>
  z.literal(v).describe('The version of the data format this file is written in');

export const SchemaVersion = schemaVersion(1);

export const Language = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a language tag such as en or en-GB');
