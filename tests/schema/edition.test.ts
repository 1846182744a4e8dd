import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EditionMeta } from '../../src/schema/edition.js';
import { ARCADIA_FILE, KOSOVO_FILE } from '../helpers/reports.js';

const metaBeside = (file: string) =>
  parse(readFileSync(path.join(path.dirname(file), '_edition.yaml'), 'utf8'));

const minimal = {
  schema_version: 1,
  report: 'clearing-the-mines',
  edition: 2025,
  title: 'Clearing the Mines 2025',
  publisher: 'Mine Action Review',
  published: '2025-10-15',
  licence: '© Mine Action Review, 2025.',
};

describe('EditionMeta', () => {
  it('accepts the edition metadata of data/ and of the test fixtures', () => {
    expect(EditionMeta.parse(metaBeside(KOSOVO_FILE)).title).toBe('Clearing the Mines 2025');
    expect(EditionMeta.parse(metaBeside(ARCADIA_FILE))).toEqual(
      EditionMeta.parse(metaBeside(KOSOVO_FILE)),
    );
  });

  it('defaults the language to en-GB', () => {
    expect(EditionMeta.parse(minimal).language).toBe('en-GB');
  });

  it.each([
    ['report', 'landmine-monitor'],
    ['published', '15/10/2025'],
    ['language', 'English'],
    ['website', 'mineactionreview'],
    ['edition', 25],
    ['extra', 'field'],
  ])('refuses %s: %j', (key, value) => {
    const result = EditionMeta.safeParse({ ...minimal, [key]: value });
    expect(result.success).toBe(false);
  });
});
