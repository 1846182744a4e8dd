// Benchmark, not a test: a synthetic edition of 60 countries built through the real CLI.
// Prints JSON, then a table. Targets on a 2-core machine: edition <= 30 s, per profile
// <= 2x the floor, no-op <= 1 s, one changed country <= 3 s, peak memory <= 1.5 GiB.
//   npm run bench                 (builds first; runs this, then bench/layout.mjs)
//   node bench/edition.mjs --countries 20
import { execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { loadReport } from '../dist/data/load-report.js';
import { launchBrowser } from '../dist/pdf/browser.js';
import { printPdf } from '../dist/pdf/print.js';
import { BUILD_DEFAULTS } from '../dist/commands/options.js';
import { deriveReport, renderReport } from '../dist/commands/report.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const COUNTRIES = arg('--countries', 60);
const CONCURRENCY = arg('--concurrency', undefined);
const CLI = path.join(root, 'bin', 'keydata.js');
const run = promisify(execFile);

// ------------------------------------------------------------ the synthetic edition
/** Country k: Kosovo's report with its figures scaled and 0-4 extra paragraphs, so lengths vary (8-12 pages). */
function variant(base, k) {
  const d = structuredClone(base);
  const scale = 0.6 + ((k * 37) % 90) / 100;
  d.country = `Country ${String(k).padStart(2, '0')}`;
  for (const y of [d.land_release.current, d.land_release.previous]) {
    y.clearance_m2 = Math.round(y.clearance_m2 * scale);
    y.technical_survey_m2 = Math.round(y.technical_survey_m2 * scale);
  }
  for (const row of d.tables.mined_area_by_district.rows) {
    row.cha_area_m2 = Math.round(row.cha_area_m2 * scale);
    row.sha_area_m2 = Math.round(row.sha_area_m2 * scale);
  }
  const extra = k % 5;
  const prose = d.sections.flatMap((s) =>
    (s.blocks ?? []).filter((b) => 'p' in b).map((b) => b.p.replace(/\[\^[^\]]+\]/g, '')),
  );
  for (let i = 0; i < extra; i++) {
    const section = d.sections[i % d.sections.length];
    section.blocks ??= [];
    section.blocks.push({
      p: `${prose[(k + i) % prose.length]} ${prose[(k + i + 3) % prose.length]}`,
    });
  }
  return d;
}

async function makeEdition(dir) {
  const src = path.join(root, 'data/editions/2025/clearing-the-mines');
  const out = path.join(dir, 'editions/2025/clearing-the-mines');
  await cp(path.join(src, '_edition.yaml'), path.join(out, '_edition.yaml'), { recursive: true });
  const base = parse(await readFile(path.join(src, 'kosovo.yaml'), 'utf8'));
  for (let k = 1; k <= COUNTRIES; k++) {
    await writeFile(
      path.join(out, `country-${String(k).padStart(2, '0')}.yaml`),
      stringify(variant(base, k)),
    );
  }
  return out;
}

// ------------------------------------------------------------ memory: node + Chromium, PSS
async function descendants(pid) {
  const all = [];
  for (const d of await readdir('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = await readFile(`/proc/${d}/stat`, 'utf8');
      all.push([Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])]);
    } catch {}
  }
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, pp] of all) {
      if (tree.has(pp) && !tree.has(p)) {
        tree.add(p);
        grew = true;
      }
    }
  }
  return [...tree];
}
async function pssKiB(pids) {
  let total = 0;
  for (const p of pids) {
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(await readFile(`/proc/${p}/smaps_rollup`, 'utf8'));
      total += Number(m?.[1] ?? 0);
    } catch {}
  }
  return total;
}

