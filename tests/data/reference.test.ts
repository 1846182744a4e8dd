import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/problem.js';
import { loadReference, referenceDirFor } from '../../src/data/reference.js';
import { ROOT } from '../helpers/reports.js';

describe('reference data', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'keydata-reference-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('sits in data/reference beside the editions folder a file is in', () => {
    expect(
      referenceDirFor(
        path.join(root, 'data', 'editions', '2014', 'monitor-profile', 'kosovo.yaml'),
      ),
    ).toBe(path.join(root, 'data', 'reference'));
    expect(referenceDirFor('/elsewhere/kosovo.yaml')).toBe(path.join(ROOT, 'data', 'reference'));
  });

  it('loads the project’s exchange rates', async () => {
    const result = await loadReference(path.join(ROOT, 'data', 'reference'), (f) =>
      path.relative(ROOT, f),
    );
    expect(result.ok && result.reference.exchangeRates.years[0]?.rates).toEqual([
      { currency: 'CHF', per_usd: 0.9377 },
      { currency: 'EUR', usd_per_unit: 1.2859 },
    ]);
  });

  it('reports a bad rate file at its line, and a missing one', async () => {
    const dir = path.join(root, 'bad');
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'exchange-rates.yaml'),
      [
        'schema_version: 1',
        'years:',
        '  - year: 2012',
        '    rates:',
        '      - { currency: EUR, usd_per_unit: 1.2859 }',
        '      - { currency: EUR, usd_per_unit: 1.3 }',
        '      - { currency: USD, per_usd: 1 }',
        '    source: { kind: web_page, title: Rates }',
        '',
      ].join('\n'),
    );
    const bad = await loadReference(dir, (f) => path.basename(f));
    expect(bad.problems.map(formatProblem)).toEqual([
      'exchange-rates.yaml:6:21: error: years.0.rates.1.currency: EUR is listed twice for 2012',
      'exchange-rates.yaml:7:21: error: years.0.rates.2.currency: rates are against the US dollar; USD needs none',
    ]);
    const missing = await loadReference(path.join(root, 'none'), (f) => path.basename(f));
    expect(missing.ok).toBe(false);
    expect(missing.problems[0]?.message).toMatch(/cannot read file/);
  });
});
