import { execFileSync } from 'node:child_process';

/** The text of each page of a PDF, read back with poppler's pdftotext. */
export function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}

/** Whitespace removed, so line breaks and justification do not matter when comparing. */
export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

export function pdfFonts(file: string): string[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out.split('\n').slice(2).filter(Boolean);
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

interface Outline {
  title: string;
  kids: Outline[];
}

/** Bookmark titles, depth first, read with qpdf. */
export function pdfBookmarks(file: string): string[] {
  const json = JSON.parse(
    execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' }),
  ) as {
    outlines: Outline[];
  };
  const titles: string[] = [];
  const walk = (items: Outline[]) =>
    items.forEach((o) => {
      titles.push(o.title);
      walk(o.kids);
    });
  walk(json.outlines);
  return titles;
}

/**
 * The internal link targets on each page (0-based), e.g. "note-5" where footnote 5's
 * reference number is printed: Chromium writes each <a href="#note-5"> as a link annotation.
 */
export async function pdfLinkTargets(file: string): Promise<string[][]> {
  const { PDFDocument, PDFDict, PDFName } = await import('pdf-lib');
  const { readFile } = await import('node:fs/promises');
  const doc = await PDFDocument.load(await readFile(file));
  return doc.getPages().map((page) => {
    const annots = page.node.Annots();
    const targets: string[] = [];
    for (let i = 0; annots && i < annots.size(); i++) {
      const dest = annots.lookup(i, PDFDict).get(PDFName.of('Dest'));
      if (dest instanceof PDFName) targets.push(dest.decodeText());
    }
    return targets;
  });
}

/**
 * For each footnote number cited in the PDF: the page of its reference (from the link
 * annotations) and the pages whose text holds the note's own text.
 */
export async function notePlacement(
  file: string,
  notes: ReadonlyMap<number, string>,
): Promise<{ n: number; refPage: number | undefined; textPages: number[] }[]> {
  const links = await pdfLinkTargets(file);
  const pages = pdfPages(file).map(squashedLines);
  return [...notes].map(([n, text]) => {
    const refPage = links.findIndex((targets) => targets.includes(`note-${n}`));
    const needle = squash(`${n}${text}`).replace(/-/g, '');
    const textPages = pages.flatMap((p, i) => (startsALine(p, needle) ? [i] : []));
    return { n, refPage: refPage < 0 ? undefined : refPage, textPages };
  });
}

/** A page's text squashed (no whitespace, no hyphens), remembering where each line began. */
function squashedLines(page: string): { text: string; lineStarts: Set<number> } {
  let text = '';
  const lineStarts = new Set<number>();
  for (const line of page.split('\n')) {
    lineStarts.add(text.length);
    text += squash(line).replace(/-/g, '');
  }
  return { text, lineStarts };
}

/** The page holds `needle` starting at the beginning of a line, as a printed note does. */
function startsALine(page: { text: string; lineStarts: Set<number> }, needle: string): boolean {
  for (let at = page.text.indexOf(needle); at >= 0; at = page.text.indexOf(needle, at + 1)) {
    if (page.lineStarts.has(at)) return true;
  }
  return false;
}
