import { withInlineSvg } from '../../../render/site/inline-svg.js';
import type { ClearingTheMinesDerived } from '../derive/report.js';
import { reviewView } from '../../../derive/review.js';
import type { EditionMeta } from '../../../schema/edition.js';
import type { Block, ClearingTheMinesReport } from '../schema/report.js';
import type { RenderedChart } from '../../../render/charts.js';
import type { ExportChart, ReportExports } from '../../../render/exports.js';
import { crossReferenceId, renderInline, type ProseEnv } from '../../../render/markdown.js';
import type { FigureView, TableView } from '../../../render/table-view.js';
import { publishedHtml } from '../../../render/to-fill-mark.js';
import { renderChart } from './charts.js';
import { keyDataView } from './key-data.js';
import { buildTableViews } from './tables.js';
import { slug } from '../../../render/slug.js';
import { performanceRows, performanceView } from '../../../render/performance-view.js';

export type BlockView =
  | { p: string }
  | { list: string[] }
  | { table: TableView }
  | { figure: FigureView };

export interface SectionView {
  id: string;
  heading: string;
  blocks: BlockView[];
  subsections: { id: string; heading: string; blocks: BlockView[] }[];
}

const svgDataUrl = (svg: string) =>
  `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

/**
 * Everything the Clearing the Mines templates print, already derived, formatted and
 * escaped: templates only place it.
 */
export function buildClearingTheMinesView(
  r: ClearingTheMinesReport,
  d: ClearingTheMinesDerived,
  meta: EditionMeta,
) {
  const env: ProseEnv = { noteNumbers: d.noteNumbers, facts: d.facts };
  const md = (s: string) => renderInline(s, env);
  const tables = buildTableViews(r, d, env);

  const charts: ExportChart[] = [];
  const exported = (name: string, chart: RenderedChart) =>
    charts.some((c) => c.name === name) || charts.push({ name, chart });
  const figure = (key: Extract<Block, { chart: unknown }>): FigureView | undefined => {
    const rendered = renderChart(key.chart, r, d);
    const number = d.figureNumbers.get(key.chart);
    if (!rendered || number === undefined) return undefined;
    exported(key.chart, rendered.chart);
    const id = crossReferenceId('figure', key.chart);
    return withInlineSvg(
      {
        id,
        number,
        caption: rendered.caption,
        svgDataUrl: svgDataUrl(rendered.chart.svg),
        alt: rendered.chart.alt,
        width: rendered.chart.width,
        height: rendered.chart.height,
      },
      rendered.chart,
      id,
    );
  };
  const blocks = (list: Block[]): BlockView[] =>
    list.flatMap((b): BlockView[] => {
      if ('p' in b) return [{ p: md(b.p) }];
      if ('list' in b) return [{ list: b.list.map(md) }];
      if ('table' in b) {
        const t = tables.get(b.table);
        return t ? [{ table: t }] : [];
      }
      const f = figure(b);
      return f ? [{ figure: f }] : [];
    });

  const releaseChart = renderChart('land_release_outputs', r, d);
  if (releaseChart) exported('land_release_outputs', releaseChart.chart);
  const capacityGroups = [
    ['Management', r.capacity.management],
    ['National operators', r.capacity.national_operators],
    ['International operators', r.capacity.international_operators],
    ['Other actors', r.capacity.other_actors],
  ] as const;

  const performance = performanceView(r.performance, d.performance, meta.edition, md);
  const sections = r.sections.map(
    (s): SectionView => ({
      id: slug(s.heading),
      heading: s.heading,
      blocks: blocks(s.blocks),
      subsections: s.subsections.map((sub) => ({
        id: slug(`${s.heading}-${sub.heading}`),
        heading: sub.heading,
        blocks: blocks(sub.blocks),
      })),
    }),
  );
  const exports: ReportExports = {
    tables: [
      ...[...tables].map(([name, t]) => ({ name, head: t.head, body: t.body })),
      ...(performance ? [{ name: 'performance', ...performanceRows(performance) }] : []),
    ],
    charts,
  };

  return {
    lang: meta.language,
    documentTitle: `${r.country} – ${meta.title}`,
    review: reviewView(r),
    exports,
    publication: meta.title,
    publisher: meta.publisher,
    licence: meta.licence,
    publishedHtml: publishedHtml(meta.published),
    country: r.country,
    keyData: {
      ...keyDataView(r, d, md),
      chart:
        releaseChart &&
        withInlineSvg(
          {
            svgDataUrl: svgDataUrl(releaseChart.chart.svg),
            alt: releaseChart.chart.alt,
            width: releaseChart.chart.width,
            height: releaseChart.chart.height,
          },
          releaseChart.chart,
          'key-data-chart',
        ),
    },
    keyDevelopments: r.key_developments.map(md),
    recommendations: r.recommendations.map(md),
    performance,
    performanceNotApplicable:
      r.performance && 'not_applicable' in r.performance
        ? md(r.performance.not_applicable)
        : undefined,
    capacity: capacityGroups
      .filter(([, items]) => items.length > 0)
      .map(([heading, items]) => ({ heading, items: items.map(md) })),
    sections,
    notes: [...d.noteNumbers].map(([id, n]) => ({ n, html: md(d.printedNotes.get(id) ?? '') })),
  };
}
export type ClearingTheMinesView = ReturnType<typeof buildClearingTheMinesView>;
