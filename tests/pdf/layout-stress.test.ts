/**
 * Documents made to stress the layout pass (src/pdf/layout/paginate.ts), built into real
 * PDFs and read back with poppler: every note at the foot of the page that cites it, every
 * paragraph, list item and table cell printed exactly once, notes numbered 1..N, table
 * headers repeated after a page break, and a note too long for any page refused loudly.
 *
 * All the documents are built by one build() call, so they share one browser.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, outputPath, type BuildResult } from '../../src/commands/build.js';
import { deriveClearingTheMines } from '../../src/kinds/clearing-the-mines/derive/report.js';
import { formatNumber } from '../../src/derive/format.js';
import { numberNotes } from '../../src/kinds/clearing-the-mines/derive/numbering.js';
import { reportFromObject } from '../helpers/reports.js';
import { notePlacement, pdfLinkTargets, pdfPages } from '../support/pdf-text.js';
import {
  bodyProse,
  comparable,
  occurrences,
  oversizeNote,
  plainText,
  stressReports,
  writeEdition,
  type StressReport,
} from '../support/stress-reports.js';
import { sharedBrowser } from '../support/shared-browser.js';

/** The page area of A4 less the @page margins of styles/base.css (20mm top, 18mm bottom), in pt. */
const PAGE_AREA_PT = ((297 - 20 - 18) / 25.4) * 72;
/** A note line at the page foot: 7.6pt type, line-height 1.25 (styles/base.css .kd-note-list). */
const NOTE_LINE_PT = 7.6 * 1.25;

const STRESS = stressReports();
const OVERSIZE = oversizeNote();

interface ReadBack {
  file: string;
  /** Footnote id -> its number, as the report numbers them (order of first citation). */
  numbers: Map<string, number>;
  /** Footnote number -> its text as printed. */
  notes: Map<number, string>;
  /** Each page's text as pdftotext reads it. */
  pages: string[];
  /** Each page's body text: running head, page number and the notes at its foot removed. */
  bodies: string[];
  placement: { n: number; refPage: number | undefined; textPages: number[] }[];
  /** Note numbers of the reference links, page by page, in the order the PDF holds them. */
  refs: number[][];
}

/**
 * A page's text without what is not body: the running head ("CLEARING THE MINES 2025 <COUNTRY>",
 * in the top margin of every page but the first), the page number (bottom margin) and the
 * notes at its foot, which pdftotext reads after the body. The notes start at the first line
 * that begins one of the notes printed on the page.
 */
function pageBody(page: string, index: number, country: string, notesHere: string[]): string {
  let text = page.replace(/\s*\d+\s*$/, '');
  if (index > 0)
    text = text.replace(new RegExp(`^\\s*CLEARING THE MINES 2025\\s*${country}\\s*`, 'i'), '');
  const needles = notesHere.map((t) => comparable(t));
  const lines = text.split('\n');
  const firstNote = lines.findIndex((line) => {
    const l = comparable(line);
    // Lines as short as a table cell ("22") would match any note numbered 22.
    return needles.some(
      (n) => l.length >= Math.min(n.length, 12) && (n.startsWith(l) || l.startsWith(n)),
    );
  });
  return (firstNote < 0 ? lines : lines.slice(0, firstNote)).join('\n');
}

async function readBack(report: StressReport, file: string): Promise<ReadBack> {
  // Notes as printed: a note given as citations (Kosovo's) reads in the report's citation style.
  const derived = deriveClearingTheMines(reportFromObject(report.data, `${report.name}.yaml`).data);
  const numbers = derived.noteNumbers;
  const notes = new Map<number, string>();
  for (const [id, n] of numbers)
    notes.set(n, plainText(derived.printedNotes.get(id) ?? '', numbers));
  const pages = pdfPages(file);
  const placement = await notePlacement(file, notes);
  const bodies = pages.map((page, i) =>
    pageBody(
      page,
      i,
      report.country,
      placement.filter((p) => p.textPages.includes(i)).map((p) => `${p.n}${notes.get(p.n)}`),
    ),
  );
  const refs = (await pdfLinkTargets(file)).map((targets) =>
    targets.flatMap((t) => (/^note-\d+$/.test(t) ? [Number(t.slice('note-'.length))] : [])),
  );
  return { file, numbers, notes, pages, bodies, placement, refs };
}

/** The 0-based pages whose body holds `text`. */
const pagesHolding = (r: ReadBack, text: string) =>
  r.bodies.flatMap((b, i) => (comparable(b).includes(comparable(text)) ? [i] : []));

