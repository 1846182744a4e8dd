import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdition, type BuildSummary } from '../../src/commands/build.js';
import { volumePath } from '../../src/commands/volume.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { pdfBookmarks, pdfInfo, pdfPages, squash } from '../support/pdf-text.js';
import { sharedBrowser } from '../support/shared-browser.js';

describe('the edition volume', () => {
  let root: string;
  let summary: BuildSummary;
  let file: string;
  let pages: string[];
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'keydata-volume-'));
    const dir = path.join(root, 'editions', '2025', 'clearing-the-mines');
    await cp(path.join(PROJECT_ROOT, 'tests/fixtures/editions/2025/clearing-the-mines'), dir, {
      recursive: true,
    });
    await cp(
      path.join(PROJECT_ROOT, 'data/editions/2025/clearing-the-mines/kosovo.yaml'),
      path.join(dir, 'kosovo.yaml'),
    );
    summary = await buildEdition({
      ...sharedBrowser(),
      editionsDir: path.join(root, 'editions'),
      outDir: path.join(root, 'out'),
      edition: 2025,
      volume: true,
    });
    file = volumePath(path.join(root, 'out'), 2025, 'clearing-the-mines');
    pages = pdfPages(file);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('is built beside the country reports', () => {
    // Two countries, the volume, and the overview files beside it.
    expect(summary.results.map((r) => [r.country.country, r.status])).toEqual([
      ['arcadia', 'built'],
      ['kosovo', 'built'],
      ['clearing-the-mines-2025 (volume)', 'built'],
      ['overview-2025', 'built'],
    ]);
    expect(pdfInfo(file).Title).toBe('Clearing the Mines 2025');
  });

  it('opens with a cover, then contents whose page numbers are where each country starts', () => {
    expect(squash(pages[0] ?? '')).toContain(squash('CLEARING THE MINES 2025'));
    const contents = pages[1] ?? '';
    expect(contents).toMatch(/CONTENTS/);
    const listed = [...contents.matchAll(/^(Arcadia|Kosovo)\s+(\d+)\s*$/gm)].map(
      (m) => [m[1] ?? '', Number(m[2])] as const,
    );
    expect(listed.map(([name]) => name)).toEqual(['Arcadia', 'Kosovo']);
    for (const [name, page] of listed) {
      // The listed page is the country's first: its title and its KEY DATA box.
      const text = pages[page - 1] ?? '';
      expect(text, `${name} on page ${page}`).toMatch(
        new RegExp(`^\\s*CLEARING THE MINES 2025\\s+${name.toUpperCase()}\\s`),
      );
      expect(text).toContain('KEY DATA');
      expect(pages[page - 2] ?? '').not.toContain('KEY DATA\n');
    }
  });

  it('numbers its pages through the book and names each country in the running header', () => {
    const last = pages.at(-1) ?? '';
    expect(last.trim().split('\n').at(-1)?.trim()).toBe(String(pages.length));
    const kosovoStart = Number(/^Kosovo\s+(\d+)\s*$/m.exec(pages[1] ?? '')?.[1]);
    expect(pages[kosovoStart]?.trimStart().startsWith('CLEARING THE MINES 2025')).toBe(true);
    expect(pages[kosovoStart]).toMatch(/^\s*CLEARING THE MINES 2025\s+KOSOVO/);
  });

  it('opens, after its contents, with the overview of the edition derived from every country', async () => {
    const overview = pages[2] ?? '';
    expect(overview).toMatch(/OVERVIEW OF THE EDITION/);
    // pdftotext orders the cells of wrapped table rows as it likes: look for each one.
    for (const cell of [
      'Heavy 36km² State Party 1 March 2028 (extended) Not on track',
      'Light 1.12km² Not party',
      // Land release across the edition: Arcadia's and Kosovo's together, this year and last.
      // Areas in km², as tables print them (2,233,515m² and 2,569,424m²).
      'Clearance 2.23km² 2.57km²',
      'AP mines destroyed 1,750 2,025',
      '5.4 Average 5.7',
    ])
      expect(squash(overview)).toContain(squash(cell));
    const csv = await readFile(path.join(path.dirname(file), 'overview.csv'), 'utf8');
    expect(csv).toContain('Kosovo,Light,1.12,Not party');
    const json = JSON.parse(await readFile(path.join(path.dirname(file), 'overview.json'), 'utf8'));
    expect(json.rows.map((r: { country: string }) => r.country)).toEqual(['Arcadia', 'Kosovo']);
  });

  it('has a bookmark per country', () => {
    const marks = pdfBookmarks(file);
    expect(marks).toContain('Arcadia');
    expect(marks).toContain('Kosovo');
  });

  it("keeps each country's footnotes numbered from 1 at the foot of its own pages", () => {
    const kosovoStart = Number(/^Kosovo\s+(\d+)\s*$/m.exec(pages[1] ?? '')?.[1]);
    const kosovoSecond = pages[kosovoStart] ?? '';
    expect(kosovoSecond).toMatch(/^1 Email from Ahmet Sallova, Head, KMAC, 5 May 2025\.$/m);
  });
});
