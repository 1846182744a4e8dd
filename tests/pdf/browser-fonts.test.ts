/**
 * A browser keydata launches has keydata's fonts as its own: documents ask for them by name
 * and load no file; another installed copy of the family is hidden from it, the machine's
 * other fonts are not.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasKeydataFonts, launchBrowser } from '../../src/pdf/browser.js';
import {
  fontconfigXml,
  systemFontconfig,
  writeBrowserFontconfig,
} from '../../src/pdf/browser-fonts.js';
import { hideFlowUntilLaidOut, printPdf } from '../../src/pdf/print.js';
import { FONT_FACES, FONT_FACES_MARKER, FONT_FAMILY, fontPath } from '../../src/render/fonts.js';

let tmp = '';
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'keydata-test-fonts-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('the fontconfig file', () => {
  it('caches into its own folder first, includes the system file, adds and guards the fonts', () => {
    const xml = fontconfigXml({
      systemConfig: '/etc/fonts/fonts.conf',
      fontDir: '/tmp/a&b<c>/fonts',
      fontFiles: ['A.ttf', 'B.ttf'],
      cacheDir: '/tmp/a&b<c>/cache',
      family: 'Source Sans 3',
    });
    expect(xml.indexOf('<cachedir>')).toBeLessThan(xml.indexOf('<include'));
    expect(xml).toContain('<include ignore_missing="no">/etc/fonts/fonts.conf</include>');
    expect(xml).toContain('<dir>/tmp/a&amp;b&lt;c&gt;/fonts</dir>');
    for (const f of ['A', 'B'])
      expect(xml).toContain(
        `<acceptfont><pattern><patelt name="file"><string>/tmp/a&amp;b&lt;c&gt;/fonts/${f}.ttf</string></patelt></pattern></acceptfont>`,
      );
    expect(xml).not.toMatch(/a&b|<c>/);
  });

  it('builds on FONTCONFIG_FILE or the default file, on Linux only, when it exists', () => {
    const yes = () => true;
    expect(systemFontconfig({}, 'linux', yes)).toBe('/etc/fonts/fonts.conf');
    expect(systemFontconfig({ FONTCONFIG_FILE: '/x/fonts.conf' }, 'linux', yes)).toBe(
      '/x/fonts.conf',
    );
    expect(systemFontconfig({}, 'linux', () => false)).toBeUndefined();
    expect(systemFontconfig({}, 'darwin', yes)).toBeUndefined();
  });

  it("gives fontconfig keydata's faces and no other copy of the family, and keeps the other fonts", async () => {
    // A "system" with another copy of the family (a face keydata does not use) beside the
    // machine's own fonts.
    const decoyDir = path.join(tmp, 'decoy');
    await mkdir(decoyDir);
    const decoy = path.join(decoyDir, 'SourceSans3_900Black.ttf');
    await copyFile(fontPath('900Black/SourceSans3_900Black.ttf'), decoy);
    const system = path.join(tmp, 'system.conf');
    await writeFile(
      system,
      `<?xml version="1.0"?><fontconfig><include ignore_missing="no">/etc/fonts/fonts.conf</include><dir>${decoyDir}</dir><cachedir>${path.join(tmp, 'system-cache')}</cachedir></fontconfig>`,
    );
    const list = (config: string) =>
      execFileSync('fc-list', ['--format', '%{family[0]}\t%{file}\n'], {
        env: { ...process.env, FONTCONFIG_FILE: config },
        encoding: 'utf8',
      })
        .trim()
        .split('\n')
        .map((l) => l.split('\t') as [string, string]);
    // The decoy is really seen without keydata's file, so the check below can fail.
    expect(list(system).map(([, file]) => file)).toContain(decoy);

    const profile = path.join(tmp, 'profile');
    await mkdir(profile);
    const config = (await writeBrowserFontconfig(profile, system)) as string;
    const fonts = list(config);
    const family = fonts.filter(([f]) => f === FONT_FAMILY).map(([, file]) => path.basename(file));
    expect(family.sort()).toEqual(FONT_FACES.map((f) => path.basename(f.file)).sort());
    expect(fonts.map(([, file]) => file)).not.toContain(decoy);
    expect(fonts.some(([f]) => f !== FONT_FAMILY)).toBe(true);
  });
});

describe('a browser keydata launches', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser({}, process.env);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("prints keydata's fonts asked for by name alone", async () => {
    expect(hasKeydataFonts(browser)).toBe(true);
    const bold = FONT_FACES.find((f) => f.weight === 700 && f.style === 'normal');
    const html = `<!doctype html><html><head><style>
      @font-face { font-family: 'ByName'; src: local('${bold?.postscriptName}'); }
      @page { size: A4; margin: 20mm; }
      body { font-family: 'ByName'; }
    </style></head><body><p>Found by name</p></body></html>`;
    const printed = await printPdf(browser, html, { timeoutMs: 30_000, layout: false });
    const file = path.join(tmp, 'by-name.pdf');
    await writeFile(file, printed.pdf);
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/SourceSans3-Bold/);
  });

  it('is given documents that ask for the fonts by name first, the files as the fallback', async () => {
    const html = `<!doctype html><html><head><style>${FONT_FACES_MARKER}
      @page { size: A4; margin: 20mm; }
      body { font-family: '${FONT_FAMILY}'; }
    </style></head><body><p>Linked</p></body></html>`;
    const printed = await printPdf(browser, html, {
      timeoutMs: 30_000,
      layout: false,
      captureHtml: true,
    });
    for (const f of FONT_FACES)
      expect(printed.laidOutHtml).toContain(`src: local('${f.postscriptName}'), url(file://`);
  });
});

describe('the flow hidden while the page loads', () => {
  it("is shown by the pass; only a kind's selector goes into the rule", () => {
    const html = '<html><head><title>x</title></head><body></body></html>';
    expect(hideFlowUntilLaidOut(html, ['.kd-flow', '.notes .note-list'])).toBe(
      '<html><head><title>x</title><style id="kd-flow-pending">.kd-flow, .notes .note-list { display: none !important; }</style></head><body></body></html>',
    );
    expect(hideFlowUntilLaidOut(html, ['.kd-flow', '.a</style><script>'])).toBe(html);
    expect(hideFlowUntilLaidOut('<p>no head</p>', ['.kd-flow'])).toBe('<p>no head</p>');
  });

  // A face first asked for by the hidden flow, or by a page box the pass makes, starts loading
  // only then: a browser that loads the font files must have it before the pass measures, or
  // the pass measures the fallback font's lines and the real ones print (this document: 20
  // paragraphs a page measured, 17 printed; the regular face is used by no text at load).
  it('is measured in its own fonts, loaded from files as by name', async () => {
    const words = 'Clearance of the remaining contaminated areas continued through the year';
    const html = `<!doctype html><html><head><style>${FONT_FACES_MARKER}
      @page { size: A4; margin: 20mm; }
      body { margin: 0; font-family: '${FONT_FAMILY}'; font-size: 11pt; }
      .kd-flow p { font-style: italic; }
    </style></head><body><h1>Cover</h1><div class="kd-flow">${Array.from(
      { length: 90 },
      (_, i) => `<p>${i} ${words} ${words}.</p>`,
    ).join('')}</div></body></html>`;
    const pagesIn = async (browser: Browser) => {
      const printed = await printPdf(browser, html, {
        timeoutMs: 30_000,
        layout: { flowRoot: '.kd-flow', notesSource: null },
        captureHtml: true,
      });
      // The paragraphs' numbers page by page: where each page ends.
      return (printed.laidOutHtml ?? '')
        .split('class="kd-page"')
        .slice(1)
        .map((page) => [...page.matchAll(/<p[^>]*>(\d+) /g)].map((m) => m[1]).join(','));
    };
    const byName = await launchBrowser({}, process.env);
    const fromFiles = await launchBrowser({});
    try {
      expect(hasKeydataFonts(byName)).toBe(true);
      expect(hasKeydataFonts(fromFiles)).toBe(false);
      const expected = await pagesIn(byName);
      expect(expected.length).toBeGreaterThan(2);
      expect(await pagesIn(fromFiles)).toEqual(expected);
    } finally {
      await Promise.all([byName.close(), fromFiles.close()]);
    }
  }, 60_000);
});
