import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { formatProblem, type Problem } from '../data/problem.js';
import { contentSecurityPolicy } from '../render/content-security.js';
import { FONT_FACES, fontPath } from '../render/fonts.js';
import { palette } from '../render/palette.js';
import { escapeHtml } from '../render/table-view.js';

/**
 * The pages the preview server sends: the report as the layout pass laid it out, its page
 * boxes shown as sheets of paper, with a bar on top (status, warnings, a link to the PDF);
 * or the located problems when the data is invalid. The one script is the reload script
 * below, added here and nowhere else (the printed document itself stays script-free), and
 * the Content-Security-Policy allows that script alone and same-origin requests only.
 */

/**
 * Reloads the page when the server says a newer build is ready. The build this page shows
 * is in <meta name="keydata-build">; the server sends the latest on connecting (so a build
 * finished between loading and connecting is not missed) and after every rebuild.
 */
export const RELOAD_SCRIPT =
  "(function(){var m=document.querySelector('meta[name=\"keydata-build\"]');var shown=m?m.getAttribute('content'):'';" +
  "var es=new EventSource('/events');es.addEventListener('build',function(e){if(e.data!==shown){es.close();location.reload();}});})();";

export const RELOAD_SCRIPT_HASH = `sha256-${createHash('sha256').update(RELOAD_SCRIPT).digest('base64')}`;

/** Nothing but the reload script runs; everything else the page loads comes from this server (or is inline). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy({
  scriptHashes: [RELOAD_SCRIPT_HASH],
  sameOrigin: true,
  header: true,
});

/** Where the server serves each bundled font: /fonts/<index>.ttf. */
export const fontUrl = (index: number) => `/fonts/${index}.ttf`;

/** The @page margins of the report's stylesheet (top, right, bottom, left), for the sheets' margins on screen. */
export function pageMargins(html: string): [string, string, string, string] {
  const rule = /@page\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/.exec(html)?.[1] ?? '';
  const own = rule.replace(/\{[^{}]*\}/g, '');
  const values = /(?:^|[;\s])margin\s*:\s*([^;]+);/.exec(own)?.[1]?.trim().split(/\s+/) ?? ['20mm'];
  const [t, r = t, b = t, l = r] = values as [string, string?, string?, string?];
  return [t, r, b, l] as [string, string, string, string];
}

function previewCss(margins: [string, string, string, string]): string {
  const [t, r, b, l] = margins;
  return `@media screen {
  html { background: #5f6670; }
  body { margin: 0; padding: 3.4rem 0 2rem; }
  .kd-pages { counter-reset: kd-sheet; }
  .kd-page { box-sizing: content-box; margin: 0 auto 8mm; padding: ${t} ${r} ${b} ${l}; background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.45); position: relative; counter-increment: kd-sheet; }
  .kd-page::after { content: counter(kd-sheet); position: absolute; right: ${r}; bottom: 6mm; font: 600 8.5pt 'Source Sans 3', sans-serif; color: ${palette.muted}; }
}
.kd-preview-bar { position: fixed; top: 0; left: 0; right: 0; z-index: 20; display: flex; gap: 1.2rem; align-items: baseline; padding: 0.55rem 1rem; background: ${palette.text}; color: #fff; font: 13px/1.4 'Source Sans 3', system-ui, sans-serif; }
.kd-preview-bar a { color: #fff; font-weight: 600; text-decoration: underline; }
.kd-preview-bar .kd-preview-title { font-weight: 700; }
.kd-preview-bar .kd-preview-status { text-transform: uppercase; letter-spacing: 0.06em; color: #f0b37e; }
.kd-preview-bar details { margin-left: auto; max-width: 60%; }
.kd-preview-bar summary { cursor: pointer; color: #f0b37e; }
.kd-preview-bar details ol { max-height: 50vh; overflow: auto; background: #fff; color: ${palette.text}; padding: 0.5rem 0.5rem 0.5rem 2rem; font: 12px/1.4 ui-monospace, monospace; }`;
}

