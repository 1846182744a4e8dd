import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';

/**
 * Chromium builds the PDF's bookmarks from the h1-h6 of the page as laid out, so a heading
 * the stylesheet sets in capitals ("text-transform: uppercase") becomes a bookmark in
 * capitals, and a space at a line break can go missing ("OPERATOR IN2024"). The bookmarks
 * should read as the headings are written: each is matched, in order, with the heading it
 * was made from, and takes that heading's own text.
 */

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)),
      );
    return ENTITIES[e.toLowerCase()] ?? m;
  });

/** The text of each h1-h6 of an HTML document, in document order, as a reader sees it. */
export function headingTexts(html: string): string[] {
  return [...html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/gi)].map((m) =>
    decode((m[2] ?? '').replace(/<[^>]*>/g, ' '))
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** Case and spacing do not count when matching a bookmark with its heading. */
const key = (s: string) => s.replace(/\s+/g, '').toLocaleUpperCase('en');

function* items(first: PDFDict | undefined): Generator<PDFDict> {
  for (let item = first; item; ) {
    yield item;
    yield* items(item.lookupMaybe(PDFName.of('First'), PDFDict));
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
}

/** Gives each bookmark the text of its heading; returns how many it retitled. */
export function titleOutline(doc: PDFDocument, headings: readonly string[]): number {
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  let next = 0;
  let retitled = 0;
  for (const item of items(outlines?.lookupMaybe(PDFName.of('First'), PDFDict))) {
    const title = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText();
    if (title === undefined) continue;
    const at = headings.findIndex((h, i) => i >= next && key(h) === key(title));
    if (at < 0) continue;
    next = at + 1;
    const heading = headings[at] as string;
    if (heading !== title) {
      item.set(PDFName.of('Title'), PDFHexString.fromText(heading));
      retitled++;
    }
  }
  return retitled;
}
