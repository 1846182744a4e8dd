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
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as {
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
