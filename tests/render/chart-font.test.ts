import { createCanvas, registerFont } from 'canvas';
import { describe, expect, it } from 'vitest';
import { renderBarChart } from '../../src/render/charts.js';
import { CHART_FONT_FAMILY, FONT_FACES, fontPath } from '../../src/render/fonts.js';

/** The advance width of a string drawn in a font, as node-canvas (and so Chart.js) measures it. */
function widthIn(font: string, text: string): number {
  const ctx = createCanvas(400, 100).getContext('2d');
  ctx.font = font;
  return ctx.measureText(text).width;
}

describe('chart labels', () => {
  it('are drawn in the bundled Source Sans 3 at the size asked for, not a fallback', () => {
    const regular = FONT_FACES.find((f) => f.weight === 400 && f.style === 'normal');
    registerFont(fontPath(regular?.file ?? ''), { family: CHART_FONT_FAMILY });
    const ours = widthIn(`20px ${CHART_FONT_FAMILY}`, 'Technical survey 2024');
    const fallback = widthIn('20px NoSuchFamilyAnywhere', 'Technical survey 2024');
    const doubled = widthIn(`40px ${CHART_FONT_FAMILY}`, 'Technical survey 2024');
    // Source Sans 3 is narrower than the fallback sans, and its width scales with the size.
    expect(ours).toBeLessThan(fallback * 0.95);
    expect(doubled / ours).toBeCloseTo(2, 1);
  });

  it('render into the SVG the report places', () => {
    const chart = renderBarChart({
      title: 'test',
      categories: ['Clearance'],
      series: [{ label: '2024', values: [1], color: '#000' }],
      unit: 'km²',
      format: String,
      width: 200,
      height: 100,
    });
    expect(chart.svg).toMatch(/^<\?xml[^>]*>\s*<svg/);
    // cairo writes the labels as outlines: the chart's text is described by its alt text.
    expect(chart.alt).toBe('Bar chart, test (km²). Clearance: 1.');
  });
});
