/**
 * The edition as a web site (`build --formats site`), from the sample data (every edition, both
 * report kinds): every page passes axe-core in headless Chromium at a phone's width and a desktop's,
 * every internal link leads somewhere, the pages say what the PDFs say, are light, load nothing
 * from elsewhere and run no inline script; a corrected country rewrites its page and its kind's
 * index only; --prune removes the page of a country that is gone. Set
 * KEYDATA_SITE_SCREENSHOTS=<folder> to keep the screenshots the test takes.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdition, type BuildOptions } from '../../src/commands/build.js';
import { readManifest } from '../../src/commands/manifest.js';
import { planOutputs } from '../../src/commands/plan.js';
import { runPool } from '../../src/commands/pool.js';
import { loadReport } from '../../src/data/load-report.js';
import { serveSite, siteFile, type SiteServer } from '../../src/preview/site-server.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { deriveReport, renderReport } from '../../src/commands/report.js';
import { VERSION } from '../../src/version.js';
import { openLoaded, settled } from '../support/page-loaded.js';
import { sampleBuild } from '../support/sample-build.js';
import { sharedBrowser } from '../support/shared-browser.js';

let root: string;
let data: string;
let out: string;
let edition: string;
let browser: Browser | undefined;
let server: SiteServer | undefined;

const options = (extra: Partial<BuildOptions> = {}): BuildOptions => ({
  ...sharedBrowser(),
  editionsDir: path.join(data, 'editions'),
  outDir: out,
  formats: ['pdf', 'csv', 'site'],
  volume: true,
  ...extra,
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Every page of every edition's site. */
const sitePages = async () =>
  (await filesUnder(out)).filter(
    (f) => f.endsWith('.html') && f.includes(`${path.sep}site${path.sep}`),
  );

const shaOf = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

/** Every file of the edition's output folder but the manifest, with its hash. */
async function snapshot(): Promise<Map<string, string>> {
  const files = (await filesUnder(edition)).filter((f) => !f.endsWith('manifest.json'));
  return new Map(
    await Promise.all(
      files.map(async (f) => [path.relative(edition, f), await shaOf(f)] as [string, string]),
    ),
  );
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'keydata-site-'));
  data = path.join(root, 'data');
  out = path.join(root, 'out');
  edition = path.join(out, '2025');
  // The run's build of the whole data folder (the 2025 Monitor profiles inherit sections from
  // earlier editions), copied: the last tests correct and remove a country and build again.
  const samples = await sampleBuild();
  expect(samples.summary.results.filter((r) => r.status === 'failed')).toEqual([]);
  await cp(samples.data, data, { recursive: true });
  await cp(samples.out, out, { recursive: true });
  browser = await puppeteer.connect({ browserWSEndpoint: sharedBrowser().browserWsEndpoint });
  server = await serveSite(out);
});

