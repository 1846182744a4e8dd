import { decodePDFRawStream, PDFDict, type PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';

/**
 * Ghostscript 10.0's PDF interpreter rewrites each font's ToUnicode map, and gets Chromium's
 * ranges wrong: "2025–30" comes out as "2025330", curly quotes as < and =. The glyphs and
 * their CIDs are kept, so the map Chromium wrote is still right: it is put back on each font
 * whose glyphs Ghostscript maps to the same letters and digits as Chromium did (but for the
 * few it got wrong).
 */

/** A ToUnicode CMap as CID -> text (bfchar and bfrange, both forms). */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => {
    const bytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
    return bytes.length % 2 === 0
      ? Buffer.from(bytes).swap16().toString('utf16le')
      : bytes.toString('latin1');
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const e of (block[1] as string).matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g))
      map.set(parseInt(e[1] as string, 16), utf16(e[2] as string));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const e of (block[1] as string).matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g,
    )) {
      const [lo, hi] = [parseInt(e[1] as string, 16), parseInt(e[2] as string, 16)];
      const dst = e[3] as string;
      if (dst.startsWith('[')) {
        const items = [...dst.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1] as string);
        for (const [k, hex] of items.entries()) if (lo + k <= hi) map.set(lo + k, utf16(hex));
      } else {
        // The destination's last byte counts up through the range.
        const hex = dst.slice(1, -1);
        const head = hex.slice(0, -2);
        const last = parseInt(hex.slice(-2) || '0', 16);
        for (let cid = lo; cid <= hi && cid - lo + last <= 0xff; cid++)
          map.set(cid, utf16(head + (last + cid - lo).toString(16).padStart(2, '0')));
      }
    }
  }
  return map;
}

const baseName = (font: PDFDict) =>
  font
    .get(PDFName.of('BaseFont'))
    ?.toString()
    .replace(/^\/([A-Z]{6}\+)?/, '') ?? '';

function type0Fonts(doc: PDFDocument): Map<string, PDFDict[]> {
  const fonts = new Map<string, PDFDict[]>();
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Subtype'))?.toString() !== '/Type0')
      continue;
    fonts.set(baseName(obj), [...(fonts.get(baseName(obj)) ?? []), obj]);
  }
  return fonts;
}

function toUnicodeOf(
  font: PDFDict,
): { stream: PDFRawStream; map: Map<number, string> } | undefined {
  const stream = font.lookup(PDFName.of('ToUnicode'));
  if (!(stream instanceof PDFRawStream)) return undefined;
  return {
    stream,
    map: parseToUnicode(Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1')),
  };
}

/** Puts Chromium's ToUnicode maps back on Ghostscript's fonts; returns how many fonts it fixed. */
export function restoreToUnicode(target: PDFDocument, source: PDFDocument): number {
  const sources = type0Fonts(source);
  let restored = 0;
  for (const [name, fonts] of type0Fonts(target)) {
    const candidates = sources.get(name) ?? [];
    // One font of that name on each side: otherwise which map belongs to which is unknown.
    if (fonts.length !== 1 || candidates.length !== 1) continue;
    const [font, from] = [fonts[0] as PDFDict, candidates[0] as PDFDict];
    const [theirs, ours] = [toUnicodeOf(from), toUnicodeOf(font)];
    if (!theirs || !ours) continue;
    // Same glyphs: the letters and digits agree, all but the few Ghostscript got wrong.
    const checked = [...ours.map].filter(([, text]) => /^[A-Za-z0-9]$/.test(text));
    const agree = checked.filter(([cid, text]) => theirs.map.get(cid) === text).length;
    if (checked.length < 5 || agree < 0.9 * checked.length) continue;
    const copy = target.context.flateStream(decodePDFRawStream(theirs.stream).decode());
    font.set(PDFName.of('ToUnicode'), target.context.register(copy));
    restored++;
  }
  return restored;
}
