import { describe, expect, it } from 'vitest';
import type { LayoutGlobal } from '../../../src/pdf/layout/script.js';
import { layoutPages } from './in-page.js';

const { load } = layoutPages();

describe('keep-with-next: what must not end a page', () => {
  it('is a heading, a caption, a table head or first row, or a block asking for it', async () => {
    const page = await load(`
      <h2 id="h">Heading</h2><p id="p">Text</p><p id="avoid" style="break-after: avoid">Lead-in</p>
      <table><caption id="cap">T</caption><thead id="head"><tr><th>h</th></tr></thead>
      <tbody><tr id="r1"><td>1</td></tr><tr id="r2"><td>2</td></tr></tbody>
      <tbody class="kd-continued"><tr id="c1"><td>3</td></tr></tbody></table>`);
    const got = await page.evaluate(() => {
      const { keepsWithNext } = (globalThis as unknown as LayoutGlobal).keydataLayout;
      return Object.fromEntries(
        ['h', 'p', 'avoid', 'cap', 'head', 'r1', 'r2', 'c1'].map((id) => [
          id,
          keepsWithNext(document.getElementById(id) as Element),
        ]),
      );
    });
    expect(got).toEqual({
      h: true,
      p: false,
      avoid: true,
      cap: true,
      head: true,
      r1: true,
      r2: false,
      c1: false,
    });
  });
});

describe('keep-with-next: the blocks at a page end that move on', () => {
  const PAGE = `<div id="body"><p>Placed text.</p>
    <section id="s" data-kd-shell=""><h2 id="h2">Section</h2>
      <div id="inner" data-kd-shell=""><colgroup></colgroup><h3 id="h3">Sub</h3></div></section></div>`;

  it('takes trailing headings with the depth of their shell, in order, looking through shells', async () => {
    const page = await load(PAGE);
    const got = await page.evaluate(() => {
      const { trailingKeeps, leafBlocks } = (globalThis as unknown as LayoutGlobal).keydataLayout;
      const shells = ['#body', '#s', '#inner'].map((s) => document.querySelector(s) as Element);
      const leaves = leafBlocks(shells[0] as Element).map((e) => e.tagName);
      const taken = trailingKeeps(shells[0] as Element, shells).map((k) => [k.level, k.el.id]);
      return { leaves, taken, left: leafBlocks(shells[0] as Element).map((e) => e.tagName) };
    });
    expect(got.leaves).toEqual(['P', 'H2', 'H3']);
    expect(got.taken).toEqual([
      [1, 'h2'],
      [2, 'h3'],
    ]);
    expect(got.left).toEqual(['P']);
  });

  it('never takes the first block of a page, even a heading', async () => {
    const page = await load('<div id="body"><h2>Alone</h2><h3>Also alone</h3></div>');
    const got = await page.evaluate(() => {
      const { trailingKeeps } = (globalThis as unknown as LayoutGlobal).keydataLayout;
      const body = document.querySelector('#body') as Element;
      return trailingKeeps(body, [body]).map((k) => k.el.tagName);
    });
    expect(got).toEqual(['H3']);
  });
});
