import type { PaginateReport } from './paginate.js';

/** Something the layout lost, duplicated or misplaced: the build fails on any of these. */
export interface LayoutViolation {
  element: string;
  page: number | undefined;
  message: string;
}

/*
 * The guard runs in the page, right after the pass, so only its findings travel back (the
 * texts it compares are most of a report: ~60 KB a profile). Like the pass's parts, these
 * functions are serialised into the layout script (script.ts): each is self-contained.
 */

export function describeElement(tag: string, text: string): string {
  return `${tag} "${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}

export function collapseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Checks a laid-out document against its source: every paragraph, list item, table row,
 * heading, figure and footnote appears exactly once, in full; every footnote sits at the
 * foot of the page that cites it; nothing is taller than its page. Page numbers are 1-based.
 */
export function checkLayout(report: PaginateReport): LayoutViolation[] {
  return [...contentViolations(report), ...noteViolations(report), ...oversizeViolations(report)];
}

/** Every accounted element once, in full; nothing laid out that the source lacks. */
export function contentViolations(report: PaginateReport): LayoutViolation[] {
  const violations: LayoutViolation[] = [];
  const byId = new Map<string, { page: number; text: string }[]>();
  for (const f of report.fragments) {
    const list = byId.get(f.id) ?? [];
    list.push(f);
    byId.set(f.id, list);
  }
  // Where a lost element should have been: on the page of the element before it.
  let lastPage: number | undefined;
  for (const src of report.source) {
    const parts = byId.get(src.id) ?? [];
    byId.delete(src.id);
    const element = describeElement(src.tag, src.text);
    if (parts.length === 0) {
      if (src.tag !== 'note') {
        violations.push({
          element,
          page: lastPage !== undefined ? lastPage + 1 : undefined,
          message: 'is missing from the laid-out pages',
        });
      }
      continue;
    }
    if (src.tag !== 'note') lastPage = parts.at(-1)?.page;
    const joined = collapseSpace(parts.map((p) => p.text).join(' '));
    if (joined !== src.text) {
      const what =
        joined.length > src.text.length
          ? 'appears more than once or with extra text'
          : 'lost part of its text';
      violations.push({
        element,
        page: (parts[0]?.page ?? 0) + 1,
        message: `${what} (laid out: ${parts.length} part(s))`,
      });
    }
  }
  for (const [id, parts] of byId) {
    violations.push({
      element: id,
      page: (parts[0]?.page ?? 0) + 1,
      message: 'appears in the layout but not in the source',
    });
  }
  return violations;
}

/** The pages (0-based) each note number appears on, from a per-page list of numbers. */
export function pagesOf(perPage: number[][]): Map<number, number[]> {
  const pages = new Map<number, number[]>();
  for (const [page, numbers] of perPage.entries()) {
    for (const n of numbers) pages.set(n, [...(pages.get(n) ?? []), page]);
  }
  return pages;
}

/** Every footnote cited, and printed once, at the foot of the page that cites it. */
export function noteViolations(report: PaginateReport): LayoutViolation[] {
  const violations: LayoutViolation[] = [];
  const notePages = pagesOf(report.notesOnPage);
  const refPages = pagesOf(report.refsOnPage);
  for (const src of report.source.filter((s) => s.tag === 'note')) {
    const n = Number(src.id.slice(1));
    const at = notePages.get(n) ?? [];
    const refs = refPages.get(n) ?? [];
    const element = `footnote ${n} ${describeElement('', src.text).slice(1)}`;
    if (refs.length === 0)
      violations.push({ element, page: undefined, message: 'is never cited in the laid-out text' });
    if (at.length === 0) {
      violations.push({
        element,
        page: refs[0] !== undefined ? refs[0] + 1 : undefined,
        message: 'is missing from the foot of the page that cites it',
      });
    } else if (at.length !== 1) {
      violations.push({
        element,
        page: (at[0] as number) + 1,
        message: `is printed ${at.length} times at page feet`,
      });
    } else if (refs[0] !== undefined && refs[0] !== at[0]) {
      violations.push({
        element,
        page: (at[0] as number) + 1,
        message: `is cited on page ${refs[0] + 1} but printed on page ${(at[0] as number) + 1}`,
      });
    }
  }
  return violations;
}

/** A block taller than the page: the notes are blamed when they are the cause. */
export function oversizeViolations(report: PaginateReport): LayoutViolation[] {
  return report.oversize.flatMap((o) => {
    const src = report.source.find((s) => s.id === o.id);
    const element = src ? describeElement(src.tag, src.text) : o.id;
    if (o.notes.length === 0) {
      return [
        {
          element,
          page: o.page + 1,
          message: 'does not fit on the page with its notes (taller than the page area)',
        },
      ];
    }
    return o.notes.map((n) => ({
      element: `footnote ${n}`,
      page: o.page + 1,
      message: `does not fit on one page with the text that cites it (${element}): shorten the note`,
    }));
  });
}

export function formatViolation(v: LayoutViolation): string {
  return `${v.page !== undefined ? `page ${v.page}: ` : ''}${v.element} ${v.message}`;
}
