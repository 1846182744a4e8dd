import { describe, expect, it } from 'vitest';
import { firstBelow } from '../../../src/pdf/layout/measure.js';
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

describe('measure: the first word of the next line, searched for', () => {
  it('finds where a false-then-true predicate turns, from any guess, asking little', () => {
    for (const [from, to] of [
      [0, 1],
      [0, 40],
      [3, 17],
      [5, 5],
    ] as const) {
      for (let turn = from; turn <= to; turn++) {
        for (let guess = from - 2; guess <= to + 2; guess++) {
          let asked = 0;
          const pred = (i: number) => {
            asked++;
            expect(i >= from && i < to).toBe(true);
            return i >= turn;
          };
          expect(firstBelow(pred, from, to, guess)).toBe(turn);
          // A right guess costs two questions: the guess and the index before it.
          if (guess === turn && turn > from && turn < to) expect(asked).toBe(2);
          expect(asked).toBeLessThanOrEqual(2 + 2 * Math.ceil(Math.log2(to - from + 1)));
        }
      }
    }
  });

  it('gives the lines a word-by-word scan finds, through markup and superscripts', async () => {
    const cite = (n: number) => `<sup><a data-note="${n}" href="#n">${n}</a></sup>`;
    const page = await load(
      `<p style="width: 260px">${words(3)} <em>${words(2, 'e')}</em>${cite(1)} ${words(4, 'x')} <strong>${words(1, 's')} ${cite(2)}</strong> ${words(5, 'y')}</p>`,
    );
    const got = await page.evaluate(() => {
      const p = document.querySelector('p') as HTMLElement;
      const fast = (globalThis as unknown as LayoutGlobal).keydataLayout.lineStarts(document, p);
      // Every word's box, in order: the rule lineStarts keeps, without skipping any word.
      const slow: { offset: number; above: number; text: string }[] = [];
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let bottom = Number.NEGATIVE_INFINITY;
      let first = true;
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        for (const m of n.data.matchAll(/\S+/g)) {
          range.setStart(n, m.index);
          range.setEnd(n, m.index + 1);
          const r = range.getBoundingClientRect();
          if (r.height === 0) continue;
          if (first) [first, bottom] = [false, r.bottom];
          else if (r.top >= bottom - 1) {
            slow.push({ offset: m.index, above: bottom, text: n.data });
            bottom = r.bottom;
          } else bottom = Math.max(bottom, r.bottom);
        }
      }
      return {
        fast: fast.map((s) => ({ offset: s.offset, above: s.above, text: s.node.data })),
        slow,
        lines: Math.round(p.getBoundingClientRect().height / 15),
      };
    });
    expect(got.lines).toBeGreaterThan(8);
    expect(got.fast).toEqual(got.slow);
  });
});
