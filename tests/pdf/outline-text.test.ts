/**
 * Issue 12, point 10: the bookmarks read as the headings are written (not in the capitals the
 * stylesheet sets), only real headings are bookmarks, and the text layer extracts as written
 * in both variants: no ligature characters, no letter-spaced masthead read as single letters.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/commands/build.js';
import { diff } from '../../src/commands/diff.js';
import { headingTexts } from '../../src/pdf/outline.js';
import { pdfBookmarks, pdfPages } from '../support/pdf-text.js';
import { sharedBrowser } from '../support/shared-browser.js';

describe('the outline and the text layer', () => {
  let out: string;
  const ctm = (f: string) => path.join(out, '2025', 'clearing-the-mines', f);
  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'keydata-outline-'));
    // Only the reports read below: the whole 2025 edition in both variants printed 26 more.
    await buildEdition({
      ...sharedBrowser(),
      outDir: out,
      edition: 2025,
      kind: 'clearing-the-mines',
      country: 'kosovo',
      variants: ['screen', 'print'],
    });
    await buildEdition({
      ...sharedBrowser(),
      outDir: out,
      edition: 2019,
      kind: 'monitor-profile',
      country: 'kosovo',
    });
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('reads a heading as written, entities decoded and inline tags dropped', () => {
    expect(
      headingTexts(
        '<h1 class="c">Kosovo</h1><p>x</p><h3 id="a">Mines &amp; <em>ERW</em>\n in 2024</h3>',
      ),
    ).toEqual(['Kosovo', 'Mines & ERW in 2024']);
  });

  it("gives the bookmarks the headings' own case, and no KEY DATA label is a bookmark", () => {
    const titles = pdfBookmarks(ctm('kosovo.pdf'));
    expect(titles).toContain('Key data');
    expect(titles).toContain('Recommendations for action');
    expect(titles).toContain('Kosovo');
    for (const t of titles) {
      expect(t, 'a label, not a heading').not.toMatch(/:$/);
      expect(t).not.toMatch(/[A-Z]{2,}\s[A-Z]{2,}\s[A-Z]{2,}/);
    }
    expect(titles.join('\n')).not.toMatch(/operator in ?2024/i);
  });

  it('extracts the same text from the screen and the print PDF, without ligature characters', async () => {
    const text = pdfPages(ctm('kosovo.print.pdf')).join('\n');
    expect(text).not.toMatch(/[\uFB00-\uFB06]/);
    expect(text).toContain('staff');
    const d = await diff({ old: ctm('kosovo.pdf'), new: ctm('kosovo.print.pdf'), cwd: out });
    expect(d.kind === 'pdf' && d.pages).toEqual([]);
  });

  it("extracts the Monitor's letter-spaced masthead as words", () => {
    const first = pdfPages(path.join(out, '2019', 'monitor-profile', 'kosovo.pdf'))[0] ?? '';
    expect(first).toContain('LANDMINE AND CLUSTER MUNITION MONITOR');
  });
});