export interface BarInfo {
  title: string;
  status: string | undefined;
  /** e.g. "8 pages, built 12:03:04 in 1.4 s" */
  detail: string;
  pdfName: string | undefined;
  warnings: readonly Problem[];
}

function bar(info: BarInfo): string {
  const warnings = info.warnings.length
    ? `<details><summary>${info.warnings.length} warning${info.warnings.length === 1 ? '' : 's'}</summary><ol>${info.warnings
        .map((w) => `<li>${escapeHtml(formatProblem(w))}</li>`)
        .join('')}</ol></details>`
    : '';
  return (
    `<div class="kd-preview-bar" role="banner"><span class="kd-preview-title">${escapeHtml(info.title)}</span>` +
    (info.status ? `<span class="kd-preview-status">${escapeHtml(info.status)}</span>` : '') +
    `<span class="kd-preview-detail">${escapeHtml(info.detail)}</span>` +
    (info.pdfName
      ? `<a class="kd-preview-pdf" href="/${encodeURIComponent(info.pdfName)}" download>Download PDF</a>`
      : '') +
    `${warnings}</div>`
  );
}

const buildMeta = (build: number) => `<meta name="keydata-build" content="${build}">`;
const script = `<script>${RELOAD_SCRIPT}</script>`;

/**
 * The laid-out report for the screen: the fonts from this server instead of files, the
 * sheets' style, the bar and the reload script.
 */
export function reportPage(laidOutHtml: string, build: number, info: BarInfo): string {
  let html = laidOutHtml;
  FONT_FACES.forEach((f, i) => {
    html = html.split(pathToFileURL(fontPath(f.file)).href).join(fontUrl(i));
    // The printing browser had the fonts installed; the reader's might have another version.
    html = html.split(`local('${f.postscriptName}'), `).join('');
  });
  const head = `${buildMeta(build)}<style>${previewCss(pageMargins(html))}</style>`;
  html = html.includes('</head>')
    ? html.replace('</head>', () => `${head}</head>`)
    : `${head}${html}`;
  html = html.replace(/<body([^>]*)>/, (m) => `${m}${bar(info)}`);
  return html.includes('</body>')
    ? html.replace('</body>', () => `${script}</body>`)
    : `${html}${script}`;
}

/** A page of its own for what stops the pages from being made: the located problems, or the reason. */
export function problemsPage(
  build: number,
  info: BarInfo,
  heading: string,
  problems: readonly Problem[],
  message?: string,
): string {
  const items = problems.map(
    (p) =>
      `<li class="kd-problem kd-${p.severity}"><code>${escapeHtml(formatProblem(p))}</code>${p.frame ? `<pre>${escapeHtml(p.frame)}</pre>` : ''}</li>`,
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${heading}: ${info.title}`)}</title>
${buildMeta(build)}
<style>${previewCss(['20mm', '20mm', '20mm', '20mm'])}
body { background: #f4f5f7; color: ${palette.text}; font: 15px/1.5 system-ui, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem; }
h1 { font-size: 1.3rem; color: #9b2c2c; }
.kd-problem { margin: 0 0 0.8rem; }
.kd-problem code { white-space: pre-wrap; font: 13px/1.45 ui-monospace, monospace; }
.kd-error code { color: #9b2c2c; }
.kd-warning code { color: #8a5a00; }
pre { background: #fff; border: 1px solid #d8dde3; padding: 0.5rem; overflow: auto; }</style>
</head>
<body>${bar({ ...info, warnings: [] })}
<main>
<h1>${escapeHtml(heading)}</h1>
${message ? `<pre class="kd-failure">${escapeHtml(message)}</pre>` : ''}
${items.length ? `<ol class="kd-problems">${items.join('\n')}</ol>` : ''}
<p>Save the file again and this page reloads.</p>
</main>
${script}
</body>
</html>
`;
}