afterAll(async () => {
  await browser?.disconnect();
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

describe('build --formats site', () => {
  it('writes a page per profile, an index per kind and one for the edition, all in the manifest', async () => {
    const rel = (await sitePages()).map((f) => path.relative(out, f));
    expect(rel).toEqual([
      '2014/site/index.html',
      '2014/site/monitor-profile/index.html',
      '2014/site/monitor-profile/kosovo.html',
      '2019/site/index.html',
      '2019/site/monitor-profile/index.html',
      '2019/site/monitor-profile/kosovo.html',
      '2019/site/monitor-profile/zembla.html',
      '2025/site/clearing-cluster-munition-remnants/index.html',
      '2025/site/clearing-cluster-munition-remnants/norvania.html',
      '2025/site/clearing-cluster-munition-remnants/pellucidar.html',
      '2025/site/clearing-cluster-munition-remnants/ruritania.html',
      '2025/site/clearing-the-mines/arcadia.html',
      '2025/site/clearing-the-mines/borduria.html',
      '2025/site/clearing-the-mines/carpania.html',
      '2025/site/clearing-the-mines/dravonia.html',
      '2025/site/clearing-the-mines/elbonia.html',
      '2025/site/clearing-the-mines/freedonia.html',
      '2025/site/clearing-the-mines/grand-fenwick.html',
      '2025/site/clearing-the-mines/index.html',
      '2025/site/clearing-the-mines/kosovo.html',
      '2025/site/index.html',
      '2025/site/monitor-profile/index.html',
      '2025/site/monitor-profile/veldoria.html',
      '2025/site/monitor-profile/zembla.html',
    ]);
    const manifest = await readManifest(out, 2025, VERSION);
    expect(manifest.profiles['clearing-the-mines/kosovo']?.outputs.site).toEqual({
      file: '2025/site/clearing-the-mines/kosovo.html',
      sha256: await shaOf(path.join(edition, 'site/clearing-the-mines/kosovo.html')),
    });
    for (const key of [
      'clearing-the-mines/site-2025',
      'monitor-profile/site-2025',
      'site/site-2025',
    ])
      expect(manifest.profiles[key]?.scope, key).toBe('edition');
    // Every file under site/ is claimed by an entry: --prune would leave them all.
    const claimed = new Set(
      Object.values(manifest.profiles).flatMap((e) => Object.values(e.outputs).map((o) => o.file)),
    );
    for (const f of await filesUnder(path.join(edition, 'site')))
      expect(claimed.has(path.relative(out, f)), f).toBe(true);
    // One copy of each font, subset, for the whole site.
    const fonts = (await filesUnder(path.join(edition, 'site'))).filter((f) => /\.woff2$/.test(f));
    expect(fonts.map((f) => path.basename(f))).toEqual([
      'source-sans-3-400-italic.woff2',
      'source-sans-3-400.woff2',
      'source-sans-3-600.woff2',
      'source-sans-3-700-italic.woff2',
      'source-sans-3-700.woff2',
    ]);
    for (const f of fonts) expect((await stat(f)).size).toBeLessThan(120_000);
  });

  it('passes axe-core with no violation on every page, at a phone and a desktop width', async () => {
    const axe = await readFile(path.join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
    const shots = process.env.KEYDATA_SITE_SCREENSHOTS;
    if (shots) await mkdir(shots, { recursive: true });
    const pages = await sitePages();
    expect(pages.length).toBe(24);
    // Four pages at once: Chromium lays out and runs axe on one while another loads.
    await runPool(pages, 4, async (file) => {
      const rel = path.relative(out, file).split(path.sep).join('/');
      const page = await (browser as Browser).newPage();
      const problems: string[] = [];
      try {
        page.on('console', (m) => {
          if (m.type() === 'error') problems.push(m.text());
        });
        page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
        page.on('request', (r) => {
          if (!r.url().startsWith((server as SiteServer).url) && !r.url().startsWith('data:'))
            problems.push(`another origin: ${r.url()}`);
        });
        for (const width of [375, 1280]) {
          await page.setViewport({ width, height: 900 });
          // Loaded once, at the phone's width; at the desktop's the same page is laid out again
          // (its media queries apply as on a fresh load), so axe-core is injected once: a
          // second load and injection per page were a third of the file's CPU.
          if (width === 375) {
            await openLoaded(page, `${(server as SiteServer).url}${rel}`);
            await page.evaluate(axe);
          } else await settled(page);
          const result = await page.evaluate(() =>
            (
              window as unknown as {
                axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> };
              }
            ).axe.run(document, { resultTypes: ['violations'] }),
          );
          const violations = (
            result.violations as { id: string; nodes: { target: string[] }[] }[]
          ).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          expect(violations, `${rel} at ${width}px`).toEqual([]);
          // The page never scrolls sideways: a wide table scrolls in its own box.
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow, `${rel} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
          // The subset fonts load (one copy for the site), not a fallback.
          const fonts = await page.evaluate(async () => {
            await document.fonts.ready;
            const faces: FontFace[] = [];
            document.fonts.forEach((f) => {
              faces.push(f);
            });
            return faces
              .filter((f) => f.status === 'loaded')
              .map((f) => f.family.replace(/["']/g, ''));
          });
          expect(fonts, rel).toContain('Source Sans 3');
          if (shots)
            await page.screenshot({
              path: path.join(
                shots,
                `${rel.replace(/\//g, '_').replace(/\.html$/, '')}-${width}.png`,
              ),
              fullPage: true,
            });
        }
      } finally {
        await page.close();
      }
      expect(problems, rel).toEqual([]);
    });
  });

  it('links nothing that is not there: every internal link and anchor resolves, the PDFs exist', async () => {
    const ids = new Map<string, Set<string>>();
    const idsOf = async (file: string) => {
      let found = ids.get(file);
      if (!found) {
        const html = await readFile(file, 'utf8');
        found = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string));
        ids.set(file, found);
      }
      return found;
    };
    let internal = 0;
    let pdfs = 0;
    for (const file of await sitePages()) {
      const html = await readFile(file, 'utf8');
      for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const link = (m[1] as string).replace(/&amp;/g, '&');
        if (/^(https?:|mailto:|data:)/.test(link)) continue;
        const [target = '', fragment] = link.split('#');
        const to =
          target === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(target));
        const own = path.join(out, path.relative(out, file).split(path.sep)[0] as string);
        expect(path.relative(own, to).startsWith('..'), `${file}: ${link} leaves the edition`).toBe(
          false,
        );
        expect((await stat(to).catch(() => undefined))?.isFile(), `${file}: ${link}`).toBe(true);
        if (fragment)
          expect((await idsOf(to)).has(decodeURIComponent(fragment)), `${file}: ${link}`).toBe(
            true,
          );
        internal++;
        if (to.endsWith('.pdf')) pdfs++;
      }
    }
    expect(internal).toBeGreaterThan(300);
    // Each profile's PDF from its page and from its index (16 profiles); each volume from its
    // index (2014, 2019, and 2025's three kinds).
    expect(pdfs).toBe(16 * 2 + 5);
  });

  it('serves light, self-contained pages: a CSP first, no inline script, under 150 KB without fonts', async () => {
    for (const file of await sitePages()) {
      const html = await readFile(file, 'utf8');
      expect(html, file).toMatch(
        /<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; script-src &#x27;self&#x27;;/,
      );
      for (const script of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [])
        expect(script, file).toMatch(/^<script src="(\.\.\/)?assets\/sort\.js" defer><\/script>$/);
      expect(html, file).not.toMatch(/\ssrc="(https?:)?\/\//);
      const stylesheet = /<link rel="stylesheet" href="([^"]+)">/.exec(html)?.[1] as string;
      const css = await readFile(path.resolve(path.dirname(file), stylesheet), 'utf8');
      expect(css).toMatch(/font-display: swap/);
      expect(css).not.toMatch(/url\((?!fonts\/)/);
      const weight = Buffer.byteLength(html) + Buffer.byteLength(css);
      expect(weight, `${file}: ${weight} bytes`).toBeLessThan(150_000);
    }
  });

  it('places the same report as the PDF: the same headings, tables, notes and chart descriptions', async () => {
    for (const kind of ['clearing-the-mines', 'monitor-profile']) {
      const dir = path.join(data, 'editions', '2025', kind);
      for (const name of (await readdir(dir)).filter((n) => !n.startsWith('_'))) {
        const loaded = await loadReport(path.join(dir, name), (f) => f);
        if (!loaded.ok) throw new Error(`${name} does not load`);
        const printed = (await renderReport(deriveReport(loaded.report))).html;
        const page = await readFile(
          path.join(edition, 'site', kind, name.replace(/\.yaml$/, '.html')),
          'utf8',
        );
        const texts = (html: string, re: RegExp) =>
          [...html.matchAll(re)].map((m) => (m[1] as string).replace(/<[^>]+>/g, ''));
        const parts: [string, RegExp][] = [
          ['headings', /<h[1-3][^>]*>([\s\S]*?)<\/h[1-3]>/g],
          ['captions', /<caption>([\s\S]*?)<\/caption>/g],
          ['table cells', /<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g],
          ['notes', /<li id="[^"]*note[^"]*"[^>]*>([\s\S]*?)<\/li>/g],
          ['chart descriptions', /(?:alt|aria-label)="(Bar chart[^"]*)"/g],
        ];
        for (const [what, re] of parts) {
          const fromPdf = texts(printed, re);
          // Every report has headings and tables; not every one has captions, notes or charts.
          const least = what === 'headings' || what === 'table cells' ? 1 : 0;
          expect(fromPdf.length, `${name}: ${what}`).toBeGreaterThanOrEqual(least);
          expect(texts(page, re).slice(0, fromPdf.length), `${name}: ${what}`).toEqual(fromPdf);
        }
      }
    }
  });

  it('sorts an index table with its script, and shows every row without it', async () => {
    const page = await (browser as Browser).newPage();
    const url = `${(server as SiteServer).url}2025/site/clearing-the-mines/index.html`;
    await openLoaded(page, url);
    const firstColumn = () =>
      page.$$eval('table.overview-countries tbody th', (ths) => ths.map((t) => t.textContent));
    const before = await firstColumn();
    expect(before).toEqual([...before].sort());
    const estimate = 'table.overview-countries thead th:nth-child(3) button';
    await page.click(estimate);
    const ascending = await page.$$eval('table.overview-countries tbody td.num', (tds) =>
      tds.map((t) => t.textContent),
    );
    expect(
      await page.$eval('table.overview-countries thead th:nth-child(3)', (th) =>
        th.getAttribute('aria-sort'),
      ),
    ).toBe('ascending');
    const numbers = ascending
      .filter((t) => t !== '–')
      .map((t) => Number(t?.replace(/[^\d.]/g, '')));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    await page.click(estimate);
    expect(
      await page.$eval('table.overview-countries thead th:nth-child(3)', (th) =>
        th.getAttribute('aria-sort'),
      ),
    ).toBe('descending');
    await page.close();
    const plain = await (browser as Browser).newPage();
    await plain.setJavaScriptEnabled(false);
    await openLoaded(plain, url);
    expect(await plain.$$eval('table.overview-countries tbody tr', (rows) => rows.length)).toBe(8);
    expect(await plain.$$('button')).toHaveLength(0);
    await plain.close();
  });

  it('a corrected country rewrites its own files, its page and its kind index, nothing else', async () => {
    const before = await snapshot();
    const kosovo = path.join(data, 'editions/2025/clearing-the-mines/kosovo.yaml');
    const text = await readFile(kosovo, 'utf8');
    await writeFile(kosovo, text.replace('    clearance_m2: 47065', '    clearance_m2: 47605'));
    const summary = await buildEdition(options());
    const built = summary.results.filter((r) => r.status === 'built');
    expect(built.map((r) => `${r.country.edition}/${r.country.country}`)).toEqual([
      '2025/kosovo',
      '2025/clearing-the-mines-2025 (volume)',
      '2025/overview-2025',
      '2025/site-2025 (index)',
    ]);
    const after = await snapshot();
    const changed = [...after.keys()].filter((f) => before.get(f) !== after.get(f)).sort();
    expect(changed).toEqual([
      'clearing-the-mines/clearing-the-mines-2025.pdf',
      'clearing-the-mines/kosovo.land_release_summary.csv',
      'clearing-the-mines/kosovo.pdf',
      'clearing-the-mines/overview.csv',
      'clearing-the-mines/overview.json',
      'site/clearing-the-mines/index.html',
      'site/clearing-the-mines/kosovo.html',
    ]);
    expect(
      await readFile(path.join(edition, 'site/clearing-the-mines/kosovo.html'), 'utf8'),
    ).toMatch(/47,605/);
    // Nothing changed: nothing is written.
    const again = await buildEdition(options());
    expect(again.results.filter((r) => r.status !== 'skipped')).toEqual([]);
  });

  it('--prune removes the page of a country whose data is gone, and the index no longer lists it', async () => {
    await rm(path.join(data, 'editions/2025/clearing-the-mines/freedonia.yaml'));
    const summary = await buildEdition(options({ prune: true }));
    expect(summary.pruned.map((f) => path.relative(edition, f))).toContain(
      'site/clearing-the-mines/freedonia.html',
    );
    const index = await readFile(path.join(edition, 'site/clearing-the-mines/index.html'), 'utf8');
    expect(index).not.toMatch(/freedonia/i);
    expect(await stat(path.join(edition, 'site/assets/clearing-the-mines.css'))).toBeTruthy();
  });
});

