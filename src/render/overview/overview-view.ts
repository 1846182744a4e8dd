/**
 * The edition overview as printed: strings for the volume's opening pages, the rows of
 * overview.csv and the content of overview.json. No arithmetic here beyond formatting: the
 * figures come from src/derive/overview.
 */
import { formatDate, formatInt, formatKm2, m2ToKm2 } from '../../derive/format.js';
import type { OverviewRow, OverviewWords, Reported } from '../../derive/overview/overview-row.js';
import type { EditionOverview, EditionTotal } from '../../derive/overview/edition-overview.js';
import { renderBarChart, type RenderedChart } from '../charts.js';
import { csvField } from '../exports.js';
import { palette } from '../palette.js';
import { withInlineSvg } from '../site/inline-svg.js';

const PROGRESS = {
  on_track: 'On track',
  just_on_track: 'Just on track',
  not_on_track: 'Not on track',
  unclear: 'Unclear',
  not_applicable: 'Not applicable',
} as const;
const STATUS = {
  not_party: '',
  original: '',
  extended: ' (extended)',
  completed: ' (completion declared)',
} as const;
const LIKELIHOOD = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  very_low: 'Very low',
  not_assessed: 'Not assessed',
} as const;

const NOT_REPORTED = 'Not reported';
const STILL_TO_FILL = 'Still to fill';
/** An area of a table: km² at every size, as the house style prints tables (12,557,265m² is 13km²). */
const km2 = (v: Reported) => (v === undefined ? NOT_REPORTED : formatKm2(m2ToKm2(v)));
const count = (v: Reported) => (v === undefined ? NOT_REPORTED : formatInt(v));

export interface OverviewCountryView {
  country: string;
  level: string;
  estimate: string;
  article5: string;
  deadline: string;
  progress: string;
  likelihood: string;
  score: string;
  rating: string;
}

export function countryView(row: OverviewRow): OverviewCountryView {
  const a5 = row.article5;
  // A value a draft has still to fill says so, rather than read as not assessed.
  const waiting = (what: OverviewRow['stillToFill'][number], otherwise: string) =>
    row.stillToFill.includes(what) ? STILL_TO_FILL : otherwise;
  return {
    country: row.country,
    level: row.contamination.level,
    estimate: row.contamination.km2 === undefined ? '–' : formatKm2(row.contamination.km2),
    article5: a5.party ? 'State Party' : 'Not party',
    deadline: a5.deadline
      ? `${formatDate(a5.deadline)}${STATUS[a5.status]}${a5.pending ? ' (extension requested)' : ''}`
      : '–',
    progress: a5.progress ? PROGRESS[a5.progress] : waiting('progress', '–'),
    likelihood: row.likelihood ? LIKELIHOOD[row.likelihood] : waiting('likelihood', 'Not assessed'),
    score: row.performance ? row.performance.score.toFixed(1) : waiting('performance', '–'),
    rating: row.performance?.rating ?? waiting('performance', '–'),
  };
}

const releaseLabels = (words: OverviewWords) =>
  [
    ['clearance_m2', 'Clearance', km2],
    ['technical_survey_m2', 'Technical survey', km2],
    ['non_technical_survey_m2', 'Non-technical survey', km2],
    ['mines_destroyed', words.destroyed, count],
  ] as const;

function totalText(t: EditionTotal, format: (v: number) => string): string {
  const left = [
    ...(t.notReported.length ? [`not reported: ${t.notReported.join(', ')}`] : []),
    ...(t.toFill.length ? [`still to fill: ${t.toFill.join(', ')}`] : []),
  ];
  return `${format(t.value)}${left.length ? ` (${left.join('; ')})` : ''}`;
}

export function totalsView(o: EditionOverview) {
  return {
    currentYear: String(o.totals.current.year ?? 'this year'),
    previousYear: String(o.totals.previous.year ?? 'the year before'),
    rows: releaseLabels(o.words).map(([field, label, format]) => ({
      label,
      current: totalText(o.totals.current.figures[field], format),
      previous: totalText(o.totals.previous.figures[field], format),
    })),
  };
}

export function rankingView(o: EditionOverview) {
  return o.ranking.map((r) => ({
    rank: String(r.rank),
    country: r.country,
    score: r.score.toFixed(1),
    rating: r.rating,
    previous: r.previousScore === undefined ? '–' : r.previousScore.toFixed(1),
  }));
}