/** Runs the CLI, sampling the PSS of it and its browser every 100 ms. */
async function timedCli(args) {
  const started = performance.now();
  const child = spawn('node', [CLI, ...args], {
    env: { ...process.env, CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  let peak = 0;
  const sampler = setInterval(async () => {
    peak = Math.max(peak, await pssKiB(await descendants(child.pid)));
  }, 100);
  const code = await new Promise((r) => child.on('exit', r));
  clearInterval(sampler);
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`keydata ${args.join(' ')} exited ${code}:\n${out}`);
  return { wallMs, peakMiB: Math.round(peak / 1024), out };
}

// ------------------------------------------------------------ floor: print laid-out HTML
async function floor(_dir, files) {
  const browser = await launchBrowser({
    envPath: process.env.PUPPETEER_EXECUTABLE_PATH || undefined,
  });
  const rows = [];
  try {
    for (const f of files) {
      const loaded = await loadReport(f, (x) => x);
      const rendered = await renderReport(deriveReport(loaded.report));
      let t = performance.now();
      const full = await printPdf(browser, rendered.html, {
        timeoutMs: BUILD_DEFAULTS.timeoutMs,
        layout: rendered.layout,
        captureHtml: true,
      });
      const pipelineMs = performance.now() - t;
      t = performance.now();
      await printPdf(browser, full.laidOutHtml, {
        timeoutMs: BUILD_DEFAULTS.timeoutMs,
        layout: false,
      });
      const floorMs = performance.now() - t;
      rows.push({
        pipelineMs,
        floorMs,
        pages: full.layout.pages,
        layoutPassMs: full.layout.ms,
        html: full.laidOutHtml,
      });
    }
  } finally {
    await browser.close();
  }
  return rows;
}

async function weasyprint(dir, rows) {
  try {
    await run('weasyprint', ['--version']);
  } catch {
    return undefined;
  }
  const times = [];
  for (const [i, r] of rows.entries()) {
    const html = path.join(dir, `w${i}.html`);
    await writeFile(html, r.html);
    const t = performance.now();
    await run('weasyprint', [html, path.join(dir, `w${i}.pdf`)]);
    times.push(performance.now() - t);
  }
  return times;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = await mkdtemp(path.join(os.tmpdir(), 'keydata-bench-'));
try {
  const editionDir = await makeEdition(dir);
  const common = [
    'build',
    '--edition',
    '2025',
    '--data',
    dir,
    '--out',
    path.join(dir, 'out'),
    '--quiet',
    ...(CONCURRENCY ? ['--concurrency', String(CONCURRENCY)] : []),
  ];
  const cold = await timedCli(common);
  const noop = await timedCli(common);
  const one = path.join(editionDir, 'country-07.yaml');
  await writeFile(one, `${await readFile(one, 'utf8')}\n# corrected\n`);
  const changed = await timedCli(common);
  const files = (await readdir(editionDir))
    .filter((f) => !f.startsWith('_'))
    .sort()
    .slice(0, 8)
    .map((f) => path.join(editionDir, f));
  const rows = await floor(dir, files);
  const weasy = await weasyprint(dir, rows);
  const pages = rows.map((r) => r.pages);
  const result = {
    machine: { cores: os.availableParallelism(), memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
    countries: COUNTRIES,
    coldBuild: {
      wallS: +(cold.wallMs / 1000).toFixed(1),
      perProfileMs: Math.round(cold.wallMs / COUNTRIES),
      peakMemoryMiB: cold.peakMiB,
    },
    noopRebuild: { wallS: +(noop.wallMs / 1000).toFixed(2) },
    oneChangedCountry: { wallS: +(changed.wallMs / 1000).toFixed(2) },
    floor: {
      profilesSampled: rows.length,
      pages: `${Math.min(...pages)}-${Math.max(...pages)}`,
      pipelineMedianMs: Math.round(median(rows.map((r) => r.pipelineMs))),
      printLaidOutHtmlMedianMs: Math.round(median(rows.map((r) => r.floorMs))),
      layoutPassMedianMs: Math.round(median(rows.map((r) => r.layoutPassMs))),
      ratio: +median(rows.map((r) => r.pipelineMs / r.floorMs)).toFixed(2),
    },
    weasyprintMedianMs: weasy ? Math.round(median(weasy)) : 'weasyprint not on PATH',
  };
  console.log(JSON.stringify(result, null, 2));
  const ok = (v, t) => (v <= t ? 'ok' : 'MISSED');
  console.log(`
measure                               value        target     
cold build, ${COUNTRIES} countries (wall)        ${String(`${result.coldBuild.wallS} s`).padEnd(12)} <= 30 s     ${ok(result.coldBuild.wallS, 30)}
  per profile                         ${String(`${result.coldBuild.perProfileMs} ms`).padEnd(12)}
peak memory, node + Chromium (PSS)    ${String(`${result.coldBuild.peakMemoryMiB} MiB`).padEnd(12)} <= 1536 MiB ${ok(result.coldBuild.peakMemoryMiB, 1536)}
no-op rebuild                         ${String(`${result.noopRebuild.wallS} s`).padEnd(12)} <= 1 s      ${ok(result.noopRebuild.wallS, 1)}
one changed country                   ${String(`${result.oneChangedCountry.wallS} s`).padEnd(12)} <= 3 s      ${ok(result.oneChangedCountry.wallS, 3)}
profile: pipeline / floor             ${String(`${result.floor.ratio}x`).padEnd(12)} <= 2x       ${ok(result.floor.ratio, 2)}
  pipeline (layout + print), median   ${result.floor.pipelineMedianMs} ms
  floor (print laid-out HTML), median ${result.floor.printLaidOutHtmlMedianMs} ms
  layout pass alone, median           ${result.floor.layoutPassMedianMs} ms
weasyprint, same HTML                 ${result.weasyprintMedianMs}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
