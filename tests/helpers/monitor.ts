/**
 * Helpers for tests of the Monitor country profile: the real Kosovo files, and small
 * profiles built in a test (written out as YAML first, so problems keep their lines).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { LoadedReport } from '../../src/data/load-report.js';
import { formatProblem, type Problem } from '../../src/data/problem.js';
import { validateWith } from '../../src/data/validate.js';
import { parseYaml } from '../../src/data/yaml-source.js';
import { EditionMeta } from '../../src/schema/edition.js';
import { ExchangeRates } from '../../src/schema/exchange-rates.js';
import {
  MONITOR_PROFILE_VERSION,
  MonitorProfileReport,
} from '../../src/kinds/monitor-profile/schema/report.js';
import { ROOT } from './reports.js';
import { checkReport, deriveReport } from '../../src/commands/report.js';

export const MONITOR_2014_FILE = path.join(
  ROOT,
  'data',
  'editions',
  '2014',
  'monitor-profile',
  'kosovo.yaml',
);
export const MONITOR_2019_FILE = path.join(
  ROOT,
  'data',
  'editions',
  '2019',
  'monitor-profile',
  'kosovo.yaml',
);
export const RATES_FILE = path.join(ROOT, 'data', 'reference', 'exchange-rates.yaml');
export const SEEDS_DIR = path.join(ROOT, 'tests', 'fixtures', 'seeds');

export const RATES: ExchangeRates = ExchangeRates.parse(
  parseOrThrow(readFileSync(RATES_FILE, 'utf8'), 'exchange-rates.yaml'),
);

export const MONITOR_META = EditionMeta.parse({
  schema_version: 1,
  report: 'monitor-profile',
  edition: 2014,
  title: 'Landmine and Cluster Munition Monitor 2014 — Country Profile',
  publisher: 'Landmine and Cluster Munition Monitor',
  published: '2014-11-24',
  licence: 'Test licence',
});

function parseOrThrow(text: string, file: string): unknown {
  const parsed = parseYaml(new TextEncoder().encode(text), file);
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  return parsed.source.value;
}

export type MonitorReport = LoadedReport<'monitor-profile'>;

/** Parses and validates one profile file's YAML; throws with every located problem when invalid. */
export function monitorFromText(
  text: string,
  file = 'test.yaml',
  rates: ExchangeRates = RATES,
): MonitorReport {
  const parsed = parseYaml(new TextEncoder().encode(text), file);
  if (!parsed.ok)
    throw new Error(`test data does not parse:\n${parsed.problems.map(formatProblem).join('\n')}`);
  const checked = validateWith(MonitorProfileReport, parsed.source);
  if (!checked.ok)
    throw new Error(`test data is invalid:\n${checked.problems.map(formatProblem).join('\n')}`);
  return {
    kind: 'monitor-profile',
    file,
    source: parsed.source,
    meta: MONITOR_META,
    data: checked.data,
    reference: { exchangeRates: rates },
  };
}

export function monitorFromObject(
  value: unknown,
  file = 'test.yaml',
  rates?: ExchangeRates,
): MonitorReport {
  return monitorFromText(stringify(value, { lineWidth: 0 }), file, rates);
}

export const kosovo2014 = (): MonitorReport =>
  monitorFromText(readFileSync(MONITOR_2014_FILE, 'utf8'), 'kosovo.yaml');

/** The checks of `keydata validate` on a profile built in a test. */
export function monitorProblems(value: unknown, rates?: ExchangeRates): Problem[] {
  return checkReport(deriveReport(monitorFromObject(value, 'test.yaml', rates)));
}

/** A small valid profile that passes every check. Every call builds a new object. */
export function baseMonitor() {
  return {
    schema_version: MONITOR_PROFILE_VERSION,
    report: 'monitor-profile',
    edition: 2014,
    country: 'Testland',
    sections: {
      mine_ban_policy: {
        last_updated: '2014-06-01',
        blocks: [{ p: 'Testland supports the ban.[^a] It has no stockpile.[^b]' }] as Record<
          string,
          unknown
        >[],
        notes: {
          a: {
            cite: {
              kind: 'email',
              author: 'Ana Test',
              role: 'Director',
              organisation: 'Testland Mine Action Centre',
              date: '2014-02-20',
            },
          },
          b: {
            cite: {
              kind: 'email',
              author: 'Ana Test',
              organisation: 'Testland Mine Action Centre',
              date: '2014-02-20',
            },
          },
        } as Record<string, unknown>,
      } as Record<string, unknown>,
    } as Record<string, unknown>,
  };
}

/** The notes of each section of a Monitor seed, in order: number -> text as printed. */
export function seedNotes(seed: string): Map<number, string>[] {
  const sections: Map<number, string>[] = [];
  let current: Map<number, string> | undefined;
  for (const raw of seed.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const note = /^\[(\d+)\]\s*(.*)$/.exec(line);
    if (note) {
      if (!current) {
        current = new Map();
        sections.push(current);
      }
      current.set(Number(note[1]), note[2] as string);
    } else {
      current = undefined;
    }
  }
  return sections;
}
