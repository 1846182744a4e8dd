/** The site's pure parts: charts made inline, links and sizes, the files an index offers. */
import { describe, expect, it } from 'vitest';
import { fileLinks } from '../../src/render/site/index-view.js';
import { inlineChartSvg, withInlineSvg } from '../../src/render/site/inline-svg.js';
import { fileSize, siteHref } from '../../src/render/site/site-page.js';

/** The absolute points a path visits, read back from its (relative or absolute) data. */
function points(d: string): [number, number][] {
  const tokens = d.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)/g) ?? [];
  const arity: Record<string, number> = { m: 2, l: 2, c: 6, z: 0 };
  const out: [number, number][] = [];
  let x = 0;
  let y = 0;
  let sx = 0;
  let sy = 0;
  let i = 0;
  while (i < tokens.length) {
    const cmd = tokens[i++] as string;
    const lower = cmd.toLowerCase();
    const relative = cmd === lower;
    if (lower === 'z') {
      x = sx;
      y = sy;
      continue;
    }
    const n = arity[lower] as number;
    const v = tokens.slice(i, i + n).map(Number);
    i += n;
    for (let k = 0; k < n; k += 2) {
      const px = (relative ? x : 0) + (v[k] as number);
      const py = (relative ? y : 0) + (v[k + 1] as number);
      out.push([px, py]);
    }
    x = out[out.length - 1]?.[0] as number;
    y = out[out.length - 1]?.[1] as number;
    if (lower === 'm') {
      sx = x;
      sy = y;
    }
  }
  return out;
}

const SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="250pt" height="150pt" viewBox="0 0 250 150" version="1.1">
<g id="surface11">
<path style=" stroke:none;fill-rule:nonzero;fill:rgb(35.686275%,40%,45.098039%);fill-opacity:1;" d="M 167.296875 112.101562 L 167.296875 104.898438 L 168.203125 104.898438 C 173.300781 107.699219 173.5 107.5 173.800781 107.300781 Z M 180.300781 108.101562 L 180.300781 107.699219 L 0.05 0.04 L 10.25 3.95 Z "/>
<use xlink:href="#surface11" x="1"/>
</g>
</svg>`;

describe("a chart view's inline SVG", () => {
  it('is computed only when read (a PDF build never reads it), once, as inlineChartSvg makes it', () => {
    const chart = { svg: SVG, alt: 'Bar chart' };
    const view = withInlineSvg({ width: 250 }, chart, 'figure-1');
    const property = Object.getOwnPropertyDescriptor(view, 'inlineSvg');
    expect(property?.get).toBeTypeOf('function');
    expect(property?.enumerable).toBe(true);
    const first = view.inlineSvg;
    expect(first).toBe(inlineChartSvg(SVG, 'figure-1', 'Bar chart'));
    chart.svg = '<svg>changed</svg>';
    expect(view.inlineSvg).toBe(first);
    expect(view.width).toBe(250);
  });
});

describe('a chart placed inline in a site page', () => {
  const svg = inlineChartSvg(SVG, 'figure-1', 'Bar chart, "A" & <B>');
  const d = /\sd="([^"]*)"/.exec(svg)?.[1] as string;

  it('is named by its description, escaped, and its ids are its own', () => {
    expect(svg).toMatch(
      /^<svg class="site-svg" role="img" aria-label="Bar chart, &quot;A&quot; &amp; &lt;B&gt;" focusable="false" xmlns=/,
    );
    expect(svg).toContain('id="figure-1-surface11"');
    expect(svg).toContain('xlink:href="#figure-1-surface11"');
    expect(svg).not.toContain('<?xml');
  });

  it('keeps every point of the drawing to a tenth of a point, in fewer bytes', () => {
    const original = /\sd="([^"]*)"/.exec(SVG)?.[1] as string;
    const before = points(original);
    const after = points(d);
    expect(after).toHaveLength(before.length);
    after.forEach(([x, y], i) => {
      const [ox, oy] = before[i] as [number, number];
      expect(Math.abs(x - ox), `x of point ${i}`).toBeLessThanOrEqual(0.051);
      expect(Math.abs(y - oy), `y of point ${i}`).toBeLessThanOrEqual(0.051);
    });
    expect(d.length).toBeLessThan(original.length / 2);
  });

  it('writes colours as hex and drops the declarations SVG assumes anyway', () => {
    expect(svg).toContain('style="fill:#5b6673"');
  });
});

describe('links and sizes on the site', () => {
  it('links a manifest path relative to the page, each part escaped', () => {
    expect(
      siteHref('2025/site/clearing-the-mines/kosovo.html', '2025/clearing-the-mines/kosovo.pdf'),
    ).toBe('../../clearing-the-mines/kosovo.pdf');
    expect(siteHref('2025/site/index.html', '2025/site/a b/c#d.html')).toBe('a%20b/c%23d.html');
  });

  it('gives sizes as a reader reads them', () => {
    expect([999, 1000, 189_499, 999_999, 1_000_000, 2_449_999].map(fileSize)).toEqual([
      '999 bytes',
      '1 KB',
      '189 KB',
      '1.0 MB',
      '1.0 MB',
      '2.4 MB',
    ]);
  });

  it('offers PDFs and data, not the standalone page nor the site itself', () => {
    const page = '2025/site/clearing-the-mines/index.html';
    const files = [
      { key: 'site', file: '2025/site/clearing-the-mines/kosovo.html', bytes: 1 },
      { key: 'html', file: '2025/clearing-the-mines/kosovo.html', bytes: 1 },
      { key: 'pdf-print', file: '2025/clearing-the-mines/kosovo.print.pdf', bytes: 2_000_000 },
      {
        key: 'csv:clearance_by_district',
        file: '2025/clearing-the-mines/kosovo.clearance_by_district.csv',
        bytes: 300,
      },
      { key: 'pdf', file: '2025/clearing-the-mines/kosovo.pdf', bytes: 189_000 },
    ];
    expect(fileLinks(page, files)).toEqual({
      pdfs: [
        {
          label: 'PDF',
          href: '../../clearing-the-mines/kosovo.pdf',
          detail: '189 KB',
          download: false,
        },
        {
          label: 'PDF for print (bleed, crop marks, CMYK)',
          href: '../../clearing-the-mines/kosovo.print.pdf',
          detail: '2.0 MB',
          download: false,
        },
      ],
      data: [
        {
          label: 'Table: clearance by district (CSV)',
          href: '../../clearing-the-mines/kosovo.clearance_by_district.csv',
          detail: '300 bytes',
          download: true,
        },
      ],
    });
    expect(fileLinks(page, files.slice(4), true).pdfs[0]?.label).toBe(
      'The whole edition as one book (PDF)',
    );
  });
});