describe('the site page of a profile', () => {
  it('is made again when the profile gains another kind of file it links', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'keydata-site-plan-'));
    try {
      const outputs: Record<string, { file: string; sha256: string }> = {};
      for (const [key, file] of [
        ['pdf', 'a.pdf'],
        ['site', 'a.html'],
      ] as const) {
        await writeFile(path.join(dir, file), key);
        outputs[key] = { file, sha256: await shaOf(path.join(dir, file)) };
      }
      const entry = { inputs: 'same', formats: ['pdf', 'site'], outputs, built: '2025-01-01' };
      const plan = await planOutputs(entry, { inputs: 'same' }, ['pdf', 'csv'], dir);
      expect(plan?.keys.sort()).toEqual(['csv', 'site']);
      expect(await planOutputs(entry, { inputs: 'same' }, ['pdf', 'site'], dir)).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('preview --site', () => {
  it('serves the edition folder and nothing outside it or hidden in it', async () => {
    const dir = '/srv/out/2025';
    expect(siteFile(dir, '/site/')).toBe('/srv/out/2025/site/index.html');
    expect(siteFile(dir, '/site/a%20b.html')).toBe('/srv/out/2025/site/a b.html');
    for (const bad of [
      '/../x',
      '/site/%2e%2e/%2e%2e/x',
      '/.keydata-build.lock',
      '/site/%00',
      '/%E0%A4%A',
    ])
      expect(siteFile(dir, bad), bad).toBeUndefined();
  });
});
