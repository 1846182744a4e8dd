import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { CHART_FONT_FAMILY, FONT_FACES, fontPath } from './fonts.js';
import { palette } from './palette.js';

/** A chart ready to place: vector SVG and the alternative text that says what it shows. */
export interface RenderedChart {
  svg: string;
  alt: string;
  width: number;
  height: number;
  /** What it was drawn from, to draw it again as an image (chartPng). */
  spec: BarChartSpec;
}

export interface BarSeries {
  label: string;
  /** null: no figure; Chart.js draws no bar, and the category's label says why. */
  values: (number | null)[];
  color: string;
}

export interface BarChartSpec {
  /** A category's label; a list prints one line per item. */
  categories: (string | string[])[];
  series: BarSeries[];
  /** Unit of the value axis, e.g. "km²". */
  unit: string;
  horizontal?: boolean;
  stacked?: boolean;
  /** Formats a value in tick labels and alt text. */
  format: (v: number) => string;
  width: number;
  height: number;
  /** What the chart shows, first words of the alt text, e.g. "AP mine clearance by year". */
  title: string;
  /** The top of the value axis when the values have a fixed scale (scores out of 10). */
  max?: number;
}

const canvases = new Map<string, ChartJSNodeCanvas>();

function canvasFor(width: number, height: number, type: 'svg' | 'png' = 'svg'): ChartJSNodeCanvas {
  const key = `${width}x${height}:${type}`;
  let c = canvases.get(key);
  if (!c) {
    // A PNG is for reuse outside the report (slides, the web): on white, not transparent.
    c =
      type === 'svg'
        ? new ChartJSNodeCanvas({ type: 'svg', width, height })
        : new ChartJSNodeCanvas({ width, height, backgroundColour: '#ffffff' });
    for (const f of FONT_FACES)
      c.registerFont(fontPath(f.file), {
        family: CHART_FONT_FAMILY,
        weight: String(f.weight),
        style: f.style,
      });
    canvases.set(key, c);
  }
  return c;
}

/** Alt text that carries the chart's data, for screen readers and the text layer. */
export function chartAltText(
  spec: Pick<BarChartSpec, 'title' | 'categories' | 'series' | 'format' | 'unit'>,
): string {
  const parts = spec.categories.map((cat, i) => {
    const values = spec.series.map((s) => {
      const v = s.values[i];
      return `${spec.series.length > 1 ? `${s.label} ` : ''}${v === null || v === undefined ? 'no figure' : spec.format(v)}`;
    });
    return `${Array.isArray(cat) ? cat.join(' ') : cat}: ${values.join(', ')}`;
  });
  return `Bar chart, ${spec.title} (${spec.unit}). ${parts.join('; ')}.`;
}

/**
 * Charts drawn lately, by their format function and the rest of their spec: the preview
 * draws a country's charts again on every save (~15 ms each) though a save seldom changes
 * them. The format is a function, so it keys by identity (the kinds pass module-level
 * formatters; a new closure each time only misses). A few entries: a build's countries
 * each draw their own charts, so there they only miss.
 */
const drawn = new WeakMap<BarChartSpec['format'], Map<string, RenderedChart>>();
const DRAWN_PER_FORMAT = 16;

export function renderBarChart(spec: BarChartSpec): RenderedChart {
  const { format, ...rest } = spec;
  const key = JSON.stringify(rest);
  let byKey = drawn.get(format);
  const hit = byKey?.get(key);
  if (hit) return hit;
  const svg = canvasFor(spec.width, spec.height)
    .renderToBufferSync(barConfig(spec, 1) as unknown as ChartConfiguration, 'image/svg+xml')
    .toString('utf8');
  const chart = { svg, alt: chartAltText(spec), width: spec.width, height: spec.height, spec };
  if (!byKey) {
    byKey = new Map();
    drawn.set(format, byKey);
  }
  // Oldest first out: a Map keeps insertion order.
  if (byKey.size >= DRAWN_PER_FORMAT) byKey.delete(byKey.keys().next().value as string);
  byKey.set(key, chart);
  return chart;
}

/** The chart as a PNG image, `scale` pixels per CSS pixel (2: sharp on high-density screens). */
export function chartPng(chart: Pick<RenderedChart, 'spec'>, scale = 2): Buffer {
  const { spec } = chart;
  return canvasFor(spec.width, spec.height, 'png').renderToBufferSync(
    barConfig(spec, scale) as unknown as ChartConfiguration,
    'image/png',
  );
}

/**
 * Text measured once per process. node-canvas measures each string through Pango, and
 * Chart.js measures every tick, category and legend label of every new chart again (its own
 * cache lives and dies with the chart); an edition's charts share most labels (years, units,
 * series names, tick values). A measurement depends on the string and the context's font,
 * alignment, baseline and direction, which make the key; the metrics are plain numbers that
 * Chart.js only reads, so the same drawing follows (tests/render/chart-font.test.ts).
 */
const measured = new Map<string, TextMetrics>();
const MEASURED_MAX = 8192;

const measureOnce: Plugin<'bar'> = {
  id: 'keydata-measure-once',
  beforeInit(chart: Chart) {
    const ctx = chart.ctx;
    const measure = ctx.measureText.bind(ctx);
    ctx.measureText = (text: string) => {
      const key = `${ctx.font}\0${ctx.textAlign}\0${ctx.textBaseline}\0${ctx.direction}\0${text}`;
      let metrics = measured.get(key);
      if (!metrics) {
        metrics = measure(text);
        // Bounded for a long-running preview; an edition's labels fit many times over.
        if (measured.size >= MEASURED_MAX) measured.clear();
        measured.set(key, metrics);
      }
      return metrics;
    };
  },
};

function barConfig(spec: BarChartSpec, devicePixelRatio: number): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    plugins: [measureOnce],
    data: {
      labels: spec.categories,
      datasets: spec.series.map((s) => ({
        label: s.label,
        data: s.values,
        backgroundColor: s.color,
        borderWidth: 0,
        maxBarThickness: 28,
      })),
    },
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      responsive: false,
      animation: false,
      devicePixelRatio,
      font: { family: CHART_FONT_FAMILY, size: 11 },
      plugins: {
        legend: {
          display: spec.series.length > 1,
          position: 'bottom',
          labels: {
            font: { family: CHART_FONT_FAMILY, size: 11 },
            color: palette.text,
            boxWidth: 10,
            boxHeight: 10,
          },
        },
        title: { display: false },
      },
      scales: {
        [spec.horizontal ? 'x' : 'y']: {
          stacked: spec.stacked ?? false,
          beginAtZero: true,
          ...(spec.max === undefined ? {} : { max: spec.max }),
          grid: { color: palette.grid },
          border: { display: false },
          ticks: {
            font: { family: CHART_FONT_FAMILY, size: 10 },
            color: palette.muted,
            maxTicksLimit: 6,
            callback: (v: number | string) => spec.format(Number(v)),
          },
          title: {
            display: true,
            text: spec.unit,
            font: { family: CHART_FONT_FAMILY, size: 10 },
            color: palette.muted,
          },
        },
        [spec.horizontal ? 'y' : 'x']: {
          stacked: spec.stacked ?? false,
          grid: { display: false },
          ticks: { font: { family: CHART_FONT_FAMILY, size: 11 }, color: palette.text },
        },
      },
    },
  };
}
