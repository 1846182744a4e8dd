/**
 * The flow on small documents: paragraphs, lists and tables split across pages, notes at the
 * foot of the page citing them, headings kept with what follows, a block too tall refused.
 * Each report is also put through the guard, as printing does.
 */
import { describe, expect, it } from 'vitest';
import { checkLayout } from '../../../src/pdf/layout/guard.js';
import type { PaginateOptions, PaginateReport } from '../../../src/pdf/layout/paginate.js';
import type { LayoutGlobal } from '../../../src/pdf/layout/script.js';
import { layoutPages, lines, words } from './in-page.js';

const { load } = layoutPages();
const OPTIONS: PaginateOptions = {
  flowRoot: '.kd-flow',
  notesSource: '.notes .note-list',
  orphans: 2,
  widows: 2,
};

/**
 * Lays out `flow` (and `notes`, list items with data-note) and returns the report and pages;
 * `css` is added to the fixture's styles.
 */
async function paginate(flow: string, notes = '', options: PaginateOptions = OPTIONS, css = '') {
  const page = await load(
    `<style>${css}</style><main class="kd-flow">${flow}</main><section class="notes"><ol class="note-list">${notes}</ol></section>`,
  );
  return page.evaluate((o) => {
    const report = (globalThis as unknown as LayoutGlobal).keydataLayout.paginate(o);
    const pages = Array.from(document.querySelectorAll('.kd-page')).map((p) => ({
      html: p.innerHTML,
      text: p.querySelector('.kd-page-body')?.textContent ?? '',
      continued: Array.from(p.querySelectorAll('.kd-continued')).map((e) => e.tagName),
    }));
    return { report, pages };
  }, options);
}

const fragmentsOf = (r: PaginateReport, id: string) => r.fragments.filter((f) => f.id === id);

describe('split a paragraph between lines', () => {
  it('carries the rest of a long paragraph to the next page, losing and repeating nothing', async () => {
    const { report, pages } = await paginate(lines(20));
    expect(checkLayout(report)).toEqual([]);
    expect(fragmentsOf(report, 'b0').map((f) => [f.page, f.text.split(' ').length])).toEqual([
      [0, 12],
      [1, 8],
    ]);
    expect(
      fragmentsOf(report, 'b0')
        .map((f) => f.text)
        .join(' '),
    ).toBe(report.source[0]?.text);
    expect(pages[1]?.continued).toEqual(['P']);
  });

  it('moves a paragraph whole rather than leave one line at the foot (orphans: 2)', async () => {
    const { report } = await paginate(lines(11) + lines(4, 'x'));
    expect(checkLayout(report)).toEqual([]);
    expect(fragmentsOf(report, 'b1').map((f) => [f.page, f.text])).toEqual([[1, 'x0 x1 x2 x3']]);
  });

  it('carries at least two lines to the next page (widows: 2)', async () => {
    const three = await paginate(lines(9) + lines(5, 'x'));
    expect(fragmentsOf(three.report, 'b1').map((f) => f.text)).toEqual(['x0 x1 x2', 'x3 x4']);
    const two = await paginate(lines(9) + lines(4, 'x'));
    expect(fragmentsOf(two.report, 'b1').map((f) => f.text)).toEqual(['x0 x1', 'x2 x3']);
  });
});

describe('split a list between items and within an item', () => {
  it('continues the list on the next page as the same list, marked continued', async () => {
    const items = Array.from({ length: 20 }, (_, i) => `<li>Item ${i} ${words(1)}</li>`).join('');
    const { report, pages } = await paginate(`<ol id="list" start="4">${items}</ol>`);
    expect(checkLayout(report)).toEqual([]);
    expect(report.pages).toBeGreaterThan(1);
    expect(pages[1]?.continued[0]).toBe('OL');
    expect(pages[1]?.html).not.toContain('id="list"');
    expect(pages[1]?.html).toContain('start="4"');
    const texts = report.fragments.filter((f) => f.id.startsWith('b')).map((f) => f.text);
    for (let i = 0; i < 20; i++) expect(texts.join(' ')).toContain(`Item ${i} `);
  });
});

describe('split a table between rows', () => {
  it('repeats the header row on every page and prints each row once', async () => {
    const rows = Array.from(
      { length: 30 },
      (_, i) => `<tr><td>Row ${i}</td><td>${i * 100}</td></tr>`,
    ).join('');
    const { report, pages } = await paginate(
      `<table><thead><tr><th>District</th><th>Area</th></tr></thead><tbody>${rows}</tbody></table>`,
    );
    expect(checkLayout(report)).toEqual([]);
    expect(report.pages).toBeGreaterThan(1);
    for (const p of pages) expect(p.text.match(/DistrictArea/g)).toHaveLength(1);
    for (const p of pages.slice(1)) expect(p.continued).toContain('TABLE');
    for (let i = 0; i < 30; i++) {
      const rowId = report.source.find((s) => s.text === `Row ${i}${i * 100}`)?.id;
      expect(rowId, `row ${i}`).toBeDefined();
      expect(fragmentsOf(report, rowId as string)).toHaveLength(1);
    }
  });
});

