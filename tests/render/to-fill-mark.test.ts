/** The mark of a value still to fill, as a draft prints it: escaped, highlighted, in place. */
import { describe, expect, it } from 'vitest';
import { renderInline } from '../../src/render/markdown.js';
import {
  documentDate,
  figureHtml,
  publishedHtml,
  toFillMark,
} from '../../src/render/to-fill-mark.js';

const env = {
  noteNumbers: new Map<string, number>(),
  facts: new Map([['clearance_m2', 'TO FILL 2026']]),
};
const int = (n: number) => n.toLocaleString('en-GB');

describe('the TO FILL mark', () => {
  it('is a highlighted element holding escaped text', () => {
    expect(toFillMark(2026)).toBe('<mark class="to-fill">TO FILL 2026</mark>');
  });

  it('stands in a figure cell where the value would, a cell mark before it escaped', () => {
    expect(figureHtml(1234, int)).toBe('1,234');
    expect(figureHtml({ to_fill: 2026 }, int, '*')).toBe(
      '*<mark class="to-fill">TO FILL 2026</mark>',
    );
    expect(figureHtml({ value: undefined, missing: 'not_reported', note: undefined }, int)).toBe(
      '–',
    );
    expect(figureHtml({ to_fill: 2026 }, int, '<&>')).toBe(
      '&lt;&amp;&gt;<mark class="to-fill">TO FILL 2026</mark>',
    );
  });

  it('marks prose: a text still to fill, and a derived value still to fill', () => {
    expect(renderInline('TO FILL 2026', env)).toBe('<mark class="to-fill">TO FILL 2026</mark>');
    expect(renderInline('Cleared {=clearance_m2} in 2025.', env)).toBe(
      'Cleared <mark class="to-fill">TO FILL 2026</mark> in 2025.',
    );
    expect(renderInline('To fill 2026 <b>', env)).toBe('To fill 2026 &lt;b&gt;');
  });

  it('stands for a publication date still to fill; the PDF takes 1 January of the edition', () => {
    expect(publishedHtml('2025-10-15')).toBe('15 October 2025');
    expect(publishedHtml({ to_fill: 2026 })).toBe('<mark class="to-fill">TO FILL 2026</mark>');
    expect(documentDate({ published: { to_fill: 2026 }, edition: 2026 })).toBe('2026-01-01');
    expect(documentDate({ published: '2025-10-15', edition: 2025 })).toBe('2025-10-15');
  });
});
