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

  it('are drawn again only when the chart changes: the same spec and formatter give the chart already drawn', () => {
    const spec = (values: number[], format: (v: number) => string) => ({
      title: 'kept',
      categories: ['2023', '2024'],
      series: [{ label: 'Clearance', values, color: '#123456' }],
      unit: 'km²',
      format,
      width: 220,
      height: 120,
    });
    const plain = (v: number) => String(v);
    const first = renderBarChart(spec([1, 2], plain));
    expect(renderBarChart(spec([1, 2], plain))).toBe(first);
    const changed = renderBarChart(spec([1, 3], plain));
    expect(changed).not.toBe(first);
    expect(changed.alt).toBe('Bar chart, kept (km²). 2023: 1; 2024: 3.');
    // Another formatter is another chart, even on the same figures: its ticks and text differ.
    const tagged = renderBarChart(spec([1, 2], (v) => `${v} units`));
    expect(tagged).not.toBe(first);
    expect(tagged.alt).toBe('Bar chart, kept (km²). 2023: 1 units; 2024: 2 units.');
  });

  it('are measured once per process, and a chart drawn with measurements kept is the same drawing', () => {
    // Labels no other test draws, so the first chart measures them all afresh.
    const spec = (format: (v: number) => string) => ({
      title: 'measured',
      categories: ['Qwertyuiop district', ['Asdfghjkl', 'north'], 'Zxcvbnm'],
      series: [
        { label: 'Cleared once', values: [120, 45, null], color: '#123456' },
        { label: 'Surveyed once', values: [30, 80, 10], color: '#654321' },
      ],
      unit: 'm²',
      horizontal: true,
      format,
      width: 260,
      height: 140,
    });
    // Two formatters that write the same text: two drawings (the drawn-chart cache keys by
    // formatter), the second made entirely from kept measurements.
    // cairo numbers each drawing's surface (surface11, surface26): the one difference allowed.
    const drawing = (svg: string) => svg.replace(/surface\d+/g, 'surface');
    const fresh = drawing(renderBarChart(spec((v) => `${v}`)).svg);
    const kept = drawing(renderBarChart(spec((v) => String(v))).svg);
    expect(fresh).toMatch(/<path/);
    expect(kept).toBe(fresh);
  });
});
