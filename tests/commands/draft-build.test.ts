/**
 * Editors build drafts all year (issue 12, point 8): a new edition, straight from
 * `new-edition 2026 --from 2025`, builds as a draft. Each value still to fill is a located
 * warning and prints as a highlighted "TO FILL 2026" where it would stand, in both report
 * kinds and in the exports; only `--final` (or a file that says it is final) refuses them.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/commands/build.js';
import { newEdition, type NewEditionResult } from '../../src/commands/new-edition.js';
import { formatProblem } from '../../src/data/problem.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { pdfPages } from '../support/pdf-text.js';
import { withoutSamples } from '../helpers/samples.js';
import { sharedBrowser } from '../support/shared-browser.js';

describe('a draft with values still to fill', () => {
  let root: string;
  let editions: string;
  let out: string;
  let started: NewEditionResult;
  let toFill: number;
  const output = (kind: string, name: string) => path.join(out, '2026', kind, name);
  const build = (extra: Partial<Parameters<typeof buildEdition>[0]> = {}) =>
    buildEdition({
      ...sharedBrowser(),
      editionsDir: editions,
      outDir: out,
      edition: 2026,
      ...extra,
    });

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'keydata-draft-'));
    editions = path.join(root, 'data', 'editions');
    out = path.join(root, 'out');
    await cp(path.join(PROJECT_ROOT, 'data'), path.join(root, 'data'), {
      recursive: true,
      filter: withoutSamples,
    });
    started = await newEdition({ to: 2026, from: 2025, editionsDir: editions });
    const ctm = started.kinds.find((k) => k.kind === 'clearing-the-mines');
    // Kosovo's figures to fill, and the edition's publication date.
    toFill = (ctm?.countries.find((c) => c.country === 'kosovo')?.toFill.length ?? 0) + 1;
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('builds, listing each value to fill as a warning at its FILE:LINE:COL', async () => {
    const s = await build({ kind: 'clearing-the-mines', formats: ['pdf', 'html', 'csv'] });
    const [kosovo] = s.results;
    expect(kosovo?.status).toBe('built');
    const marks = (kosovo?.problems ?? []).filter((p) => /still to fill/.test(p.message));
    expect(toFill).toBeGreaterThan(40);
    expect(marks).toHaveLength(toFill);
    expect(marks.every((p) => p.severity === 'warning')).toBe(true);
    expect(marks.map(formatProblem)).toContain(
      `${path.join(editions, '2026', 'clearing-the-mines', 'kosovo.yaml')}:19:19: warning: land_release.current.clearance_m2: still to fill for the 2026 edition (a draft prints "TO FILL 2026" here; --final refuses it)`,
    );
    expect(marks.map((p) => p.path)).toContain('published');
  });

  it('prints each value to fill as a highlighted mark where it would stand, totals too', async () => {
    const text = pdfPages(output('clearing-the-mines', 'kosovo.pdf')).join('\n');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat.match(/TO FILL 2026/g)?.length).toBeGreaterThanOrEqual(toFill);
    // A total that includes a value to fill is a mark too, never a number.
    expect(flat).toContain(
      'Mixed AP mines and CMR TO FILL 2026 TO FILL 2026 Totals TO FILL 2026 TO FILL 2026',
    );
    expect(flat).toContain('published TO FILL 2026');
    expect(flat).toContain('Total (excluding 2025, no figure)');
    expect(flat).toContain('not comparable with the 47,065m² cleared in 2024');
    const html = await readFile(output('clearing-the-mines', 'kosovo.html'), 'utf8');
    expect(html).toContain('<mark class="to-fill">TO FILL 2026</mark>');
    expect(html).toContain('<div class="kd-watermark"');
  });

  it('exports the mark as the cell text of a CSV, never a number', async () => {
    const csv = await readFile(
      output('clearing-the-mines', 'kosovo.mined_area_by_district.csv'),
      'utf8',
    );
    expect(csv.split('\r\n').at(-2)).toBe(`Totals${',TO FILL 2026'.repeat(6)}`);
  });

  it('prints the mark in a Monitor profile too (its edition publication date)', async () => {
    const s = await build({ kind: 'monitor-profile', country: 'veldoria', formats: ['pdf'] });
    expect(s.results.map((r) => r.status)).toEqual(['built']);
    expect(s.results[0]?.problems.map((p) => `${p.path}: ${p.severity}`)).toContain(
      'published: warning',
    );
    const text = pdfPages(output('monitor-profile', 'veldoria.pdf')).join(' ');
    expect(text.replace(/\s+/g, ' ')).toContain('as it stood on TO FILL 2026');
  });

  it('builds every kind the new edition started: Clearing Cluster Munition Remnants too', async () => {
    const s = await build({ kind: 'clearing-cluster-munition-remnants', formats: ['pdf'] });
    expect(s.results.length).toBeGreaterThan(0);
    for (const r of s.results) {
      expect(`${r.country.country}: ${r.status}`).toBe(`${r.country.country}: built`);
      expect(r.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
      expect(r.problems.some((p) => /still to fill/.test(p.message))).toBe(true);
      const text = pdfPages(
        output('clearing-cluster-munition-remnants', `${r.country.country}.pdf`),
      );
      expect(text.join(' ')).toContain('TO FILL 2026');
    }
  });

  it('is refused by --final, each value to fill located as an error', async () => {
    const s = await build({ kind: 'clearing-the-mines', final: true, force: true });
    const [kosovo] = s.results;
    expect(kosovo?.status).toBe('failed');
    const marks = (kosovo?.problems ?? []).filter((p) => /still to fill/.test(p.message));
    expect(marks).toHaveLength(toFill);
    expect(marks.every((p) => p.severity === 'error' && p.line > 0)).toBe(true);
  });

  it('is refused in a file that says it is final, even without --final', async () => {
    const file = path.join(editions, '2026', 'clearing-the-mines', 'kosovo.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('status: draft', 'status: final'));
    try {
      const s = await build({ kind: 'clearing-the-mines', formats: ['pdf'], force: true });
      expect(s.results[0]?.status).toBe('failed');
      const errors = (s.results[0]?.problems ?? []).filter((p) => p.severity === 'error');
      expect(errors).toHaveLength(toFill);
    } finally {
      await writeFile(file, text);
    }
  });
});
