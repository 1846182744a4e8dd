/**
 * Nothing lost means visible: a very long word or web address in a table cell used to push
 * the number columns off the page (pdftotext no longer found "352,663") and a 5,001-character
 * word kept 111 characters, while the build said "built". Long runs now wrap (web addresses
 * after their slashes), and the guard fails a profile whose text is cut off, naming it.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import puppeteer, { type Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clippingViolations, findClippedTextInPage } from '../../src/pdf/layout/clipping.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { markLongWords } from '../../src/render/long-words.js';
import { runCli } from '../helpers/run-cli.js';
import { sharedBrowser } from '../support/shared-browser.js';

const run = promisify(execFile);
const LONG_WORD = 'Pneumonoultramicroscopic'.repeat(8).slice(0, 190);
const LONG_URL = `https://www.example.org/${'reports/mine-action/'.repeat(3)}kosovo-2024.pdf`.slice(
  0,
  80,
);
const HUGE_WORD = 'x'.repeat(5001);

const VARIANTS: Record<string, (kosovo: string) => string> = {
  'long-word': (k) => k.replace('- district: West', `- district: ${LONG_WORD}`),
  'long-url': (k) => k.replace('- district: West', `- district: "${LONG_URL}"`),
  'huge-word': (k) =>
    k.replace(
      '      - table: mined_area_by_district\n',
      `      - p: ${HUGE_WORD}\n      - table: mined_area_by_district\n`,
    ),
};

describe('long words and web addresses', () => {
  let root: string;
  let built: { code: number; stdout: string; stderr: string };
  const text = async (country: string) =>
    (
      await run(
        'pdftotext',
        [
          '-enc',
          'UTF-8',
          path.join(root, 'out', '2025', 'clearing-the-mines', `${country}.pdf`),
          '-',
        ],
        {
          maxBuffer: 1 << 26,
        },
      )
    ).stdout;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'keydata-long-words-'));
    const dir = path.join(root, 'data', 'editions', '2025', 'clearing-the-mines');
    await mkdir(dir, { recursive: true });
    const src = path.join(PROJECT_ROOT, 'data', 'editions', '2025', 'clearing-the-mines');
    const kosovo = await readFile(path.join(src, 'kosovo.yaml'), 'utf8');
    await writeFile(
      path.join(dir, '_edition.yaml'),
      await readFile(path.join(src, '_edition.yaml')),
    );
    for (const [name, vary] of Object.entries(VARIANTS)) {
      const varied = vary(kosovo);
      expect(varied, name).not.toBe(kosovo);
      await writeFile(path.join(dir, `${name}.yaml`), varied);
    }
    built = await runCli(
      [
        'build',
        '--edition',
        '2025',
        '--data',
        path.join(root, 'data'),
        '--out',
        path.join(root, 'out'),
        '--quiet',
      ],
      root,
    );
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('build, every one', () => {
    expect(built.stdout).toMatch(/3 built, 0 skipped, 0 failed/);
    expect(built.code).toBe(0);
  });

  it('keep the figures of a row whose first cell holds a 190-character word or an 80-character address', async () => {
    for (const [country, word] of [
      ['long-word', LONG_WORD],
      ['long-url', LONG_URL],
    ] as const) {
      const t = await text(country);
      expect(t, country).toContain('352,663');
      expect(t, country).toContain('398,717');
      // pdftotext joins a word broken after a hyphen, dropping the hyphen.
      expect(t.replace(/[\s-]+/g, ''), country).toContain(word.replace(/-/g, ''));
    }
  });

  it('print every character of a 5,001-character word', async () => {
    expect((await text('huge-word')).replace(/\s+/g, '')).toContain(HUGE_WORD);
  });

  it('mark only runs of 30 or more characters, and break addresses after their slashes', () => {
    expect(markLongWords('<p>an ordinary sentence, www.b92.net</p>')).toBe(
      '<p>an ordinary sentence, www.b92.net</p>',
    );
    expect(markLongWords(`<td>${LONG_URL}</td>`)).toBe(
      `<td><span class="kd-long">${LONG_URL.replace(/\/(?=[^/])/g, '/<wbr>')}</span></td>`,
    );
    expect(markLongWords(`<a href="https://example.org/${'a'.repeat(40)}">x</a>`)).toBe(
      `<a href="https://example.org/${'a'.repeat(40)}">x</a>`,
    );
    expect(markLongWords(`<style>.${'a'.repeat(40)} {}</style>`)).toBe(
      `<style>.${'a'.repeat(40)} {}</style>`,
    );
  });
});

describe('the clipping guard', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await puppeteer.connect({ browserWSEndpoint: sharedBrowser().browserWsEndpoint });
  });
  afterAll(async () => {
    await browser.disconnect();
  });

  const clippedIn = async (html: string) => {
    const page = await browser.newPage();
    try {
      await page.setContent(html);
      return clippingViolations(await page.evaluate(findClippedTextInPage));
    } finally {
      await page.close();
    }
  };
  const PAGE = 'style="width: 300px; height: 400px; overflow: hidden"';

  it('names text that runs off its page or out of a box that clips it', async () => {
    const v = await clippedIn(
      `<div class="kd-page" ${PAGE}><p>fits</p><table><tr><th>${'W'.repeat(80)}</th><td>352,663</td></tr></table></div>` +
        `<div class="kd-page" ${PAGE}><div style="width: 60px; overflow: hidden; white-space: nowrap"><span>clipped by its box</span></div></div>`,
    );
    expect(v).toEqual(
      [
        {
          element: `td "352,663"`,
          page: 1,
          message: expect.stringMatching(
            /^is cut off: its text runs \d+px beyond the (right|bottom) edge of the page or its box$/,
          ),
        },
        {
          element: `th "${'W'.repeat(57)}..."`,
          page: 1,
          message: expect.stringMatching(/^is cut off/),
        },
        {
          element: 'div "clipped by its box"',
          page: 2,
          message: expect.stringMatching(/^is cut off/),
        },
      ].sort((a, b) => a.page - b.page || (a.element < b.element ? 1 : -1)),
    );
  });

  it('accepts text that wraps inside its page, a hanging line-end space and a superscript at the top', async () => {
    const words = 'justified text that wraps over several lines '.repeat(4);
    expect(
      await clippedIn(
        `<div class="kd-page" ${PAGE}><p style="margin:0"><sup style="line-height:0; vertical-align: 0.5em">[2]</sup> caption</p><p style="text-align: justify">${words}</p><p><span style="overflow-wrap: anywhere">${'y'.repeat(120)}</span></p></div>`,
      ),
    ).toEqual([]);
  });
});
