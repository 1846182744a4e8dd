/**
 * Nothing injected: a hostile string (markup for every context, a spreadsheet formula) in every
 * free-text field of every report kind, found by walking the zod schemas, is built to PDF,
 * HTML and CSV, and to each kind's volume. It must come out as text wherever it lands:
 * no script runs and nothing is requested when the HTML is opened (even with the CSP off),
 * nothing prints as a heading, PDF metadata and bookmarks hold it as text, and no CSV
 * cell starts a formula.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import puppeteer, { type Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPool } from '../../src/commands/pool.js';
import { serveSite } from '../../src/preview/site-server.js';
import { EditionMeta, REPORT_SCHEMAS } from '../../src/schema/index.js';
import { runCli } from '../helpers/run-cli.js';
import { stringFields } from '../support/hostile-data.js';
import { HOSTILE, type HostileEdition, writeHostileEdition } from '../support/hostile-edition.js';
import { openLoaded } from '../support/page-loaded.js';
import { sharedBrowser } from '../support/shared-browser.js';

const run = promisify(execFile);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** RFC 4180 fields of a CSV text, BOM dropped. */
function csvFields(text: string): string[] {
  const fields: string[] = [];
  const re = /("(?:[^"]|"")*"|[^,\r\n]*)(,|\r\n|$)/gy;
  const body = text.replace(/^\ufeff/, '');
  while (re.lastIndex < body.length) {
    const m = re.exec(body);
    if (!m) break;
    const f = m[1] as string;
    fields.push(f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f);
  }
  return fields;
}

