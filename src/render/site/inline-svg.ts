/**
 * A chart's SVG placed inline in a web page, where it is part of the page rather than an
 * image of it: scaled down by CSS on a narrow screen (its viewBox is kept), named for
 * assistive technology by its text alternative (role="img" with aria-label), and its ids
 * prefixed so two charts on one page never share one. Cairo writes coordinates to six
 * decimals; one decimal of a point is a fifth of a pixel at twice the size, and halves the
 * chart's weight (a site page must stay under 150 KB).
 */
import Handlebars from 'handlebars';

export function inlineChartSvg(svg: string, idPrefix: string, alt: string): string {
  const prefix = idPrefix.replace(/[^A-Za-z0-9_-]/g, '-');
  const label = Handlebars.Utils.escapeExpression(alt);
  return svg
    .replace(/^<\?xml[^>]*\?>\s*/, '')
    .replace(/\sid="([^"]+)"/g, (_, id: string) => ` id="${prefix}-${id}"`)
    .replace(/(href="#|url\(#)([^")]+)/g, (_, lead: string, id: string) => `${lead}${prefix}-${id}`)
    .replace(/\s(d|style|transform)="([^"]*)"/g, (_, name: string, value: string) => {
      const v = value.replace(/(\d+\.\d)\d+/g, '$1');
      // "L 12.3 4.5 " -> "L12.3 4.5": the path grammar needs no space after a command letter.
      return ` ${name}="${(name === 'd' ? v.replace(/([MLCZHVQ]) /g, '$1') : v).trim()}"`;
    })
    .replace(
      /^<svg\b/,
      () => `<svg class="kd-svg" role="img" aria-label="${label}" focusable="false"`,
    );
}
