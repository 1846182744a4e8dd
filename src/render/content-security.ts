/**
 * The one Content-Security-Policy of every HTML page keydata serves or writes. Data is
 * escaped for its context everywhere; this is the second line: should markup ever slip
 * through, no script runs, nothing is fetched from anywhere, no form posts, no <base>
 * redirects links. The exported HTML page carries it in a <meta> element (fonts and charts
 * are inline there); the preview sends it as a header and adds only what serving needs:
 * its reload script by hash, and same-origin fonts, images and events.
 */

export interface PolicyAllowances {
  /** Hashes ("sha256-...") of the inline scripts allowed to run; none by default. */
  scriptHashes?: readonly string[];
  /** Fonts, images and fetches from the page's own origin (the preview server). */
  sameOrigin?: boolean;
  /** Sent as an HTTP header: frame-ancestors is honoured there, not in a <meta> element. */
  header?: boolean;
}

export function contentSecurityPolicy(allow: PolicyAllowances = {}): string {
  const self = allow.sameOrigin ? "'self' " : '';
  const scripts = allow.scriptHashes ?? [];
  return [
    "default-src 'none'",
    ...(scripts.length > 0 ? [`script-src ${scripts.map((h) => `'${h}'`).join(' ')}`] : []),
    "style-src 'unsafe-inline'",
    `img-src ${self}data:`,
    allow.sameOrigin ? "font-src 'self'" : 'font-src data:',
    ...(allow.sameOrigin ? ["connect-src 'self'"] : []),
    "base-uri 'none'",
    "form-action 'none'",
    ...(allow.header ? ["frame-ancestors 'none'"] : []),
  ].join('; ');
}

/** The policy as the first element of a standalone page's <head>, before any data. */
export function withContentSecurityPolicy(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`;
  return html.replace(/<head>/i, () => `<head>\n${meta}`);
}

/**
 * The policy of the published site's pages (a <meta> element: a static host sends no header
 * keydata controls). Its stylesheet, fonts and one sorting script come from the site itself;
 * no script is inline, so nothing written into a page from the data can run. Inline styles
 * stay allowed: the charts' SVG draws with style attributes.
 */
export function siteContentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
