import { describe, expect, it } from 'vitest';
import type { LayoutGlobal } from '../../../src/pdf/layout/script.js';
import { layoutPages } from './in-page.js';

const { load } = layoutPages();

const TABLE = `<div id="host"></div>
<table id="t"><thead><tr data-kd="b0"><th>Region</th><th>Area (m²)</th></tr></thead>
<tbody><tr><td>North and the long valley</td><td>1,200</td></tr><tr><td>South</td><td>3</td></tr></tbody></table>`;

describe('split a table: each continuation repeats the header row and keeps the columns', () => {
  it('freezes the columns as laid out whole, then continues with the header and columns', async () => {
    const page = await load(TABLE);
    const got = await page.evaluate(() => {
      const { freezeColumns, rememberTableHead, continuationShell } = (
        globalThis as unknown as LayoutGlobal
      ).keydataLayout;
      const table = document.querySelector('#t') as HTMLTableElement;
      const widthsBefore = Array.from(table.rows[0]?.cells ?? []).map(
        (c) => c.getBoundingClientRect().width,
      );
      const memory = { heads: new WeakMap(), columns: new WeakMap() };
      freezeColumns(document, table, document.querySelector('#host') as Element, memory);
      rememberTableHead(table, memory);
      const first = continuationShell(table, false, memory);
      const next = continuationShell(table, true, memory);
      return {
        widthsBefore,
        cols: Array.from(table.querySelectorAll('colgroup col')).map((c) =>
          Number.parseFloat((c as HTMLElement).style.width),
        ),
        layout: table.style.tableLayout,
        probeLeft: document.querySelector('#host')?.children.length,
        first: { children: first.children.length, shell: first.hasAttribute('data-kd-shell') },
        next: {
          id: next.getAttribute('id'),
          continued: next.classList.contains('kd-continued'),
          order: Array.from(next.children).map((c) => c.tagName),
          headRepeat: next.querySelector('thead')?.hasAttribute('data-kd-repeat'),
          rowRepeat: next.querySelector('thead tr')?.getAttribute('data-kd-repeat'),
          headText: next.querySelector('thead')?.textContent,
        },
      };
    });
    expect(got.cols).toHaveLength(2);
    got.cols.forEach((w, i) => {
      expect(w).toBeCloseTo(got.widthsBefore[i] as number, 0);
    });
    expect(got.layout).toBe('fixed');
    expect(got.probeLeft).toBe(0);
    expect(got.first).toEqual({ children: 0, shell: true });
    expect(got.next).toEqual({
      id: null,
      continued: true,
      order: ['COLGROUP', 'THEAD'],
      headRepeat: true,
      rowRepeat: '',
      headText: 'RegionArea (m²)',
    });
  });
});

describe('split a list: the continuation is the same list, marked, without its id', () => {
  it('keeps the list type and numbering attributes and drops the id', async () => {
    const page = await load('<ol id="steps" start="3" class="steps"><li>a</li><li>b</li></ol>');
    const got = await page.evaluate(() => {
      const { continuationShell } = (globalThis as unknown as LayoutGlobal).keydataLayout;
      const memory = { heads: new WeakMap(), columns: new WeakMap() };
      const next = continuationShell(document.querySelector('#steps') as Element, true, memory);
      return {
        tag: next.tagName,
        id: next.id,
        start: next.getAttribute('start'),
        classes: next.className,
        children: next.children.length,
      };
    });
    expect(got).toEqual({
      tag: 'OL',
      id: '',
      start: '3',
      classes: 'steps kd-continued',
      children: 0,
    });
  });
});
