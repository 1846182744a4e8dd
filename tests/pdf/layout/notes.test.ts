import { describe, expect, it } from 'vitest';
import type { PageBox } from '../../../src/pdf/layout/notes.js';
import type { LayoutGlobal } from '../../../src/pdf/layout/script.js';
import { layoutPages } from './in-page.js';

const { load } = layoutPages();

const FIXTURE = `
<div class="kd-page"><div class="kd-page-body">
  <p>First <a data-note="2" href="#n2">2</a> and <a data-note="1" href="#n1">1</a>.</p>
</div><div class="kd-page-notes"></div></div>
<ol id="source-notes"><li data-note="1">Note one.</li><li data-note="2">Note two.</li><li data-note="3">Note three.</li></ol>`;

/** The fixture's page box and notes by number, as the pass holds them, set up in the page. */
interface FixtureGlobal {
  notesFixture: { source: Map<number, Element>; box: PageBox };
}

async function loadFixture() {
  const page = await load(FIXTURE);
  await page.evaluate(() => {
    (globalThis as unknown as FixtureGlobal).notesFixture = {
      source: new Map(
        Array.from(document.querySelectorAll('#source-notes li')).map(
          (li) => [Number(li.getAttribute('data-note')), li] as [number, Element],
        ),
      ),
      box: {
        el: document.querySelector('.kd-page') as HTMLElement,
        body: document.querySelector('.kd-page-body') as HTMLElement,
        notes: document.querySelector('.kd-page-notes') as HTMLElement,
        notesKey: '',
        placed: 0,
      },
    };
  });
  return page;
}

describe('place notes: a page foot holds the notes its body cites', () => {
  it('copies the cited notes, in the order cited, and leaves the source list alone', async () => {
    const page = await loadFixture();
    const got = await page.evaluate(() => {
      const { syncNotes } = (globalThis as unknown as LayoutGlobal).keydataLayout;
      const { source, box } = (globalThis as unknown as FixtureGlobal).notesFixture;
      syncNotes(document, box, source);
      const foot = Array.from(box.notes.querySelectorAll('ol.kd-note-list > li')).map(
        (li) => li.textContent,
      );
      const list = box.notes.firstElementChild;
      syncNotes(document, box, source);
      const redrawn = box.notes.firstElementChild !== list;
      box.body.replaceChildren();
      syncNotes(document, box, source);
      return {
        foot,
        key: box.notesKey,
        redrawn,
        emptied: box.notes.children.length,
        sourceLeft: document.querySelectorAll('#source-notes li').length,
      };
    });
    expect(got.foot).toEqual(['Note two.', 'Note one.']);
    expect(got.redrawn).toBe(false);
    expect(got.emptied).toBe(0);
    expect(got.sourceLeft).toBe(3);
  });

  it('keeps the foot notes still cited in order and redraws only those after them', async () => {
    const page = await loadFixture();
    const got = await page.evaluate(() => {
      const { syncNotes } = (globalThis as unknown as LayoutGlobal).keydataLayout;
      const { source, box } = (globalThis as unknown as FixtureGlobal).notesFixture;
      const foot = () =>
        Array.from(box.notes.querySelectorAll('ol.kd-note-list > li')).map((li) => li.textContent);
      syncNotes(document, box, source);
      const [two, one] = Array.from(box.notes.querySelectorAll('li'));
      const p = document.createElement('p');
      p.innerHTML = 'More <a data-note="3" href="#n3">3</a> and <a data-note="9" href="#n9">9</a>.';
      box.body.appendChild(p);
      syncNotes(document, box, source);
      const grown = foot();
      const kept =
        box.notes.querySelectorAll('li')[0] === two && box.notes.querySelectorAll('li')[1] === one;
      // The first block leaves: every note after the change is redrawn in the new order.
      box.body.firstElementChild?.remove();
      syncNotes(document, box, source);
      return { grown, kept, shrunk: foot(), key: box.notesKey };
    });
    expect(got.grown).toEqual(['Note two.', 'Note one.', 'Note three.']);
    expect(got.kept).toBe(true);
    expect(got.shrunk).toEqual(['Note three.']);
    expect(got.key).toBe('3,9');
  });

  it('reads the references a block cites (citedNotes)', async () => {
    const page = await load(FIXTURE);
    const cited = await page.evaluate(() =>
      (globalThis as unknown as LayoutGlobal).keydataLayout.citedNotes(document.body),
    );
    expect(cited).toEqual([2, 1]);
  });
});
