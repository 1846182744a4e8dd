import { describe, expect, it } from 'vitest';
import type { LayoutGlobal } from '../../../src/pdf/layout/script.js';
import { layoutPages, words } from './in-page.js';

const MM = 96 / 25.4;
const { load } = layoutPages();

describe('measure: the page box from @page', () => {
  it('is the page size less the margins, floored, less 1px (a box 1px too tall spills over)', async () => {
    const page = await load('<p>x</p>');
    const g = await page.evaluate(() =>
      (globalThis as unknown as LayoutGlobal).keydataLayout.pageGeometry(document),
    );
    expect(g.pageHeight).toBe(Math.floor(50 * MM) - 1);
    expect(g.contentWidth).toBeCloseTo(90 * MM, 1);
  });

  it('reads a named size (A5) and refuses a stylesheet without @page', async () => {
    const page = await load('<style>@page { size: A5 portrait; margin: 10mm 20mm; }</style>');
    const g = await page.evaluate(() => {
      // The fixture's own small-page rule comes first; only the A5 one should count.
      document.querySelector('style')?.remove();
      return (globalThis as unknown as LayoutGlobal).keydataLayout.pageGeometry(document);
    });
    expect(g.pageHeight).toBe(Math.floor(190 * MM) - 1);
    expect(g.contentWidth).toBeCloseTo(108 * MM, 1);
    const refused = await page.evaluate(() => {
      for (const s of Array.from(document.querySelectorAll('style'))) s.remove();
      try {
        (globalThis as unknown as LayoutGlobal).keydataLayout.pageGeometry(document);
        return 'measured';
      } catch (e) {
        return (e as Error).message;
      }
    });
    expect(refused).toMatch(/no @page rule/);
  });
});

describe('measure: where the lines of a paragraph start', () => {
  it('finds one start per line after the first, each at the start of a word', async () => {
    const page = await load(`<p style="width: 200px">${words(6)}</p>`);
    const got = await page.evaluate(() => {
      const p = document.querySelector('p') as HTMLElement;
      const starts = (globalThis as unknown as LayoutGlobal).keydataLayout.lineStarts(document, p);
      return {
        lines: Math.round(p.getBoundingClientRect().height / 15),
        starts: starts.length,
        atWords: starts.every((s) => s.offset === 0 || s.node.data[s.offset - 1] === ' '),
      };
    });
    expect(got.lines).toBeGreaterThan(3);
    expect(got.starts).toBe(got.lines - 1);
    expect(got.atWords).toBe(true);
  });

  it('finds none in a one-line paragraph, and follows lines through inline markup', async () => {
    const page = await load(
      `<p id="one">Short.</p><p id="marked" style="width: 150px">${words(2)} <em>${words(2, 'e')}</em> <strong>${words(2, 's')}</strong></p>`,
    );
    const got = await page.evaluate(() => {
      const { lineStarts } = (globalThis as unknown as LayoutGlobal).keydataLayout;
      const marked = document.querySelector('#marked') as HTMLElement;
      return {
        one: lineStarts(document, document.querySelector('#one') as Element).length,
        marked: lineStarts(document, marked).length,
        lines: Math.round(marked.getBoundingClientRect().height / 15),
      };
    });
    expect(got.one).toBe(0);
    expect(got.marked).toBe(got.lines - 1);
  });
});