describe('documents made to stress the layout', () => {
  let root: string;
  let outDir: string;
  const results = new Map<string, BuildResult>();
  const read = new Map<string, ReadBack>();

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'keydata-stress-'));
    const editionsDir = path.join(root, 'editions');
    outDir = path.join(root, 'out');
    // The report that must fail goes in the middle, so reports before and after it are built.
    const all = [...STRESS.slice(0, 2), OVERSIZE, ...STRESS.slice(2)];
    await writeEdition(editionsDir, all);
    for (const r of await build({
      ...sharedBrowser(),
      editionsDir,
      outDir,
      edition: 2025,
      kind: 'clearing-the-mines',
    })) {
      results.set(r.country.country, r);
    }
    for (const report of STRESS) {
      const result = results.get(report.name);
      if (result?.status === 'built')
        read.set(report.name, await readBack(report, result.outputs[0] as string));
    }
  });
  afterAll(async () => {
    // KEYDATA_STRESS_KEEP=1 keeps the PDFs to look at (pdftoppm -png -r 50 FILE /tmp/stress).
    if (process.env.KEYDATA_STRESS_KEEP) console.log(`stress documents kept in ${outDir}`);
    else if (root) await rm(root, { recursive: true, force: true });
  });

  const got = (name: string): ReadBack => {
    const r = read.get(name);
    if (!r) throw new Error(`${name} was not built: ${results.get(name)?.error ?? 'no result'}`);
    return r;
  };
  const report = (name: string) => STRESS.find((s) => s.name === name) as StressReport;

  describe.each(STRESS.map((s) => [s.name, s.purpose]))('%s (%s)', (name) => {
    it('builds, without errors in its data', () => {
      const result = results.get(name);
      expect(result?.status, result?.error).toBe('built');
      expect(result?.problems.filter((p) => p.severity === 'error')).toEqual([]);
    });

    it('prints every footnote once, at the foot of the page that cites it', () => {
      const misplaced = got(name)
        .placement.filter(
          (p) =>
            p.refPage === undefined || p.textPages.length !== 1 || p.textPages[0] !== p.refPage,
        )
        .map(
          (p) =>
            `note ${p.n}: cited on page ${p.refPage === undefined ? '?' : p.refPage + 1}, text on page(s) [${p.textPages.map((i) => i + 1)}]`,
        );
      expect(misplaced).toEqual([]);
    });

    it('prints every paragraph, list item and table cell of its data exactly once', () => {
      const r = got(name);
      const body = comparable(r.bodies.join('\n'));
      const pieces = bodyProse(report(name).data, r.numbers);
      expect(pieces.length).toBeGreaterThan(10);
      const wrong = pieces
        .map((p) => ({ ...p, times: occurrences(body, comparable(p.text)) }))
        .filter((p) => p.times !== 1)
        .map((p) => `${p.where} printed ${p.times} times: ${p.text.slice(0, 70)}`);
      expect(wrong).toEqual([]);
    });

    it('numbers its notes 1..N in reading order, with no gaps', () => {
      const r = got(name);
      const n = r.notes.size;
      expect(n).toBe(Object.keys(report(name).data.notes).length);
      expect(r.refs.flat()).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      // Their texts run in the same order through the page feet.
      r.placement.forEach((p, i) => {
        if (i > 0)
          expect(p.textPages[0] ?? -1, `note ${p.n}`).toBeGreaterThanOrEqual(
            r.placement[i - 1]?.textPages[0] ?? -1,
          );
      });
    });
  });

  describe('table-with-many-notes', () => {
    const name = 'table-with-many-notes';
    const table = () =>
      report(name).data.other_tables.tasks_2024 as {
        columns: { label: string }[];
        rows: (string | number)[][];
      };
    /** The pages each row's first cell is printed on. */
    const rowPages = () =>
      table().rows.map((row) =>
        pagesHolding(got(name), plainText(row[0] as string, got(name).numbers)),
      );

    it('breaks its 45-row table across at least two pages (the case it is built for)', () => {
      const pages = rowPages();
      expect(pages.every((p) => p.length === 1)).toBe(true);
      expect(new Set(pages.map((p) => p[0])).size).toBeGreaterThanOrEqual(2);
      expect(got(name).notes.size).toBeGreaterThanOrEqual(30);
    });

    it('prints each row whole: its figures on the page of its first cell', () => {
      const r = got(name);
      const pages = rowPages();
      const split = table()
        .rows.map((row, i) => ({ row, page: pages[i]?.[0] ?? -1 }))
        .filter(({ row, page }) => {
          const text = comparable(r.bodies[page] ?? '');
          const cells = [
            plainText(row[1] as string, r.numbers),
            formatNumber(row[2] as number),
            formatNumber(row[3] as number),
          ];
          return !cells.every((c) => text.includes(comparable(c)));
        })
        .map(({ row }) => row[0]);
      expect(split).toEqual([]);
    });

    it('prints the caption once, on the first page of the table', () => {
      const r = got(name);
      const caption = 'Table 3: Clearance tasks completed in 2024';
      expect(occurrences(comparable(r.bodies.join('\n')), comparable(caption))).toBe(1);
      expect(pagesHolding(r, caption)).toEqual([Math.min(...rowPages().flat())]);
    });

    // BUG (src/pdf/layout/paginate.ts shellOf): the header row is never repeated. shellOf()
    // looks for the table's <thead> (and <colgroup>) in the source table, but place() has
    // already moved both into the first fragment, so every later fragment starts with a
    // bare body row. Seen here on pages 5 and 6 of this document.
    it('repeats the header row on every page its rows reach', () => {
      const r = got(name);
      const pages = [...new Set(rowPages().flat())];
      const missing = pages.flatMap((page) =>
        table()
          .columns.filter(
            (c) => occurrences(comparable(r.bodies[page] ?? ''), comparable(c.label)) !== 1,
          )
          .map((c) => `page ${page + 1}: "${c.label}"`),
      );
      expect(missing).toEqual([]);
    });
  });

  describe('long-note', () => {
    const name = 'long-note';

    it('prints the long note on page 2 or later, filling more than half the page area', () => {
      const r = got(name);
      const [n, text] = [...r.notes].find(([, t]) => t.startsWith('Stress note long:')) as [
        number,
        string,
      ];
      const placed = r.placement.find((p) => p.n === n);
      expect(placed?.refPage).toBeGreaterThanOrEqual(1);
      expect(placed?.textPages).toEqual([placed?.refPage]);
      // Its printed lines: from the line that begins it to the next note or the page number.
      const lines = (r.pages[placed?.refPage ?? 0] ?? '').split('\n');
      const start = lines.findIndex(
        (l) => comparable(`${n}${text}`).startsWith(comparable(l)) && comparable(l).length > 0,
      );
      const end = lines.findIndex(
        (l, i) => i > start && (/^\d+ Stress note /.test(l) || /^\s*\d+\s*$/.test(l)),
      );
      expect(start).toBeGreaterThanOrEqual(0);
      expect((end - start) * NOTE_LINE_PT).toBeGreaterThan(PAGE_AREA_PT / 2);
    });
  });

  describe('many-notes-one-page', () => {
    it('puts at least 20 notes at the foot of one page (the case it is built for)', () => {
      const r = got('many-notes-one-page');
      const perPage = r.refs.map((refs) => refs.length);
      expect(Math.max(...perPage)).toBeGreaterThanOrEqual(20);
    });
  });

  describe('long-paragraphs', () => {
    const name = 'long-paragraphs';

    it('splits each 900-word paragraph over two pages or more, and the list too', () => {
      const r = got(name);
      const numbers = r.numbers;
      // The stress sections, after Kosovo's first section: four paragraphs and a list.
      const blocks = (
        report(name).data.sections as { blocks: ({ p: string } | { list: string[] })[] }[]
      )
        .slice(1)
        .flatMap((s) => s.blocks);
      expect(blocks).toHaveLength(5);
      const spans = blocks.map((b) => {
        const text = plainText('p' in b ? b.p : b.list.join(' '), numbers);
        const items = 'p' in b ? [text] : b.list.map((t) => plainText(t, numbers));
        const first = pagesHolding(r, (items[0] as string).slice(0, 80))[0] ?? -1;
        const last = pagesHolding(r, (items.at(-1) as string).slice(-80)).at(-1) ?? -1;
        return last - first;
      });
      expect(spans.map((s) => s >= 1)).toEqual([true, true, true, true, true]);
    });
  });

  describe('a footnote longer than a page', () => {
    const failed = () => results.get(OVERSIZE.name) as BuildResult;
    const hugeNumber = () =>
      numberNotes(reportFromObject(OVERSIZE.data).data).get('huge') as number;

    it('fails that country, writes no PDF for it, and still builds the others', () => {
      expect(failed().status).toBe('failed');
      expect(failed().error).toMatch(/^layout check failed/);
      expect(existsSync(outputPath(outDir, failed().country, 'pdf'))).toBe(false);
      for (const s of STRESS) expect(results.get(s.name)?.status, s.name).toBe('built');
      expect(results.size).toBe(STRESS.length + 1);
    });

    // BUG (src/pdf/layout/paginate.ts place() / guard.ts): the oversize violation names the
    // paragraph that cites the note ('page 4: p "Action centre, reduction..." does not fit on
    // the page with its notes'), never the footnote, so the editor is not told which note to
    // shorten.
    it('names the footnote and the page in the error ("footnote N ... does not fit")', () => {
      expect(failed().error).toMatch(
        new RegExp(`page \\d+: footnote ${hugeNumber()}\\b[^\\n]*does not fit`),
      );
    });

    // ODDITY (paginate.ts report loop): the same overflow is reported twice, once by place()
    // and once more by the final per-page height check.
    it('reports the overflow once', () => {
      const lines = (failed().error ?? '').split('\n').slice(1);
      expect(new Set(lines).size).toBe(lines.length);
    });
  });
});
