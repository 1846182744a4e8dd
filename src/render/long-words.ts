/**
 * Long unbroken runs of text (a 190-character word, an 80-character web address) cannot
 * wrap by default: they push table columns off the page or run out of their box, and what
 * runs off the page is lost. Each run of at least LONG_RUN characters without white space
 * is marked so it may break anywhere as a last resort (`.kd-long`, overflow-wrap:
 * anywhere); a web address also gets break opportunities after its slashes, the places a
 * reader expects it to break. Shorter words are left alone, so ordinary text and table
 * columns lay out exactly as before.
 */

/** Shorter than any web address worth breaking, longer than any word in the samples. */
export const LONG_RUN = 30;

const OPEN = '<span class="kd-long">';

const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)/i;

/** One long run, already HTML-escaped text: marked, with <wbr> after a web address's slashes. */
function markRun(run: string): string {
  const inner = URL_LIKE.test(run) ? run.replace(/\/(?=[^/])/g, '/<wbr>') : run;
  return `${OPEN}${inner}</span>`;
}

/**
 * Marks the long runs in the text of an HTML fragment. Only text between tags is touched
 * (tags, their attributes and the contents of <style>, <script> and <title> are copied as
 * they are); the text is already escaped, so no markup can come from it.
 */
export function markLongWords(html: string): string {
  const re = new RegExp(`[^\\s<>]{${LONG_RUN},}`, 'g');
  // Text right inside a mark is already marked: marking is idempotent (a volume's pages hold
  // the countries' marked bodies).
  const mark = (text: string, after: string) => (after === OPEN ? text : text.replace(re, markRun));
  let out = '';
  let last = 0;
  let previousTag = '';
  const skipped = /<(style|script|title|textarea)\b[^>]*>[\s\S]*?<\/\1\s*>|<[^>]*>/gi;
  for (const m of html.matchAll(skipped)) {
    out += mark(html.slice(last, m.index), previousTag) + m[0];
    last = m.index + m[0].length;
    previousTag = m[0];
  }
  return out + mark(html.slice(last), previousTag);
}
