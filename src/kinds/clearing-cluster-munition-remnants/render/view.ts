import { formatInt, formatKm2Number, m2ToKm2 } from '../../../derive/format.js';
import { reviewView } from '../../../derive/review.js';
import type { ReportExports } from '../../../render/exports.js';
import {
  cell,
  contaminationView,
  deadlineView,
  type Md,
  missingKey,
  RELEASE_LABELS,
} from '../../../render/key-data.js';
import { renderInline, type ProseEnv } from '../../../render/markdown.js';
import { performanceRows, performanceView } from '../../../render/performance-view.js';
import { slug } from '../../../render/slug.js';
import { publishedHtml } from '../../../render/to-fill-mark.js';
import { headRow, num, text } from '../../../render/table-view.js';
import type { EditionMeta } from '../../../schema/edition.js';
import type { CmrDerived } from '../derive/report.js';
import type { ClearingClusterMunitionRemnantsReport as Cmr } from '../schema/report.js';

/** The KEY DATA box of a CMR report, in the shape of the shared box (mine-action-review/partials/key-data.hbs). */
function keyDataView(r: Cmr, d: CmrDerived, md: Md) {
  const { current, previous } = r.land_release;
  const km2 = (m2: number) => formatKm2Number(m2ToKm2(m2));
  const { submunitions } = d;
  const operators = r.key_data.main_operators.length;
  return {
    deadline: deadlineView(r.key_data.article4, { treaty: 'CCM', article: 'Article 4' }, md),
    contamination: { heading: 'CMR contamination', ...contaminationView(d.contamination, md) },
    release: {
      areaHeading: 'Release of cluster munition-contaminated area',
      destroyedHeading: 'Destruction of submunitions during clearance, survey, and spot tasks',
      currentYear: current.year,
      previousYear: previous.year,
      rows: d.release.map((x) => ({
        label: RELEASE_LABELS[x.kind],
        current: cell(x.current, km2, md),
        previous: cell(x.previous, km2, md),
      })),
      missing: missingKey(d.release.flatMap((x) => [x.current, x.previous])),
      mines: [
        {
          label: 'Submunitions destroyed',
          current: cell(submunitions.current, formatInt, md),
          previous: cell(submunitions.previous, formatInt, md),
          part: false,
        },
      ],
      minesMissing: missingKey([submunitions.current, submunitions.previous]),
    },
    operatorsHeading: `Main CMR survey and clearance ${operators === 1 ? 'operator' : 'operators'} in ${current.year}`,
    operators: r.key_data.main_operators.map(md),
  };
}

/** KEY DATA's land release figures as a table, for export (CSV) beside the PDF. */
function releaseExport(view: ReturnType<typeof keyDataView>) {
  const { release } = view;
  const plain = (html: string) => html.replace(/<[^>]*>/g, '');
  return {
    head: [
      headRow(
        release.areaHeading,
        `Release in ${release.currentYear} (km²)`,
        `Release in ${release.previousYear} (km²)`,
      ),
    ],
    body: [...release.rows, ...release.mines].map((row) => ({
      cells: [text(row.label), num(plain(row.current)), num(plain(row.previous))],
    })),
  };
}

/**
 * Everything the Clearing Cluster Munition Remnants templates print, already derived,
 * formatted and escaped: templates only place it.
 */
export function buildCmrView(r: Cmr, d: CmrDerived, meta: EditionMeta) {
  const env: ProseEnv = { noteNumbers: d.noteNumbers, facts: d.facts };
  const md = (s: string) => renderInline(s, env);
  const keyData = keyDataView(r, d, md);
  const performance = performanceView(r.performance, d.performance, meta.edition, md);
  const exports: ReportExports = {
    tables: [
      { name: 'land_release', ...releaseExport(keyData) },
      ...(performance ? [{ name: 'performance', ...performanceRows(performance) }] : []),
    ],
    charts: [],
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
    keyData,
    keyDevelopments: r.key_developments.map(md),
    recommendations: r.recommendations.map(md),
    performance,
    performanceNotApplicable:
      r.performance && 'not_applicable' in r.performance
        ? md(r.performance.not_applicable)
        : undefined,
    sections: r.sections.map((s) => ({
      id: slug(s.heading),
      heading: s.heading,
      blocks: s.blocks.map((b) => ('p' in b ? { p: md(b.p) } : { list: b.list.map(md) })),
      subsections: [],
    })),
    notes: [...d.noteNumbers].map(([id, n]) => ({ n, html: md(d.printedNotes.get(id) ?? '') })),
  };
}
