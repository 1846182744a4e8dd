import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  pageMargins,
  problemsPage,
  RELOAD_SCRIPT,
  RELOAD_SCRIPT_HASH,
  reportPage,
} from '../../src/preview/page.js';
import { FONT_FACES, fontPath } from '../../src/render/fonts.js';

const info = {
  title: 'Kosovo – Clearing the Mines 2025',
  status: 'final',
  detail: '8 pages',
  pdfName: 'kosovo.pdf',
  warnings: [],
};

describe("the preview's pages", () => {
  it('allow the reload script by its hash, and nothing but same-origin requests', () => {
    expect(RELOAD_SCRIPT_HASH).toBe(
      `sha256-${createHash('sha256').update(RELOAD_SCRIPT).digest('base64')}`,
    );
    expect(CONTENT_SECURITY_POLICY.split('; ')).toEqual([
      "default-src 'none'",
      `script-src '${RELOAD_SCRIPT_HASH}'`,
      "style-src 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ]);
  });

  it("read the sheet margins from the report's @page rule", () => {
    expect(
      pageMargins(
        '<style>@page { size: A4; margin: 20mm 20mm 18mm 20mm; @top-left { margin: 0 } }</style>',
      ),
    ).toEqual(['20mm', '20mm', '18mm', '20mm']);
    expect(pageMargins('<style>@page { size: A4; margin: 15mm; }</style>')).toEqual([
      '15mm',
      '15mm',
      '15mm',
      '15mm',
    ]);
    expect(pageMargins('<p>no rule</p>')).toEqual(['20mm', '20mm', '20mm', '20mm']);
  });

  it('serve the laid-out document with its fonts from the server, the bar, the build number and one script', () => {
    const font = pathToFileURL(fontPath(FONT_FACES[2].file)).href;
    const laidOut = `<html><head><style>@font-face { src: local('SourceSans3-SemiBold'), url(${font}) } @page { margin: 20mm; }</style></head><body><div class="kd-pages"><div class="kd-page"></div></div></body></html>`;
    const html = reportPage(laidOut, 7, info);
    expect(html).not.toContain('file://');
    expect(html).toContain('@font-face { src: url(/fonts/2.ttf) }');
    expect(html).toContain('<meta name="keydata-build" content="7">');
    expect(html).toMatch(
      /<body><div class="kd-preview-bar"[\s\S]*<a class="kd-preview-pdf" href="\/kosovo\.pdf" download>Download PDF<\/a>/,
    );
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain(`<script>${RELOAD_SCRIPT}</script></body>`);
  });

  it('print problems as text: nothing in the data can become markup', () => {
    const html = problemsPage(3, { ...info, pdfName: undefined }, 'The data has 1 error', [
      {
        file: 'kosovo.yaml',
        line: 5,
        column: 10,
        severity: 'error',
        path: 'country',
        message: "expected text, got '<script>alert(1)</script>'",
      },
    ]);
    expect(html).toContain(
      'kosovo.yaml:5:10: error: country: expected text, got &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39;',
    );
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toContain('Download PDF');
  });
});
