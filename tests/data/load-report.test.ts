import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindFromPath, loadEditionMeta, loadReport } from '../../src/data/load-report.js';
import { formatProblem } from '../../src/data/problem.js';
import { REPORT_KINDS } from '../../src/schema/report-kind.js';
import { ARCADIA_FILE, KOSOVO_FILE, ROOT } from '../helpers/reports.js';
import { checkReport, deriveReport } from '../../src/commands/report.js';

const display = (f: string) => path.relative(ROOT, f);

describe('the real Kosovo file', () => {
  it('loads, validates and has two warnings: the Table 7 total and the Table 3 staff the source got wrong', async () => {
    const result = await loadReport(KOSOVO_FILE, display);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.kind).toBe('clearing-the-mines');
    expect(result.report.meta.title).toBe('Clearing the Mines 2025');
    expect(result.report.data.country).toBe('Kosovo');
    const problems = checkReport(deriveReport(result.report));
    expect(problems.map(formatProblem)).toEqual([
      'data/editions/2025/clearing-the-mines/kosovo.yaml:112:22: warning: tables.gender_composition.rows.2.total_staff: ' +
        'HALO: managerial_staff plus operational_staff make 162 staff (28 + 134), more than the 155 of total_staff',
      'data/editions/2025/clearing-the-mines/kosovo.yaml:155:7: warning: tables.clearance_by_district.rows: ' +
        'the rows sum to 47,605m² cleared, but land_release.current.clearance_m2 (line 19) says 47,065m²',
    ]);
  });
});

describe('the Arcadia fixture', () => {
  it('loads with its edition metadata and has no problems at all', async () => {
    const result = await loadReport(ARCADIA_FILE, display);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.report.meta.edition).toBe(2025);
      expect(checkReport(deriveReport(result.report))).toEqual([]);
    }
  });
});

describe('kindFromPath', () => {
  it('reads the report kind from the folder a file is in', () => {
    expect(kindFromPath('data/editions/2025/clearing-the-mines/kosovo.yaml')).toBe(
      'clearing-the-mines',
    );
    expect(kindFromPath('/tmp/elsewhere/kosovo.yaml')).toBeUndefined();
  });
});

describe('loading problems', () => {
  let root: string;
  let dir: string;
  let kosovoText: string;
  let metaText: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'keydata-load-'));
    dir = path.join(root, '2025', 'clearing-the-mines');
    await mkdir(dir, { recursive: true });
    kosovoText = await readFile(KOSOVO_FILE, 'utf8');
    metaText = await readFile(path.join(path.dirname(KOSOVO_FILE), '_edition.yaml'), 'utf8');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function put(name: string, text: string, folder = dir): Promise<string> {
    await mkdir(folder, { recursive: true });
    const file = path.join(folder, name);
    await writeFile(file, text);
    return file;
  }

  it('refuses a file whose edition differs from the edition metadata beside it, at "edition"', async () => {
    await put('_edition.yaml', metaText);
    const file = await put('kosovo.yaml', kosovoText.replace('edition: 2025', 'edition: 2024'));
    const result = await loadReport(file, (f) => path.basename(f));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        file: 'kosovo.yaml',
        line: 4,
        column: 10,
        severity: 'error',
        path: 'edition',
        message:
          'this file says clearing-the-mines 2024; the edition metadata beside it (_edition.yaml) says clearing-the-mines 2025',
      },
    ]);
  });

  it('refuses a country file without edition metadata beside it', async () => {
    const file = await put(
      'kosovo.yaml',
      kosovoText,
      path.join(root, 'no-meta', 'clearing-the-mines'),
    );
    const result = await loadReport(file, (f) => path.relative(root, f));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        file: path.join('no-meta', 'clearing-the-mines', '_edition.yaml'),
        line: 1,
        column: 1,
        severity: 'error',
      }),
    ]);
  });

  it('reports problems of the country file and of the metadata together', async () => {
    const folder = path.join(root, 'both-bad', 'clearing-the-mines');
    await put(
      '_edition.yaml',
      metaText.replace('published: 2025-10-15', 'published: October 2025'),
      folder,
    );
    const file = await put(
      'kosovo.yaml',
      kosovoText.replace('clearance_m2: 47065', 'clearance_m2: n/a'),
      folder,
    );
    const result = await loadReport(file, (f) => path.basename(f));
    expect(result.ok).toBe(false);
    expect(result.problems.map(formatProblem)).toEqual([
      'kosovo.yaml:19:19: error: land_release.current.clearance_m2: expected a number of m², { value: N, note: "[^id]" } or { missing: not_reported, not_applicable or unknown }, got \'n/a\'',
      "_edition.yaml:8:12: error: published: expected a date written YYYY-MM-DD, got 'October 2025'",
    ]);
  });

  it('refuses a file whose report kind cannot be told, at "report"', async () => {
    const file = await put(
      'kosovo.yaml',
      kosovoText.replace('report: clearing-the-mines', 'report: landmine-monitor'),
      path.join(root, 'misc'),
    );
    const result = await loadReport(file, (f) => path.basename(f));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        file: 'kosovo.yaml',
        line: 3,
        column: 9,
        severity: 'error',
        path: 'report',
        message: `cannot tell the report kind: expected one of ${REPORT_KINDS.join(', ')}`,
      },
    ]);
  });

  it('takes the report kind from the folder when the file does not say, then reports the field', async () => {
    const file = await put('kosovo.yaml', kosovoText.replace('report: clearing-the-mines\n', ''));
    await put('_edition.yaml', metaText);
    const result = await loadReport(file, (f) => path.basename(f));
    expect(result.ok).toBe(false);
    expect(result.problems.map(formatProblem)).toEqual([
      'kosovo.yaml:2:1: error: report: missing required field (one of "clearing-the-mines")',
    ]);
  });

  it('passes syntax errors on without validating', async () => {
    const file = await put('kosovo.yaml', 'country: Kosovo\ncountry: Serbia\n');
    const result = await loadReport(file, (f) => path.basename(f));
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ line: 2, column: 1 });
  });
});

describe('loadEditionMeta', () => {
  it('loads the real edition metadata with its defaults', async () => {
    const result = await loadEditionMeta(path.dirname(KOSOVO_FILE), display);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.meta).toMatchObject({
        edition: 2025,
        data_year: 2024,
        language: 'en-GB',
        published: '2025-10-15',
      });
    }
  });
});
