// Benchmark, not a test: the cost of keydata's page layout pass (footnotes at page feet)
// against plain printing, per profile, in one browser. Prints JSON, then a table.
//   npm run bench            (builds first)
//   npm run bench -- --runs 7
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadReport } from '../dist/data/load-report.js';
import { launchBrowser } from '../dist/pdf/browser.js';
import { printPdf } from '../dist/pdf/print.js';
import { BUILD_DEFAULTS } from '../dist/commands/options.js';
import { deriveReport, renderReport } from '../dist/commands/report.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

/** A longer synthetic profile: Kosovo's sections repeated `copies` times with fresh note ids. */
function enlarged(report, copies) {
  const data = structuredClone(report.data);
  const rename = (text, k) => text.replace(/\[\^([A-Za-z0-9_.-]+)\]/g, (_, id) => `[^${id}-c${k}]`);
  const baseSections = report.data.sections;
  for (let k = 1; k < copies; k++) {
    for (const s of baseSections) {
      const copyBlocks = (blocks) =>
        blocks
          .filter((b) => !('table' in b) && !('chart' in b))
          .map((b) =>
            'p' in b ? { p: rename(b.p, k) } : { list: b.list.map((t) => rename(t, k)) },
          );
      data.sections.push({
        heading: `${s.heading} (part ${k + 1})`,
        blocks: copyBlocks(s.blocks),
        subsections: s.subsections
          .map((sub) => ({ heading: sub.heading, blocks: copyBlocks(sub.blocks) }))
          .filter((x) => x.blocks.length > 0),
      });
    }
    for (const [id, text] of Object.entries(report.data.notes)) data.notes[`${id}-c${k}`] = text;
  }
  return { ...report, data };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const display = (f) => path.relative(root, f);
const kosovo = await loadReport(
  path.join(root, 'data/editions/2025/clearing-the-mines/kosovo.yaml'),
  display,
);
const arcadia = await loadReport(
  path.join(root, 'tests/fixtures/editions/2025/clearing-the-mines/arcadia.yaml'),
  display,
);
if (!kosovo.ok || !arcadia.ok) throw new Error('sample data does not load');
const profiles = [
  ['kosovo', kosovo.report],
  ['arcadia', arcadia.report],
  ['kosovo x2 (synthetic)', enlarged(kosovo.report, 2)],
  ['kosovo x3 (synthetic)', enlarged(kosovo.report, 3)],
];

const browser = await launchBrowser(
  { envPath: process.env.PUPPETEER_EXECUTABLE_PATH || undefined },
  process.env,
);
const results = [];
try {
  for (const [name, report] of profiles) {
    const { html, layout } = await renderReport(deriveReport(report));
    // Warm-up, and the laid-out document for the print-only floor.
    const first = await printPdf(browser, html, {
      timeoutMs: BUILD_DEFAULTS.timeoutMs,
      layout,
      captureHtml: true,
    });
    const plain = [];
    const floor = [];
    const withLayout = [];
    const pass = [];
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      await printPdf(browser, html, { timeoutMs: BUILD_DEFAULTS.timeoutMs, layout: false });
      plain.push(performance.now() - t);
      t = performance.now();
      await printPdf(browser, first.laidOutHtml, {
        timeoutMs: BUILD_DEFAULTS.timeoutMs,
        layout: false,
      });
      floor.push(performance.now() - t);
      t = performance.now();
      const printed = await printPdf(browser, html, {
        timeoutMs: BUILD_DEFAULTS.timeoutMs,
        layout,
      });
      withLayout.push(performance.now() - t);
      pass.push(printed.layout.ms);
    }
    results.push({
      profile: name,
      pages: first.layout.pages,
      notes: first.layout.notes,
      plainPrintMs: Math.round(median(plain)),
      floorPrintLaidOutMs: Math.round(median(floor)),
      withLayoutMs: Math.round(median(withLayout)),
      layoutPassMs: Math.round(median(pass)),
      ratioToFloor: Number((median(withLayout) / median(floor)).toFixed(2)),
    });
  }
} finally {
  await browser.close();
}

console.log(JSON.stringify({ runs: RUNS, results }, null, 2));
console.log('');
console.log('profile                 pages notes  plain  floor  layout+print  pass   ratio');
for (const r of results) {
  console.log(
    `${r.profile.padEnd(23)} ${String(r.pages).padStart(5)} ${String(r.notes).padStart(5)} ${String(r.plainPrintMs).padStart(6)} ${String(r.floorPrintLaidOutMs).padStart(6)} ${String(r.withLayoutMs).padStart(13)} ${String(r.layoutPassMs).padStart(5)} ${String(r.ratioToFloor).padStart(6)}x`,
  );
}
console.log(
  '\nms, median of runs. plain: print without the layout pass (notes at the end); floor: print the',
);
console.log(
  'already laid-out HTML; layout+print: the real pipeline; pass: the in-page layout pass alone.',
);
console.log('Target: layout+print <= 2x floor.');
