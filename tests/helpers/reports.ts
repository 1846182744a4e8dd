/**
 * Helpers for tests that need a validated report: the real Kosovo file, the Arcadia
 * fixture, or a small report built in the test. Reports are parsed from YAML text so that
 * problems keep their line numbers, exactly as `keydata validate` would report them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import type { LoadedReport } from '../../src/data/load-report.js';
import { formatProblem, type Problem } from '../../src/data/problem.js';
import { validateWith } from '../../src/data/validate.js';
import { parseYaml } from '../../src/data/yaml-source.js';
import { ClearingTheMinesReport } from '../../src/kinds/clearing-the-mines/schema/report.js';
import { EditionMeta } from '../../src/schema/edition.js';
import { checkReport, deriveReport } from '../../src/commands/report.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const KOSOVO_FILE = path.join(
  ROOT,
  'data',
  'editions',
  '2025',
  'clearing-the-mines',
  'kosovo.yaml',
);
export const FIXTURE_EDITIONS = path.join(ROOT, 'tests', 'fixtures', 'editions');
export const ARCADIA_FILE = path.join(
  FIXTURE_EDITIONS,
  '2025',
  'clearing-the-mines',
  'arcadia.yaml',
);

export const KOSOVO_TEXT = readFileSync(KOSOVO_FILE, 'utf8');
export const ARCADIA_TEXT = readFileSync(ARCADIA_FILE, 'utf8');

const META = EditionMeta.parse({
  schema_version: 1,
  report: 'clearing-the-mines',
  edition: 2025,
  title: 'Clearing the Mines 2025',
  publisher: 'Mine Action Review',
  published: '2025-10-15',
  licence: 'Test licence',
});

export type CtmReport = LoadedReport<'clearing-the-mines'>;

/** Parses and validates report YAML; throws with every located problem when it is invalid. */
export function reportFromText(text: string, file = 'test.yaml'): CtmReport {
  const parsed = parseYaml(new TextEncoder().encode(text), file);
  if (!parsed.ok)
    throw new Error(`test data does not parse:\n${parsed.problems.map(formatProblem).join('\n')}`);
  const checked = validateWith(ClearingTheMinesReport, parsed.source);
  if (!checked.ok)
    throw new Error(`test data is invalid:\n${checked.problems.map(formatProblem).join('\n')}`);
  return {
    kind: 'clearing-the-mines',
    file,
    source: parsed.source,
    meta: META,
    data: checked.data,
  };
}

/** A report from a plain object (written out as YAML first, so locations still work). */
export function reportFromObject(value: unknown, file = 'test.yaml'): CtmReport {
  return reportFromText(stringify(value, { lineWidth: 0 }), file);
}

export const kosovo = (): CtmReport => reportFromText(KOSOVO_TEXT, 'kosovo.yaml');
export const arcadia = (): CtmReport => reportFromText(ARCADIA_TEXT, 'arcadia.yaml');

/** The checks of `keydata validate` on a report built in a test. */
export function problemsOf(value: unknown): Problem[] {
  return checkReport(
    deriveReport(typeof value === 'string' ? reportFromText(value) : reportFromObject(value)),
  );
}

/**
 * A small valid report that passes every check: two cited notes, no tables. Tests copy it
 * and change one thing. Mutating the result is safe: every call builds a new object.
 */
export function baseReport() {
  return {
    schema_version: 2,
    report: 'clearing-the-mines',
    edition: 2025,
    country: 'Testland',
    key_data: {
      article5: { status: 'not_party' } as Record<string, unknown>,
      contamination: { kind: 'area', area_m2: 1_250_000, source: 'National estimate' } as Record<
        string,
        unknown
      >,
      main_operators: ['Test Demining'],
    },
    land_release: {
      current: {
        year: 2024,
        clearance_m2: 47_065,
        technical_survey_m2: 0,
        non_technical_survey_m2: 0,
        mines_destroyed: 8,
      },
      previous: {
        year: 2023,
        clearance_m2: 29_309,
        technical_survey_m2: 0,
        non_technical_survey_m2: 0,
        mines_destroyed: 10,
      },
    },
    key_developments: ['Clearance rose in 2024.[^a]'],
    recommendations: ['Clearance should continue.'],
    capacity: { management: ['Testland Mine Action Centre'] },
    tables: {} as Record<string, unknown>,
    other_tables: {} as Record<string, unknown>,
    sections: [
      {
        heading: 'Understanding of AP mine contamination',
        blocks: [{ p: 'Contamination is well understood.[^b]' }] as Record<string, unknown>[],
      },
    ] as { heading: string; blocks: Record<string, unknown>[]; subsections?: unknown[] }[],
    notes: { a: 'First source.', b: 'Second source.' } as Record<string, string>,
  };
}