describe('place notes at the foot of the page that cites them', () => {
  it('puts each note on its reference page, and only there', async () => {
    const cite = (n: number) => `<a data-note="${n}" href="#note-${n}">${n}</a>`;
    const { report } = await paginate(
      `<p>${words(3)} ${cite(1)}</p>${lines(12, 'x')}<p>${words(2, 'y')} ${cite(2)}</p>`,
      '<li data-note="1">The first note.</li><li data-note="2">The second note.</li>',
    );
    expect(checkLayout(report)).toEqual([]);
    expect(report.pages).toBeGreaterThan(1);
    const pageOf = (n: number) => report.refsOnPage.findIndex((refs) => refs.includes(n));
    expect(report.notesOnPage[pageOf(1)]).toEqual([1]);
    expect(report.notesOnPage[pageOf(2)]).toContain(2);
    expect(report.notesOnPage.flat().sort()).toEqual([1, 2]);
  });
});

describe('keep-with-next at a page break', () => {
  it('moves a heading at the foot of a page on with its paragraph', async () => {
    // Fill most of the first page, so the heading fits there but its paragraph does not.
    const { report } = await paginate(
      `<p style="height: 150px">${words(1)}</p><h2>A heading</h2><p>${words(4, 'x')}</p>`,
    );
    expect(checkLayout(report)).toEqual([]);
    const heading = report.source.find((s) => s.tag === 'h2')?.id as string;
    const after = report.source[report.source.findIndex((s) => s.id === heading) + 1]?.id;
    const headingPage = fragmentsOf(report, heading)[0]?.page;
    expect(headingPage).toBe(1);
    expect(fragmentsOf(report, after as string)[0]?.page).toBe(headingPage);
  });
});

describe('a block taller than an empty page', () => {
  it('is placed alone and reported, so the guard refuses the document', async () => {
    const { report } = await paginate(
      '<p>Before.</p><figure style="height: 400px; margin: 0">Tall</figure><p>After.</p>',
    );
    expect(report.oversize.map((o) => o.id)).toEqual(['b1']);
    expect(checkLayout(report).some((v) => v.element.startsWith('figure'))).toBe(true);
  });
});

