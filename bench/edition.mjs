// Benchmark, not a test: every measure of the speed issue (17), each with its target.
// A synthetic edition (Kosovo's report varied, 8-12 pages each) is built through the real CLI.
//   npm run bench                       everything (about 4-5 min on a quiet 2-core machine)
//   npm run bench -- --only build,floor  some sections: build floor weasyprint scale preview tests layout
//   npm run bench -- --skip tests,scale  all but some sections
//   npm run bench -- --countries 200     the main edition's size (default 60)
//   npm run bench -- --scale 0           the second, larger edition (default 200; 0: none)
//   npm run bench -- --repeat 3          cold builds of the main edition in a row (default 2)
//   npm run bench -- --concurrency 3     pages printing at once (default: the build's)
// Prints the measures as JSON, then the table. Figures vary 10-30% with the machine's load,
// which is printed with them.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { measureFloor } from './lib/floor.mjs';
import { median, timed } from './lib/measure.mjs';
import { measurePreview } from './lib/preview.mjs';
import { countryFile, makeEdition } from './lib/synthetic.mjs';
import { measureTestSuite } from './lib/test-suite.mjs';
import { measureWeasyprint, weasyprintVersion } from './lib/weasyprint.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(root, 'bin', 'keydata.js');
const SECTIONS = ['build', 'floor', 'weasyprint', 'scale', 'preview', 'tests', 'layout'];
/**
 * Runs of each profile's pipeline and floor, alternated: a slow run (a GC, the VM's neighbours)
 * moves the median of three by up to 0.06 of a profile's ratio; five steady it.
 */
const FLOOR_RUNS = 5;

const flag = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const list = (name) => flag(name)?.split(',').filter(Boolean);
const COUNTRIES = Number(flag('--countries') ?? 60);
const SCALE = Number(flag('--scale') ?? 200);
const REPEAT = Math.max(1, Number(flag('--repeat') ?? 2));
const CONCURRENCY = flag('--concurrency');
const only = list('--only');
const skip = list('--skip') ?? [];
for (const s of [...(only ?? []), ...skip])
  if (!SECTIONS.includes(s)) throw new Error(`unknown section '${s}': ${SECTIONS.join(' ')}`);
const runs = (s) => (only ? only.includes(s) : true) && !skip.includes(s);

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const log = (msg) =>
  process.stderr.write(
    `[bench ${new Date().toISOString().slice(11, 19)}, load ${load()}] ${msg}\n`,
  );

const buildArgs = (dataDir, outDir) => [
  CLI,
  'build',
  '--edition',
  '2025',
  '--data',
  dataDir,
  '--out',
  outDir,
  '--quiet',
  ...(CONCURRENCY ? ['--concurrency', CONCURRENCY] : []),
];

/** Cold builds (fresh output folders), then a no-op rebuild and one changed country. */
async function benchBuild(dataDir, editionDir, dir) {
  const cold = [];
  let out;
  for (let i = 0; i < REPEAT; i++) {
    out = path.join(dir, `out-${i}`);
    log(`cold build ${i + 1}/${REPEAT} of ${COUNTRIES} countries`);
    const r = await timed('node', buildArgs(dataDir, out));
    cold.push({ wallS: r.wallMs / 1000, perProfileMs: r.wallMs / COUNTRIES, peakMiB: r.peakMiB });
  }
  log('no-op rebuild, then one changed country');
  const noop = await timed('node', buildArgs(dataDir, out));
  const one = path.join(editionDir, countryFile(7));
  await writeFile(one, (await readFile(one, 'utf8')).replace(/^country: .*$/m, 'country: Changed'));
  const changed = await timed('node', buildArgs(dataDir, out));
  if (!/1 built/.test(changed.out))
    throw new Error(`one changed country rebuilt more:\n${changed.out}`);
  return { cold, noopS: noop.wallMs / 1000, oneChangedS: changed.wallMs / 1000 };
}

/** The larger edition: time and memory should grow in proportion to the countries. */
async function benchScale(dir) {
  const dataDir = path.join(dir, `scale-${SCALE}`);
  await makeEdition(root, dataDir, SCALE);
  log(`cold build of ${SCALE} countries`);
  const r = await timed('node', buildArgs(dataDir, path.join(dataDir, 'out')));
  await rm(dataDir, { recursive: true, force: true });
  return {
    countries: SCALE,
    wallS: r.wallMs / 1000,
    perProfileMs: r.wallMs / SCALE,
    peakMiB: r.peakMiB,
  };
}

