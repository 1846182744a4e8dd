import { execFileSync } from 'node:child_process';
import { copyFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdition, type BuildSummary } from '../../src/commands/build.js';
import { diff, isSame } from '../../src/commands/diff.js';
import { readManifest } from '../../src/commands/manifest.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { VERSION } from '../../src/version.js';
import { pdfPages, squash } from '../support/pdf-text.js';
import { withoutSamples } from '../helpers/samples.js';
import { sharedBrowser } from '../support/shared-browser.js';

const statuses = (s: BuildSummary) =>
  s.results.map((r) => `${r.country.country}: ${r.status}${r.error ? ` (${r.error})` : ''}`);
/** pdftotext -raw keeps the rotated watermark's letters together, one word per page. */
const rawPages = (file: string) =>
  execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, -1);

/**
 * Kosovo through the build as an editor's year goes: exported in every format, corrected
 * after publication, sent back for review; each build kept in the manifest's history.
 */
describe('review status, corrections and exports in the build', () => {
  let root: string;
  let editions: string;
  let out: string;
  let kosovo: string;
  const output = (name: string) => path.join(out, '2025', 'clearing-the-mines', name);
  const build = (extra: Partial<Parameters<typeof buildEdition>[0]> = {}) =>
    buildEdition({
      ...sharedBrowser(),
      editionsDir: editions,
      outDir: out,
      edition: 2025,
      kind: 'clearing-the-mines',
      ...extra,
    });

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'keydata-review-'));
    editions = path.join(root, 'data', 'editions');
    out = path.join(root, 'out');
    await cp(path.join(PROJECT_ROOT, 'data', 'editions', '2025'), path.join(editions, '2025'), {
      recursive: true,
      filter: withoutSamples,
    });
    kosovo = path.join(editions, '2025', 'clearing-the-mines', 'kosovo.yaml');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes every table as CSV and every chart as SVG and PNG beside the PDF and the HTML, all in the manifest', async () => {
    const s = await build({ formats: ['pdf', 'html', 'csv', 'svg', 'png'] });
    expect(statuses(s)).toEqual(['kosovo: built']);
    const files = (await readdir(path.join(out, '2025', 'clearing-the-mines'))).sort();
    expect(files).toEqual([
      'kosovo.clearance_by_district.csv',
      'kosovo.clearance_capacity.csv',
      'kosovo.clearance_trend.png',
      'kosovo.clearance_trend.svg',
      'kosovo.contamination_by_type.csv',
      'kosovo.five_year_clearance.csv',
      'kosovo.gender_composition.csv',
      'kosovo.html',
      'kosovo.land_release_outputs.png',
      'kosovo.land_release_outputs.svg',
      'kosovo.land_release_summary.csv',
      'kosovo.mined_area_by_district.csv',
      'kosovo.mined_area_by_district.png',
      'kosovo.mined_area_by_district.svg',
      'kosovo.pdf',
      'kosovo.survey_by_district.csv',
    ]);
    const entry = (await readManifest(out, 2025, VERSION)).profiles['clearing-the-mines/kosovo'];
    expect(Object.keys(entry?.outputs ?? {})).toContain('csv:clearance_by_district');
    expect(entry?.outputs['png:clearance_trend']?.file).toBe(
      '2025/clearing-the-mines/kosovo.clearance_trend.png',
    );
    expect(entry?.history).toEqual([
      { date: entry?.built, inputs: entry?.inputs, corrections: 0, status: 'final' },
    ]);
    expect(await readFile(output('kosovo.five_year_clearance.csv'), 'utf8')).toBe(
      '\ufeffYear,Area cleared (km²)\r\n2024,0.05\r\n2023,0.03\r\n2022,0.02\r\n2021,0.10\r\n2020,0.14\r\nTotal,0.34\r\n',
    );
    // Unchanged and intact: skipped, exports included.
    expect(statuses(await build({ formats: ['pdf', 'html', 'csv', 'svg', 'png'] }))).toEqual([
      'kosovo: skipped',
    ]);
  });

  it('prints a corrected report with "Corrected on", keeps each build in the history, and diffs the two PDFs page by page', async () => {
    await copyFile(output('kosovo.pdf'), path.join(root, 'before.pdf'));
    const text = await readFile(kosovo, 'utf8');
    await writeFile(
      kosovo,
      `${text.replace('clearance_m2: 47065', 'clearance_m2: 47605').replaceAll('47,065m²', '47,605m²')}corrections:\n  - date: 2025-11-03\n    change: "Clearance in 2024: 47,605m², not 47,065m²"\n    reason: HALO corrected its figures\n`,
    );
    const s = await build({ formats: ['pdf', 'html', 'csv', 'svg', 'png'] });
    expect(statuses(s)).toEqual(['kosovo: built']);
    // The figure now agrees with Table 7: the known warning is gone; Table 3's HALO staff stays.
    expect(s.results[0]?.problems.map((p) => p.path)).toEqual([
      'tables.gender_composition.rows.2.total_staff',
    ]);
    const pages = pdfPages(output('kosovo.pdf'));
    expect(squash(pages[0] ?? '')).toContain(squash('KOSOVO Corrected on 3 November 2025'));
    const entry = (await readManifest(out, 2025, VERSION)).profiles['clearing-the-mines/kosovo'];
    expect(entry?.history?.map((h) => h.corrections)).toEqual([0, 1]);
    expect(new Set(entry?.history?.map((h) => h.inputs)).size).toBe(2);

    const changes = await diff({
      old: path.join(root, 'before.pdf'),
      new: output('kosovo.pdf'),
      cwd: root,
    });
    expect(changes.kind).toBe('pdf');
    if (changes.kind !== 'pdf') return;
    const first = changes.pages.find((p) => p.page === 1);
    expect(first?.lines).toContainEqual({ sign: '+', text: 'Corrected on 3 November 2025' });
    const lines = changes.pages
      .flatMap((p) => p.lines.map((l) => `${l.sign} ${l.text}`))
      .join('\n');
    expect(lines).toMatch(/- .*47,065m²/);
    expect(lines).toMatch(/\+ .*47,605m²/);
    expect(
      isSame(await diff({ old: output('kosovo.pdf'), new: output('kosovo.pdf'), cwd: root })),
    ).toBe(true);
  });

  it('watermarks every page of a report in review, and --final refuses it (and its volume) while building nothing', async () => {
    await writeFile(
      kosovo,
      (await readFile(kosovo, 'utf8')).replace(/\nstatus: final\n/, '\nstatus: review\n'),
    );
    const before = await readFile(output('kosovo.pdf'));
    const refused = await build({ final: true, volume: true });
    expect(statuses(refused)).toEqual([
      'kosovo: failed (not final (status: review): --final builds only profiles marked status: final)',
      'clearing-the-mines-2025 (volume): failed (volume not built: not final: kosovo)',
      'overview-2025: failed (overview not built: not final: kosovo)',
    ]);
    expect(await readFile(output('kosovo.pdf'))).toEqual(before);

    expect(statuses(await build())).toEqual(['kosovo: built']);
    const raw = rawPages(output('kosovo.pdf'));
    expect(raw.length).toBeGreaterThan(5);
    for (const [i, page] of raw.entries())
      expect(page, `page ${i + 1}`).toMatch(/\bFOR\s+REVIEW\b/);
    const history = (await readManifest(out, 2025, VERSION)).profiles['clearing-the-mines/kosovo']
      ?.history;
    expect(history?.map((h) => h.status)).toEqual(['final', 'final', 'review']);
  });
});