/** The performance scores as a horizontal bar chart, highest first. */
export function rankingChart(o: EditionOverview): RenderedChart | undefined {
  if (o.ranking.length === 0) return undefined;
  return renderBarChart({
    title: `National programme performance scores, ${o.words.publication} ${o.edition}`,
    categories: o.ranking.map((r) => r.country),
    series: [{ label: 'Score', values: o.ranking.map((r) => r.score), color: palette.primary }],
    unit: 'score out of 10',
    max: 10,
    format: (v) => v.toFixed(1),
    horizontal: true,
    width: 420,
    height: Math.max(90, 40 + 22 * o.ranking.length),
  });
}

/** The likelihood column, for the kinds that assess it. */
const ifLikelihood = <T>(words: OverviewWords, cell: T): T[] => (words.likelihood ? [cell] : []);

const csvHead = (w: OverviewWords) => [
  'Country',
  'Contamination level',
  'Estimate (km²)',
  `${w.article} status`,
  `${w.article} deadline`,
  'Deadline status',
  'Progress towards the deadline',
  ...ifLikelihood(w, 'Likelihood of meeting the completion target'),
  'Clearance (m²)',
  'Technical survey (m²)',
  'Non-technical survey (m²)',
  w.destroyed,
  'Clearance, year before (m²)',
  'Technical survey, year before (m²)',
  'Non-technical survey, year before (m²)',
  `${w.destroyed}, year before`,
  'Performance score',
  'Performance rating',
  'Rank',
];

const plain = (v: Reported) => (v === undefined ? '' : String(v));

/** overview.csv: one line per country, then the edition's totals; UTF-8 with BOM, CRLF. */
export function overviewCsv(o: EditionOverview): string {
  const rank = new Map(o.ranking.map((r) => [r.country, r.rank]));
  const lines = o.rows.map((r) => {
    const y = (w: 'current' | 'previous') =>
      releaseLabels(o.words).map(([f]) => plain(r.release[w][f]));
    return [
      r.country,
      r.contamination.level,
      r.contamination.km2 === undefined ? '' : r.contamination.km2.toFixed(2),
      r.article5.party ? 'State Party' : 'Not party',
      r.article5.deadline ?? '',
      r.article5.party ? r.article5.status : '',
      r.article5.progress ? PROGRESS[r.article5.progress] : '',
      ...ifLikelihood(o.words, r.likelihood ? LIKELIHOOD[r.likelihood] : ''),
      ...y('current'),
      ...y('previous'),
      r.performance ? r.performance.score.toFixed(1) : '',
      r.performance?.rating ?? '',
      plain(rank.get(r.country)),
    ];
  });
  const total = (w: 'current' | 'previous') =>
    releaseLabels(o.words).map(([f]) => String(o.totals[w].figures[f].value));
  const totals = [
    'All countries',
    '',
    '',
    '',
    '',
    '',
    '',
    ...ifLikelihood(o.words, ''),
    ...total('current'),
    ...total('previous'),
    '',
    '',
    '',
  ];
  return `\ufeff${[csvHead(o.words), ...lines, totals].map((l) => `${l.map(csvField).join(',')}\r\n`).join('')}`;
}

/** The overview's value with the keys the kind's overview.json uses (words.jsonKeys). */
function renamed(value: unknown, keys: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => renamed(v, keys));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [keys[k] ?? k, renamed(v, keys)]),
  );
}

/** overview.json: the overview as derived, "not reported" figures as null; its words left out. */
export function overviewJson(o: EditionOverview): string {
  const { words, ...data } = o;
  const json = renamed(data, words.jsonKeys);
  return `${JSON.stringify(json, (_k, v) => (v === undefined ? null : v), 2)}\n`;
}

const svgDataUrl = (svg: string) =>
  `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

/** Everything the volume's overview pages print. */
export function overviewView(o: EditionOverview) {
  const chart = rankingChart(o);
  return {
    words: o.words,
    countries: o.rows.map(countryView),
    totals: totalsView(o),
    ranking: rankingView(o),
    chart:
      chart &&
      withInlineSvg(
        {
          svgDataUrl: svgDataUrl(chart.svg),
          alt: chart.alt,
          width: chart.width,
          height: chart.height,
        },
        chart,
        'overview-chart',
      ),
  };
}