describe('hostile data in every string field', () => {
  let root: string;
  let out: string;
  let hostile: HostileEdition;
  let built: { code: number; stdout: string; stderr: string };
  let browser: Browser | undefined;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'keydata-hostile-'));
    out = path.join(root, 'out');
    hostile = await writeHostileEdition(path.join(root, 'data'));
    built = await runCli(
      [
        'build',
        '--all',
        '--volume',
        '--data',
        path.join(root, 'data'),
        '--out',
        out,
        '--formats',
        'pdf,html,csv,site',
        '--quiet',
        '--browser-ws-endpoint',
        sharedBrowser().browserWsEndpoint,
      ],
      root,
    );
  });
  afterAll(async () => {
    await browser?.disconnect();
    await rm(root, { recursive: true, force: true });
  });

  it('covers every free-text field of every schema, and refuses only constrained ones', () => {
    const kinds = { ...REPORT_SCHEMAS, edition: EditionMeta };
    for (const [kind, schema] of Object.entries(kinds)) {
      const fields = stringFields(schema);
      const covered = new Set(
        hostile.files
          .filter((f) => f.schema === schema)
          .flatMap((f) => [...f.injected.paths.values()].flatMap((v) => v.fields)),
      );
      const missing = [...fields.free].filter((f) => !covered.has(f));
      expect(missing, `${kind}: fields the hostile data does not reach`).toEqual([]);
    }
    // Refused: ids, dates, keys and the like, which validation keeps to their pattern.
    for (const r of hostile.refused) expect(r).not.toMatch(/\.(p|heading|caption|text)\b/);
    expect(hostile.refused.length).toBeGreaterThan(0);
  });

  it('builds every profile and volume', () => {
    // A build prints its data's warnings (the hostile notes are never cited), nothing else.
    for (const line of built.stderr.split('\n').filter(Boolean))
      expect(line).toMatch(/^\S+\.yaml:\d+:\d+: warning: /);
    expect(built.code).toBe(0);
  });

  it('writes HTML where the string is text: no script, no request, no refresh, even without the CSP', async () => {
    const pages = (await filesUnder(out)).filter(
      (f) => f.endsWith('.html') && !f.includes(`${path.sep}site${path.sep}`),
    );
    expect(pages.length).toBe(6);
    browser = await puppeteer.connect({ browserWSEndpoint: sharedBrowser().browserWsEndpoint });
    for (const file of pages) {
      const html = await readFile(file, 'utf8');
      expect(html).toMatch(
        /<head>\n<meta http-equiv="Content-Security-Policy" content="default-src 'none';/,
      );
      expect(html).not.toMatch(/<script|<img src="http|http-equiv="refresh|<h1>KD-INJECTED/i);
      const page = await browser.newPage();
      await page.setBypassCSP(true);
      await page.setRequestInterception(true);
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('data:') && r.url() !== pathToFileURL(file).href)
          requests.push(r.url());
        if (r.url() === pathToFileURL(file).href || r.url().startsWith('data:')) void r.continue();
        else void r.abort();
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const seen = await page.evaluate(() => ({
        injected: (window as { kdInjected?: number }).kdInjected,
        elements: document.querySelectorAll('script, meta[http-equiv="refresh"], img[src^="http"]')
          .length,
        headings: Array.from(document.querySelectorAll('h1')).filter(
          (e) => e.textContent === 'KD-INJECTED',
        ).length,
        styles: document.querySelectorAll('style').length,
        hidden: getComputedStyle(document.body).display === 'none',
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point: text hidden by CSS must not count
        text: document.body.innerText.includes('</style></title><script>kdInjected=1</script>'),
      }));
      await page.close();
      expect(seen, file).toEqual({
        injected: undefined,
        elements: 0,
        headings: 0,
        styles: 1,
        hidden: false,
        text: true,
      });
      expect(requests, file).toEqual([]);
    }
  });

  it("writes the site where the string is text: no script but the site's own, no request elsewhere, even without the CSP", async () => {
    const pages = (await filesUnder(out)).filter(
      (f) => f.endsWith('.html') && f.includes(`${path.sep}site${path.sep}`),
    );
    // Six profile pages, an index of each kind of each edition (four) and of each edition (three).
    expect(pages.length).toBe(13);
    browser ??= await puppeteer.connect({ browserWSEndpoint: sharedBrowser().browserWsEndpoint });
    let hostileText = 0;
    // Four pages at once, each from its edition's own server: Chromium loads one while it
    // lays out another.
    await runPool(pages, 4, async (file) => {
      const html = await readFile(file, 'utf8');
      expect(html).toMatch(
        /<meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;;/,
      );
      for (const script of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? [])
        expect(script, file).toMatch(/^<script src="(\.\.\/)?assets\/sort\.js" defer><\/script>$/);
      expect(html).not.toMatch(/http-equiv="refresh"|<h1>KD-INJECTED|<img src="http/i);
      const edition = file.slice(0, file.indexOf(`${path.sep}site${path.sep}`));
      const server = await serveSite(edition);
      const page = await (browser as Browser).newPage();
      try {
        await page.setBypassCSP(true);
        await page.setRequestInterception(true);
        const elsewhere: string[] = [];
        page.on('request', (r) => {
          const own = r.url().startsWith(server.url) || r.url().startsWith('data:');
          if (!own) elsewhere.push(r.url());
          void (own ? r.continue() : r.abort());
        });
        await openLoaded(
          page,
          `${server.url}${path.relative(edition, file).split(path.sep).join('/')}`,
        );
        const seen = await page.evaluate(() => ({
          injected: (window as { kdInjected?: number }).kdInjected,
          scripts: Array.from(document.querySelectorAll('script')).filter(
            (s) => !/\/assets\/sort\.js$/.test(s.src),
          ).length,
          headings: Array.from(document.querySelectorAll('h1')).filter(
            (e) => e.textContent === 'KD-INJECTED',
          ).length,
          // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point: text hidden by CSS must not count
          text: document.body.innerText.includes('</style></title><script>kdInjected=1</script>'),
        }));
        expect({ ...seen, text: undefined }, file).toEqual({
          injected: undefined,
          scripts: 0,
          headings: 0,
          text: undefined,
        });
        if (seen.text) hostileText++;
        expect(elsewhere, file).toEqual([]);
      } finally {
        await page.close();
        await server.close();
      }
    });
    // Every profile's page prints the hostile strings as text (the edition indexes need not).
    expect(hostileText).toBeGreaterThanOrEqual(6);
  });

  it('prints the string as text in the PDFs, their metadata and bookmarks', async () => {
    const pdfs = (await filesUnder(out)).filter((f) => f.endsWith('.pdf'));
    // Six profiles (Arcadia, Freedonia, Kosovo 2014 and 2019, Norvania, Pellucidar) and a
    // volume of each edition of each kind.
    expect(pdfs.length).toBe(10);
    for (const pdf of pdfs) {
      // Headings and captions are set in capitals: compare without case.
      const text = (await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'])).stdout
        .replace(/\s+/g, '')
        .toUpperCase();
      const printed = text.split('KD-INJECTED').length - 1;
      const literal = text.split('<H1>KD-INJECTED</H1>').length - 1;
      expect(printed, pdf).toBeGreaterThan(0);
      expect(literal, `${pdf}: a heading printed from data`).toBe(printed);
      const info = (await run('pdfinfo', ['-enc', 'UTF-8', pdf])).stdout;
      const title = /^Title:\s+(.*)$/m.exec(info)?.[1] ?? '';
      if (title.includes('KD-INJECTED')) expect(title).toContain('</style></title><script>');
      const outline = (await run('qpdf', ['--json', '--json-key=outlines', pdf])).stdout;
      for (const t of outline.match(/"title": "((?:[^"\\]|\\.)*)"/g) ?? [])
        if (t.includes('KD-INJECTED')) expect(t.toUpperCase()).toContain('<H1>KD-INJECTED</H1>');
    }
  });

  it('writes CSV where no cell starts a formula', async () => {
    const csvs = (await filesUnder(out)).filter((f) => f.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThan(5);
    let hostileCells = 0;
    for (const csv of csvs) {
      for (const field of csvFields(await readFile(csv, 'utf8'))) {
        if (field.includes('KD-INJECTED')) hostileCells++;
        if (/^[=+\-@\t\r]/.test(field)) expect(field, csv).toMatch(/^[-+]?[\d.,]+%?$|^-$/);
      }
    }
    expect(hostileCells).toBeGreaterThan(0);
    expect(HOSTILE.startsWith('=')).toBe(true);
  });
});
