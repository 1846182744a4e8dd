/**
 * A chart's SVG placed inline in a web page, where it is part of the page rather than an
 * image of it: scaled down by CSS on a narrow screen (its viewBox is kept), named for
 * assistive technology by its text alternative (role="img" with aria-label), and its ids
 * prefixed so two charts on one page never share one.
 *
 * Cairo writes every coordinate to six decimals, every colour as rgb() percentages and every
 * default of a path's style; a page carries up to three charts and must stay under 150 KB.
 * Coordinates keep one decimal of a point (a fifth of a pixel at twice the size), colours
 * become hex, and declarations that only restate SVG's defaults are dropped: the same
 * drawing in a third of the bytes.
 */
import Handlebars from 'handlebars';

/** Declarations that restate SVG's initial values. */
const DEFAULTS = new Set([
  'stroke-opacity:1',
  'fill-opacity:1',
  'stroke-miterlimit:10',
  'stroke-miterlimit:4',
  'stroke-linecap:butt',
  'stroke-linejoin:miter',
  'fill-rule:nonzero',
  'stroke:none',
]);

const hex = (percent: string) =>
  Math.round((Number(percent) / 100) * 255)
    .toString(16)
    .padStart(2, '0');

function compactStyle(style: string): string {
  return style
    .split(';')
    .map((d) => d.trim().replace(/\s*:\s*/, ':'))
    .filter((d) => d !== '' && !DEFAULTS.has(d))
    .map((d) =>
      d.replace(
        /rgb\(([\d.]+)%,\s*([\d.]+)%,\s*([\d.]+)%\)/g,
        (_, r: string, g: string, b: string) => `#${hex(r)}${hex(g)}${hex(b)}`,
      ),
    )
    .join(';');
}

const round = (s: string) => s.replace(/(\d+\.\d)\d+/g, '$1').replace(/\.0\b/g, '');

/** A length in tenths of a point as path data writes it shortest: 15 -> "1.5", -3 -> "-.3". */
function tenths(n: number): string {
  const text = (n / 10).toFixed(1).replace(/\.0$/, '');
  return text.replace(/^(-?)0\./, '$1.');
}

/** Numbers joined as path data: a sign or a leading "." after a fraction needs no space. */
function joinNumbers(ns: readonly string[]): string {
  let out = '';
  let last = '';
  for (const n of ns) {
    const glued = n.startsWith('-') || (n.startsWith('.') && last.includes('.'));
    out += out === '' || glued ? n : ` ${n}`;
    last = n;
  }
  return out;
}

/**
 * Path data to one decimal, its moves, lines and curves made relative (short numbers: glyph
 * outlines are drawn in small steps). Computed in whole tenths from the rounded absolute
 * points, so no rounding error adds up along a path. Cairo writes only M, L, C and Z; a
 * path with any other command keeps its absolute form.
 */
function compactPath(d: string): string {
  const tokens = d.match(/[A-Za-z]|-?\d*\.?\d+(?:e[-+]?\d+)?/g) ?? [];
  if (tokens.some((t) => /[A-Za-z]/.test(t) && !'MLCZ'.includes(t)))
    return round(d)
      .replace(/\s*([A-Za-z])\s*/g, '$1')
      .trim();
  const arity: Record<string, number> = { M: 2, L: 2, C: 6, Z: 0 };
  let out = '';
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let i = 0;
  while (i < tokens.length) {
    const cmd = tokens[i++] as string;
    const n = arity[cmd] as number;
    if (cmd === 'Z') {
      out += 'z';
      x = startX;
      y = startY;
      continue;
    }
    const abs = tokens.slice(i, i + n).map((t) => Math.round(Number(t) * 10));
    i += n;
    const rel = abs.map((v, k) => tenths(v - (k % 2 === 0 ? x : y)));
    out += cmd.toLowerCase() + joinNumbers(rel);
    x = abs[n - 2] as number;
    y = abs[n - 1] as number;
    if (cmd === 'M') {
      startX = x;
      startY = y;
    }
  }
  return out;
}

export function inlineChartSvg(svg: string, idPrefix: string, alt: string): string {
  const prefix = idPrefix.replace(/[^A-Za-z0-9_-]/g, '-');
  const label = Handlebars.Utils.escapeExpression(alt);
  return svg
    .replace(/^<\?xml[^>]*\?>\s*/, '')
    .replace(/\sid="([^"]+)"/g, (_, id: string) => ` id="${prefix}-${id}"`)
    .replace(/(href="#|url\(#)([^")]+)/g, (_, lead: string, id: string) => `${lead}${prefix}-${id}`)
    .replace(/\s(d|style|transform)="([^"]*)"/g, (_, name: string, value: string) => {
      const v =
        name === 'd'
          ? compactPath(value)
          : name === 'style'
            ? compactStyle(round(value))
            : round(value);
      return ` ${name}="${v}"`;
    })
    .replace(/>\s+</g, '><')
    .replace(
      /^<svg\b/,
      () => `<svg class="site-svg" role="img" aria-label="${label}" focusable="false"`,
    );
}

/**
 * A chart's view with `inlineSvg` (inlineChartSvg above), computed the first time it is read
 * and then kept. Only the site's pages read it (the templates take it under `@root.site`), so
 * a build of PDFs alone never computes it: ~15 ms a profile of node's time.
 */
export function withInlineSvg<T extends object>(
  view: T,
  chart: { svg: string; alt: string },
  idPrefix: string,
): T & { readonly inlineSvg: string } {
  let inline: string | undefined;
  return Object.defineProperty(view, 'inlineSvg', {
    enumerable: true,
    get: () => {
      inline ??= inlineChartSvg(chart.svg, idPrefix, chart.alt);
      return inline;
    },
  }) as T & { readonly inlineSvg: string };
}
