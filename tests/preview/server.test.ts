/**
 * `keydata preview` end to end: the server on a free port over a copy of the data, the page
 * in headless Chromium, a data file changed on disk, and the page seen to change by itself.
 */
import { writeFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, truncate, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/pdf/browser.js';
import { RELOAD_SCRIPT_HASH } from '../../src/preview/page.js';
import { startPreview, type PreviewEvent, type PreviewServer } from '../../src/preview/server.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { withoutSamples } from '../helpers/samples.js';

/** Polls `read` in the page (which may be reloading) until `ok` holds; fails after `ms`. */
async function waitFor<T>(
  page: Page,
  read: () => T,
  ok: (v: T) => boolean,
  ms = 30_000,
): Promise<T> {
  const until = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < until) {
    try {
      last = (await page.evaluate(read)) as T;
      if (ok(last)) return last;
    } catch {
      // the page is navigating: its context went away; ask again
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out; last seen: ${JSON.stringify(last)}`);
}

const heading = () => document.querySelector('h1')?.textContent ?? '';
const sheets = () => document.querySelectorAll('.kd-pages > .kd-page').length;

describe('the live preview', () => {
  let root: string;
  let file: string;
  let original: string;
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  const events: PreviewEvent[] = [];
  let onHeld: ((e: Extract<PreviewEvent, { type: 'held' }>) => void) | undefined;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'keydata-preview-'));
    await cp(
      path.join(PROJECT_ROOT, 'data', 'editions', '2025'),
      path.join(root, 'data', 'editions', '2025'),
      { recursive: true, filter: withoutSamples },
    );
    await cp(path.join(PROJECT_ROOT, 'data', 'reference'), path.join(root, 'data', 'reference'), {
      recursive: true,
    });
    file = path.join(root, 'data', 'editions', '2025', 'clearing-the-mines', 'kosovo.yaml');
    original = await readFile(file, 'utf8');
    const env = process.env.PUPPETEER_EXECUTABLE_PATH;
    server = await startPreview({
      edition: 2025,
      kind: 'clearing-the-mines',
      country: 'kosovo',
      editionsDir: path.join(root, 'data', 'editions'),
      port: 0,
      env: { PUPPETEER_EXECUTABLE_PATH: env },
      onEvent: (e) => {
        events.push(e);
        if (e.type === 'held') onHeld?.(e);
      },
    });
    browser = await launchBrowser(env ? { envPath: env } : {});
    page = await browser.newPage();
  });
  afterAll(async () => {
    // The folder goes even when closing the browser or the server fails or stalls.
    try {
      await Promise.allSettled([browser?.close(), server?.close()]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('serves on 127.0.0.1 the laid-out pages, as sheets, under a policy that allows only its reload script', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.port).toBeGreaterThan(0);
    await server.settled();
    const response = await page.goto(server.url, { waitUntil: 'load' });
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain(`script-src '${RELOAD_SCRIPT_HASH}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(await page.evaluate(heading)).toBe('Kosovo');
    // The layout pass's own page boxes, each with its footnotes at its foot.
    expect(await page.evaluate(sheets)).toBeGreaterThanOrEqual(6);
    expect(await page.evaluate(() => document.querySelector('.kd-flow'))).toBeNull();
    expect(
      await page.evaluate(() => document.querySelectorAll('.kd-page-notes li[data-note]').length),
    ).toBe(60);
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(1);
    // The warnings of the data (Table 7's total, Table 3's HALO staff) are in the bar.
    expect(
      await page.evaluate(() => document.querySelector('.kd-preview-bar summary')?.textContent),
    ).toBe('2 warnings');
  });

  it('links the PDF as a download', async () => {
    const href = await page.evaluate(
      () => document.querySelector<HTMLAnchorElement>('a.kd-preview-pdf')?.href,
    );
    expect(href).toBe(`${server.url}kosovo.pdf`);
    const res = await fetch(href as string);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="kosovo.pdf"');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });

  it('rebuilds when the data file is saved, and the open page reloads by itself', async () => {
    const builds = server.build;
    await writeFile(file, original.replace('country: Kosovo', 'country: Kosovo Preview'));
    expect(await waitFor(page, heading, (h) => h === 'Kosovo Preview')).toBe('Kosovo Preview');
    expect(server.build).toBeGreaterThan(builds);
    expect(
      events.some((e) => e.type === 'changed' && e.files.some((f) => f.endsWith('kosovo.yaml'))),
    ).toBe(true);
  });

  it("shows invalid data's located problems in the page, keeps serving, and comes back when fixed", async () => {
    await writeFile(file, original.replace('clearance_m2: 47065', 'clearance_m2: lots'));
    const problems = await waitFor(
      page,
      () =>
        Array.from(document.querySelectorAll('.kd-problem code')).map((e) => e.textContent ?? ''),
      (list) => list.length > 0,
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /kosovo\.yaml:19:19: error: land_release\.current\.clearance_m2: expected a number of m², .* got 'lots'$/,
      ),
    ]);
    expect(await page.evaluate(() => document.querySelector('a.kd-preview-pdf'))).toBeNull();
    expect((await fetch(`${server.url}kosovo.pdf`)).status).toBe(404);

    await writeFile(file, original);
    expect(await waitFor(page, sheets, (n) => n >= 6)).toBeGreaterThanOrEqual(6);
    expect(await page.evaluate(heading)).toBe('Kosovo');
  });

  it('never shows a save caught between its truncate and its write as an error', async () => {
    await server.settled();
    events.length = 0;
    const saved = original.replace('country: Kosovo', 'country: Kosovo Resaved');
    // The build reading the truncated file is the sync point: the write lands right after
    // that read (in the event's call), as a slow editor's or a loaded machine's would.
    let wrote = false;
    const heldOnce = new Promise<void>((resolve) => {
      onHeld = (e) => {
        if (wrote || !e.files.includes(file)) return;
        wrote = true;
        writeFileSync(file, saved);
        resolve();
      };
    });
    await truncate(file);
    await heldOnce;
    expect(await waitFor(page, heading, (h) => h === 'Kosovo Resaved')).toBe('Kosovo Resaved');
    await server.settled();
    const built = events.flatMap((e) => (e.type === 'built' ? [e.result.kind] : []));
    expect(built).not.toContain('invalid');
    expect(built.at(-1)).toBe('ok');
    onHeld = undefined;
  });

  it('shows a file that stays empty as empty once it is still', async () => {
    await server.settled();
    events.length = 0;
    await truncate(file);
    const problems = await waitFor(
      page,
      () =>
        Array.from(document.querySelectorAll('.kd-problem code')).map((e) => e.textContent ?? ''),
      (list) => list.length > 0,
    );
    expect(problems.join('\n')).toMatch(/kosovo\.yaml.*empty/);
    // Held first (the file had just changed), then shown.
    const order = events.map((e) => e.type).filter((t) => t !== 'changed');
    expect(order.slice(0, 2)).toEqual(['held', 'built']);
    await writeFile(file, original);
    expect(await waitFor(page, heading, (h) => h === 'Kosovo')).toBe('Kosovo');
  });

  it('rebuilds when a reference file is saved too', async () => {
    await server.settled();
    const builds = server.build;
    const rates = path.join(root, 'data', 'reference', 'exchange-rates.yaml');
    await utimes(rates, new Date(), new Date());
    await writeFile(rates, await readFile(rates));
    const until = Date.now() + 20_000;
    while (server.build === builds && Date.now() < until)
      await new Promise((r) => setTimeout(r, 100));
    expect(server.build).toBeGreaterThan(builds);
  });

  it('answers only its own routes, for its own host names', async () => {
    expect((await fetch(`${server.url}../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${server.url}`, { method: 'POST' })).status).toBe(405);
    const font = await fetch(`${server.url}fonts/0.ttf`);
    expect(font.headers.get('content-type')).toBe('font/ttf');
    expect((await fetch(`${server.url}fonts/99.ttf`)).status).toBe(404);
  });
});