describe('predicted runs: the same pages, measured less often', () => {
  /** Sections of headings, paragraphs citing notes, lists and a table: many pages of blocks. */
  const flow = Array.from(
    { length: 6 },
    (_, s) =>
      `<section><h2>Section ${s}</h2>${lines(3, `s${s}a`)}<p>${words(2, `s${s}b`)} <a data-note="${s + 1}" href="#n">${s + 1}</a></p>` +
      `<ul>${Array.from({ length: 4 }, (_, i) => `<li>Item ${s}.${i} ${words(1, `i${s}${i}`)}</li>`).join('')}</ul>` +
      `<table><thead><tr><th>District</th><th>Area</th></tr></thead><tbody>${Array.from({ length: 5 }, (_, r) => `<tr><td>d${s}${r}</td><td>${r}</td></tr>`).join('')}</tbody></table>` +
      `${lines(5, `s${s}c`)}<p>${words(1, `s${s}d`)} <a data-note="${s + 11}" href="#n">${s + 11}</a></p></section>`,
  ).join('');
  const notes = [1, 2, 3, 4, 5, 6, 11, 12, 13, 14, 15, 16]
    .map((n) => `<li data-note="${n}">${n} ${words(n % 3, `n${n}`)}</li>`)
    .join('');

  it('lays the flow out exactly as measuring after every block does, with fewer measurements', async () => {
    const predicted = await paginate(flow, notes);
    const reference = await paginate(flow, notes, { ...OPTIONS, predictRuns: false });
    expect(checkLayout(predicted.report)).toEqual([]);
    expect(predicted.report.pages).toBeGreaterThan(5);
    expect(predicted.pages.map((p) => p.html)).toEqual(reference.pages.map((p) => p.html));
    expect(predicted.report.notesOnPage).toEqual(reference.report.notesOnPage);
    expect(predicted.report.measurements).toBeLessThan(reference.report.measurements * 0.7);
  });

  it('counts the blocks a run placed: no lone line under a heading and a run (orphans)', async () => {
    // A page of 12 lines: a heading, two paragraphs placed as one run, one line of room left.
    const flow = `<h2>Heading</h2>${lines(5, 'x')}${lines(5, 'y')}${lines(6, 'z')}`;
    const predicted = await paginate(flow);
    const reference = await paginate(flow, '', { ...OPTIONS, predictRuns: false });
    expect(predicted.pages.map((p) => p.html)).toEqual(reference.pages.map((p) => p.html));
    expect(fragmentsOf(predicted.report, 'b3').map((f) => f.page)).toEqual([1]);
  });

  /** Sections of 7 lines on pages of 12: most pages open with the rest of a section split. */
  const sections = Array.from(
    { length: 10 },
    (_, s) => `<section>${lines(4, `s${s}a`)}${lines(3, `s${s}b`)}</section>`,
  ).join('');

  it('goes on past the end of a container split across pages, with its next siblings', async () => {
    const predicted = await paginate(sections);
    const reference = await paginate(sections, '', { ...OPTIONS, predictRuns: false });
    expect(predicted.pages.map((p) => p.html)).toEqual(reference.pages.map((p) => p.html));
    expect(predicted.report.pages).toBe(6);
    // A run ending with its container would leave the next section to a measurement of its own.
    expect(predicted.report.measurements).toBeLessThanOrEqual(2 * predicted.report.pages);
  });

  it('takes a run that does not fit back whole, the containers it closed reopened', async () => {
    // The flow is measured in the first page; on the next ones each section is 24px taller:
    // runs that close a section or hold one are predicted to fit and do not.
    const css = '.kd-page + .kd-page section { padding-bottom: 24px }';
    const predicted = await paginate(sections, '', OPTIONS, css);
    const reference = await paginate(sections, '', { ...OPTIONS, predictRuns: false }, css);
    expect(predicted.pages.map((p) => p.html)).toEqual(reference.pages.map((p) => p.html));
    expect(predicted.report.runsTakenBack).toBeGreaterThan(0);
  });

  it('leaves the blocks of the first page where the flow was laid out, moving only the others', async () => {
    const page = await load(`<main class="kd-flow">${sections}</main>`);
    const moves = await page.evaluate((o) => {
      // How often each block is put into a parent while the pass runs.
      const added = new Map<Node, number>();
      const observer = new MutationObserver((records) => {
        for (const r of records)
          for (const n of Array.from(r.addedNodes)) added.set(n, (added.get(n) ?? 0) + 1);
      });
      observer.observe(document.body, { childList: true, subtree: true });
      (globalThis as unknown as LayoutGlobal).keydataLayout.paginate(o);
      for (const r of observer.takeRecords())
        for (const n of Array.from(r.addedNodes)) added.set(n, (added.get(n) ?? 0) + 1);
      observer.disconnect();
      const blocksOf = (p: Element) =>
        Array.from(p.querySelectorAll('.kd-page-body > *:not([data-kd-shell])'));
      const [first, ...rest] = Array.from(document.querySelectorAll('.kd-page'));
      return {
        first: blocksOf(first as Element).map((b) => added.get(b) ?? 0),
        rest: rest.flatMap(blocksOf).map((b) => added.get(b) ?? 0),
      };
    }, OPTIONS);
    expect(moves.first.length).toBeGreaterThan(0);
    expect(moves.first.every((n) => n === 1)).toBe(true);
    expect(moves.rest.length).toBeGreaterThan(0);
    expect(moves.rest.every((n) => n >= 2)).toBe(true);
  });

  it('moves the blocks of the first page like the others when they do not fit as predicted', async () => {
    // The notes at a page's foot are taller than where they were measured: the first
    // page's run, citing them, does not fit.
    const cite = (n: number) => `<a data-note="${n}" href="#n">${n}</a>`;
    const flow = `<p>${words(2, 'a')} ${cite(1)}</p>${lines(3, 'b')}<p>${words(1, 'c')} ${cite(2)}</p>${lines(8, 'd')}`;
    const notes = '<li data-note="1">One.</li><li data-note="2">Two.</li>';
    const css = '.kd-page .kd-page-notes li { padding-bottom: 40px }';
    const predicted = await paginate(flow, notes, OPTIONS, css);
    const reference = await paginate(flow, notes, { ...OPTIONS, predictRuns: false }, css);
    expect(predicted.pages.map((p) => p.html)).toEqual(reference.pages.map((p) => p.html));
    expect(predicted.report.runsTakenBack).toBeGreaterThan(0);
    expect(checkLayout(predicted.report)).toEqual([]);
  });

  it('starts a new page at a block with break-before: page inside a run', async () => {
    const flow = `${lines(2, 'x')}${lines(2, 'y')}<section style="break-before: page">${lines(2, 'z')}</section>${lines(2, 'w')}`;
    const predicted = await paginate(flow);
    const reference = await paginate(flow, '', { ...OPTIONS, predictRuns: false });
    expect(predicted.pages.map((p) => p.html)).toEqual(reference.pages.map((p) => p.html));
    expect(predicted.pages.map((p) => p.text)).toEqual(['x0 x1y0 y1', 'z0 z1w0 w1']);
  });
});