async function benchLayout() {
  const { stdout } = await promisify(execFile)(
    'node',
    [path.join(root, 'bench/layout.mjs'), '--runs', '3'],
    {
      maxBuffer: 16 * 2 ** 20,
    },
  );
  return stdout.slice(stdout.indexOf('\nprofile ') + 1);
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'keydata-bench-'));
const result = {
  machine: { cores: os.availableParallelism(), memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
  loadBefore: load(),
  countries: COUNTRIES,
};
let layoutTable;
try {
  const dataDir = path.join(dir, 'data');
  const editionDir = await makeEdition(root, dataDir, COUNTRIES);
  const sample = (await readdir(editionDir))
    .filter((f) => !f.startsWith('_'))
    .sort()
    .slice(0, 8);
  if (runs('build')) result.build = await benchBuild(dataDir, editionDir, dir);
  let floorRows;
  if (runs('floor') || runs('weasyprint')) {
    log(`pipeline against floor, ${sample.length} profiles, ${FLOOR_RUNS} runs each`);
    floorRows = await measureFloor(
      sample.map((f) => path.join(editionDir, f)),
      FLOOR_RUNS,
    );
    result.floor = {
      profiles: floorRows.length,
      pages: `${Math.min(...floorRows.map((r) => r.pages))}-${Math.max(...floorRows.map((r) => r.pages))}`,
      pipelineMedianMs: median(floorRows.map((r) => r.pipelineMs)),
      floorMedianMs: median(floorRows.map((r) => r.floorMs)),
      layoutPassMedianMs: median(floorRows.map((r) => r.layoutPassMs)),
      layoutChecksMedian: median(floorRows.map((r) => r.checks)),
      ratio: median(floorRows.map((r) => r.pipelineMs / r.floorMs)),
    };
  }
  if (runs('weasyprint')) {
    const version = await weasyprintVersion();
    if (version) {
      log(`${version}, ${floorRows.length} documents`);
      const w = await measureWeasyprint(dir, floorRows);
      result.weasyprint = {
        version,
        perDocument: floorRows.map((r, i) => ({
          profile: path.basename(r.file, '.yaml'),
          keydataPages: r.pages,
          keydataPipelineMs: r.pipelineMs,
          weasyprintPages: w[i].pages,
          weasyprintMs: w[i].ms,
        })),
        medianMs: median(w.map((x) => x.ms)),
      };
    } else result.weasyprint = { version: 'not on PATH (apt-get install weasyprint)' };
  }
  if (runs('scale') && SCALE > 0) result.scale = await benchScale(dir);
  if (runs('preview')) {
    log('preview: save to reloaded page, 5 saves');
    result.preview = await measurePreview(CLI, dataDir, path.join(editionDir, countryFile(1)), 5);
  }
  if (runs('tests')) {
    log('npm test on a clean clone of the committed tree');
    try {
      result.tests = await measureTestSuite(root, dir);
    } catch (err) {
      const message = String(err.message);
      result.tests = {
        failed: message.split('\n')[0],
        // What failed, so a failing run says which test without rerunning it.
        failures: message
          .split('\n')
          .filter((l) => /FAIL|Error|✗|×/.test(l))
          .slice(0, 12),
      };
    }
  }
  if (runs('layout')) {
    log('layout pass against plain printing (bench/layout.mjs)');
    layoutTable = await benchLayout();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
result.loadAfter = load();
console.log(
  JSON.stringify(
    result,
    (k, v) =>
      k === 'html' ? undefined : typeof v === 'number' && !Number.isInteger(v) ? +v.toFixed(2) : v,
    2,
  ),
);

// ------------------------------------------------------------ the table, issue 17's rows
const rows = [];
const row = (measure, value, target, ok) =>
  rows.push([measure, value, target, ok === undefined ? '' : ok ? 'ok' : 'MISSED']);
const s = (x, d = 1) => `${x.toFixed(d)} s`;
const notRun = (section) => `not run (--only ${section})`;
const b = result.build;
if (b) {
  for (const [i, c] of b.cold.entries())
    row(
      `cold build, ${COUNTRIES} countries (wall)${b.cold.length > 1 ? `, run ${i + 1}` : ''}`,
      `${s(c.wallS)} (${Math.round(c.perProfileMs)} ms per profile)`,
      '<= 18 s (done: <= 20 s)',
      c.wallS <= 18,
    );
} else row(`cold build, ${COUNTRIES} countries (wall)`, notRun('build'), '<= 18 s');
const f = result.floor;
row(
  'pipeline (layout + print) / floor (print the laid-out HTML)',
  f
    ? `${f.ratio.toFixed(2)}x (${Math.round(f.pipelineMedianMs)} / ${Math.round(f.floorMedianMs)} ms, pass ${Math.round(f.layoutPassMedianMs)} ms, ${f.layoutChecksMedian} checks)`
    : notRun('floor'),
  '<= 1.3x (done: <= 1.35x)',
  f && f.ratio <= 1.3,
);
const w = result.weasyprint;
if (w?.medianMs !== undefined && b) {
  const per = median(b.cold.map((c) => c.perProfileMs));
  const ratio = w.medianMs / per;
  row(
    'WeasyPrint per document / keydata per profile in a batch',
    `${Math.round(w.medianMs)} ms / ${Math.round(per)} ms = ${ratio.toFixed(1)}x`,
    '>= 5x',
    ratio >= 5,
  );
} else
  row(
    'WeasyPrint per document / keydata per profile in a batch',
    w?.medianMs !== undefined
      ? `${Math.round(w.medianMs)} ms / (needs --only build too)`
      : w
        ? w.version
        : notRun('weasyprint'),
    '>= 5x',
  );
row(
  'one changed country',
  b ? s(b.oneChangedS, 2) : notRun('build'),
  '<= 1.5 s',
  b && b.oneChangedS <= 1.5,
);
row('no-op rebuild', b ? s(b.noopS, 2) : notRun('build'), '<= 0.4 s', b && b.noopS <= 0.4);
if (b) {
  const peak = Math.max(...b.cold.map((c) => c.peakMiB));
  row(`peak memory (PSS), ${COUNTRIES} countries`, `${peak} MiB`, '<= 1024 MiB', peak <= 1024);
}
const sc = result.scale;
if (sc) {
  row(
    `peak memory (PSS), ${sc.countries} countries`,
    `${sc.peakMiB} MiB`,
    '<= 1024 MiB',
    sc.peakMiB <= 1024,
  );
  const per60 = b ? median(b.cold.map((c) => c.perProfileMs)) : undefined;
  const growth = per60 ? sc.perProfileMs / per60 : undefined;
  row(
    `cold build, ${sc.countries} countries (wall)`,
    `${s(sc.wallS)} (${Math.round(sc.perProfileMs)} ms per profile${growth ? `, ${growth.toFixed(2)}x the ${COUNTRIES}'s` : ''})`,
    'linear: per profile <= 1.1x',
    growth === undefined ? undefined : growth <= 1.1,
  );
} else
  row(`cold build and memory, ${SCALE || 200} countries`, notRun('scale'), 'linear; <= 1024 MiB');
const p = result.preview;
row(
  'preview: save to reloaded page',
  p
    ? `${s(p.medianMs / 1000, 2)} (median of ${p.times.length}: ${p.times.map((t) => Math.round(t)).join(', ')} ms)`
    : notRun('preview'),
  '<= 0.4 s',
  p && p.medianMs <= 400,
);
const t = result.tests;
row(
  'npm test on a clean clone',
  t
    ? t.failed
      ? `FAILED: ${t.failed}`
      : `${s(t.wallMs / 1000, 0)} (${t.commit}; ${t.summary})`
    : notRun('tests'),
  '<= 90 s',
  t && !t.failed && t.wallMs <= 90_000,
);

const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), 8));
console.log(
  `\nissue 17's measures (load before ${result.loadBefore}, after ${result.loadAfter}; ${result.machine.cores} cores)\n`,
);
console.log(['measure', 'result', 'target', ''].map((h, i) => h.padEnd(widths[i] ?? 0)).join('  '));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
if (w?.perDocument) {
  console.log(`\nside by side, the same laid-out HTML (${w.version}):`);
  console.log('profile        keydata pages  keydata layout+print   weasyprint pages  weasyprint');
  for (const d of w.perDocument)
    console.log(
      `${d.profile.padEnd(14)} ${String(d.keydataPages).padStart(13)}  ${`${Math.round(d.keydataPipelineMs)} ms`.padStart(20)}   ${String(d.weasyprintPages).padStart(16)}  ${`${Math.round(d.weasyprintMs)} ms`.padStart(10)}`,
    );
}
if (layoutTable)
  console.log(`\nthe layout pass per profile (bench/layout.mjs, 3 runs):\n${layoutTable}`);
