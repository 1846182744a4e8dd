/**
 * The Kosovo report built in both variants through the CLI, once, and read back with tools
 * other than the ones that made it (poppler, qpdf): the print PDF's boxes, colours, bleed and
 * crop marks, and its check report; the screen PDF's links and structure tree.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/commands/build.js';
import { readManifest } from '../../src/commands/manifest.js';
import { loadReport } from '../../src/data/load-report.js';
import {
  linkTarget,
  readStructure,
  walk,
  type StructNode,
} from '../../src/pdf/accessibility/structure.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { VERSION } from '../../src/version.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';
import {
  fullText,
  pagePixels,
  pdfBoxes,
  popplerNodes,
  popplerStructure,
} from '../support/pdf-press.js';
import { pdfBookmarks, pdfFonts, pdfPages } from '../support/pdf-text.js';
import { renderReport, deriveReport } from '../../src/commands/report.js';
import { sharedBrowser } from '../support/shared-browser.js';

const KOSOVO = path.join(
  PROJECT_ROOT,
  'data',
  'editions',
  '2025',
  'clearing-the-mines',
  'kosovo.yaml',
);
const sha = async (f: string) =>
  createHash('sha256')
    .update(await readFile(f))
    .digest('hex');
// poppler joins a heading's lines without a space: compare without whitespace.
const squash = (s: string) => s.replace(/\s+/g, '').toUpperCase();
/**
 * Each page's words as [left, middle] in points from the top left, in pdftotext's order.
 * (The middle: Ghostscript rewrites the fonts' ascent and descent, which move a word box's
 * top and bottom by up to a point, not its middle; lines are 9 pt or more apart.)
 */
function wordBoxes(file: string): number[][][] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g;
  return xml
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(word)].map((m) => [Number(m[1]), (Number(m[2]) + Number(m[3])) / 2]),
    );
}
const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'");

describe('the Kosovo report in both variants', () => {
  let out: string;
  let cli: CliRun;
  let screen: string;
  let press: string;
  let pages: number;
  let html: string;

  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'keydata-variants-'));
    cli = await runCli(
      [
        'build',
        '--edition',
        '2025',
        '--report',
        'clearing-the-mines',
        '--country',
        'kosovo',
        '--out',
        out,
        '--variant',
        'screen,print',
        '--browser-ws-endpoint',
        sharedBrowser().browserWsEndpoint,
      ],
      PROJECT_ROOT,
    );
    screen = path.join(out, '2025', 'clearing-the-mines', 'kosovo.pdf');
    press = path.join(out, '2025', 'clearing-the-mines', 'kosovo.print.pdf');
    pages = pdfPages(screen).length;
    const loaded = await loadReport(KOSOVO, (f) => f);
    if (!loaded.ok) throw new Error('Kosovo does not load');
    html = (await renderReport(deriveReport(loaded.report))).html;
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  describe('print: <country>.print.pdf, for the printer', () => {
    it('is built beside the screen PDF, and the build prints its passing check', () => {
      expect(cli.code, cli.stderr).toBe(0);
      const report = cli.stderr
        .split('\n')
        .filter((l) => /^(press check| {2}(pages|boxes|fonts|colour|intent|pdf\/x) )/.test(l));
      expect(report[0]).toMatch(/^press check .*kosovo\.print\.pdf: passed$/);
      expect(report.slice(1).map((l) => l.trim().split(/\s+/).slice(0, 2).join(' '))).toEqual([
        'pages ok',
        'boxes ok',
        'fonts ok',
        'colour ok',
        'intent ok',
        'pdf/x ok',
      ]);
    });

    it('has MediaBox, BleedBox and TrimBox on every page: A4 trim, 3 mm bleed, 10 mm around it for the marks', () => {
      const boxes = pdfBoxes(press, pages);
      expect(boxes).toHaveLength(pages);
      for (const b of boxes) {
        expect(b.MediaBox).toEqual([0, 0, 651.97, 898.58]); // 230 x 317 mm
        expect(b.TrimBox).toEqual([28.35, 28.35, 623.62, 870.24]); // 210 x 297 mm, 10 mm in
        expect(b.BleedBox).toEqual([19.84, 19.84, 632.13, 878.74]); // 3 mm beyond the trim
      }
    });

    it('holds only CMYK (and gray) colour, with a PDF/X output intent whose profile is CMYK', () => {
      const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', press, '-'], {
        maxBuffer: 64 * 1024 * 1024,
      }).toString('latin1');
      expect(qdf).not.toMatch(/(^|\s)(-?[\d.]+\s+){3}(rg|RG)(?=\s)/m);
      expect(qdf).not.toMatch(/\/DeviceRGB|\/CalRGB|\/Lab\b|\/N 3\b/);
      expect(qdf.match(/(^|\s)(-?[\d.]+\s+){4}k(?=\s)/gm)?.length).toBeGreaterThan(100);
      expect(qdf).toMatch(/\/S \/GTS_PDFX/);
      expect(qdf).toMatch(/\/OutputConditionIdentifier \(CGATS TR 001\)/);
      expect(qdf).toMatch(/<pdfxid:GTS_PDFXVersion>PDF\/X-4<\/pdfxid:GTS_PDFXVersion>/);
      expect(execFileSync('pdfinfo', [press], { encoding: 'utf8' })).toMatch(/PDF version:\s+1\.6/);
    });

    it('embeds every font', () => {
      const fonts = pdfFonts(press);
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) expect(f).toMatch(/\byes\s+yes\s+yes\b/);
    });

    it("runs page one's band into the bleed, keeps the slug clear, and draws crop marks there", () => {
      const page = pagePixels(press, 1, 144);
      const dark = (c: number[]) => Math.max(...c) < 140;
      const white = (c: number[]) => Math.min(...c) > 245;
      expect(dark(page.at(326, 24))).toBe(true); // above the trim (28.35 pt), inside the bleed (19.84 pt)
      expect(dark(page.at(22, 40))).toBe(true); // left of the trim, inside the bleed
      expect(white(page.at(326, 10))).toBe(true); // beyond the bleed: slug
      expect(white(page.at(5, 5))).toBe(true);
      // The vertical mark at the trim's left edge, 3.5-9 mm above the trim (top-left corner).
      const mark = [55, 56, 57, 58, 59].map((x) => page.at(x / 2, 10));
      expect(mark.some((c) => Math.max(...c) < 200)).toBe(true);
      // The screen PDF's band meets the page edge.
      expect(dark(pagePixels(screen, 1, 72).at(297, 1))).toBe(true);
    });

    it('prints the same pages and the same lines as the screen PDF: every word where it was, 10 mm in', () => {
      const a = wordBoxes(screen);
      const b = wordBoxes(press);
      expect(b).toHaveLength(a.length);
      const trim = 10 * (72 / 25.4);
      b.forEach((words, i) => {
        expect(words.length, `words on page ${i + 1}`).toBe(a[i]?.length);
        // pdftotext may read a page's words in another order once the fonts differ: match by place.
        const left = [...words];
        for (const [sx, sy] of a[i] as number[][]) {
          const at = left.findIndex(
            ([x, y]) =>
              Math.abs((x as number) - trim - (sx as number)) < 0.05 &&
              Math.abs((y as number) - trim - (sy as number)) < 1,
          );
          expect(at, `page ${i + 1}: the word at ${sx}, ${sy}`).toBeGreaterThanOrEqual(0);
          left.splice(at, 1);
        }
      });
    });

    it('is recorded in the manifest, skipped when current, and byte-identical when rebuilt', async () => {
      const manifest = await readManifest(out, 2025, VERSION);
      const entry = manifest.profiles['clearing-the-mines/kosovo'];
      expect(Object.keys(entry?.outputs ?? {}).sort()).toEqual(['pdf', 'pdf-print']);
      expect(entry?.outputs['pdf-print']?.file).toBe('2025/clearing-the-mines/kosovo.print.pdf');
      const before = [await sha(screen), await sha(press)];
      const options = {
        ...sharedBrowser(),
        outDir: out,
        edition: 2025,
        kind: 'clearing-the-mines' as const,
        country: 'kosovo',
        variants: ['screen' as const, 'print' as const],
      };
      expect((await buildEdition(options)).results[0]?.status).toBe('skipped');
      await rm(press);
      const again = (await buildEdition(options)).results[0];
      expect(again?.status).toBe('built');
      expect(again?.checks?.[0]).toMatch(/passed$/);
      expect([await sha(screen), await sha(press)]).toEqual(before);
    });

    it('refuses an unknown variant', async () => {
      const bad = await runCli(
        ['build', '--edition', '2025', '--out', out, '--variant', 'press'],
        PROJECT_ROOT,
      );
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--variant: unknown 'press'; known: screen, print/);
    });
  });

  describe('screen: <country>.pdf, published', () => {
    let doc: PDFDocument;
    let nodes: StructNode[];
    let poppler: ReturnType<typeof popplerStructure>;
    beforeAll(async () => {
      doc = await PDFDocument.load(await readFile(screen));
      nodes = [...walk(readStructure(doc).tree)];
      poppler = popplerStructure(screen);
    });

    it('stays RGB, small, with bookmarks', async () => {
      const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', screen, '-'], {
        maxBuffer: 64 * 1024 * 1024,
      }).toString('latin1');
      expect(qdf).toMatch(/(^|\s)(-?[\d.]+\s+){3}rg(?=\s)/m);
      expect(qdf).not.toMatch(/\/OutputIntents/);
      expect((await readFile(screen)).length).toBeLessThan(250_000);
      expect(pdfBookmarks(screen).length).toBeGreaterThan(10);
    });

    it('links cross-references to their tables, web addresses to the web, notes both ways, and describes each link', () => {
      const annots = doc
        .getPages()
        .flatMap((p) =>
          (p.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []).map((a) =>
            doc.context.lookup(a, PDFDict),
          ),
        );
      const targets = annots.map((a) => linkTarget(doc, a));
      const dests = new Set(targets.flatMap((t) => (t.dest ? [t.dest] : [])));
      for (const table of [
        'table-mined-area-by-district',
        'table-contamination-by-type',
        'table-land-release-summary',
      ])
        expect(dests, table).toContain(table);
      expect(targets.map((t) => t.uri)).toContain('https://bit.ly/331PWfQ');
      for (let n = 1; n <= 60; n++) {
        expect(dests, `note ${n}`).toContain(`note-${n}`);
        expect(dests, `back from note ${n}`).toContain(`note-ref-${n}`);
      }
      const named = doc.catalog.lookup(PDFName.of('Dests'), PDFDict);
      for (const d of dests) expect(named.has(PDFName.of(d)), `destination ${d}`).toBe(true);
      for (const a of annots) expect(a.has(PDFName.of('Contents'))).toBe(true);
    });

    it('is tagged in English, and poppler reads the whole tree (no PDF 2.0 type left unmapped)', () => {
      expect(readStructure(doc).lang).toBe('en-GB');
      expect(execFileSync('pdfinfo', [screen], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
      expect(poppler.errors).toEqual([]);
    });

    it('tags the headings as H1-H3, in the order of the report', () => {
      const fromHtml = [...html.matchAll(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/g)]
        .map((m) => `H${m[1]} ${squash(decode(m[2] as string))}`)
        .filter((h) => h !== 'H2 NOTES'); // the notes move to the page feet, without their heading
      const tagged = [...popplerNodes(poppler.tree)]
        .filter((n) => /^H\d$/.test(n.type))
        .map((n) => `${n.type} ${squash(fullText(n))}`);
      expect(tagged).toEqual(fromHtml);
      expect(tagged[0]).toBe('H1 KOSOVO');
    });

    it('tags tables with header cells: a row of column headers, a row header on each body row', () => {
      const tables = nodes.filter((n) => n.role === 'Table');
      expect(tables.length).toBeGreaterThanOrEqual([...html.matchAll(/<table/g)].length);
      for (const t of tables) {
        const rows = [...walk(t.children)].filter((n) => n.role === 'TR');
        const [head, ...body] = rows;
        expect(head?.children.length).toBeGreaterThan(0);
        for (const cell of head?.children ?? [])
          expect(cell).toMatchObject({ role: 'TH', scope: 'Column' });
        for (const r of body) expect(r.children[0]?.role).toBe('TH');
      }
    });

    it('gives every chart a Figure with alternative text built from its data', () => {
      const figures = nodes.filter((n) => n.role === 'Figure');
      const alts = [...html.matchAll(/<img [^>]*alt="([^"]*)"/g)].map((m) =>
        decode(m[1] as string),
      );
      expect(alts).toHaveLength(3);
      expect(figures.map((f) => f.alt)).toEqual(alts);
      const all = alts.join(' ');
      expect(all).toContain('2024: 0.05'); // km² cleared in 2024
      expect(all).toContain('9,516'); // confirmed mined area in the East, m²
    });

    it('tags the 60 footnotes as Notes, each linked from its reference on the same page and back', () => {
      const notes = nodes.filter((n) => n.role === 'Note');
      expect(notes.map((n) => n.id)).toEqual(Array.from({ length: 60 }, (_, i) => `note-${i + 1}`));
      const refs = nodes
        .filter((n) => n.role === 'Link' && !notes.some((note) => walk([note]).next().value === n))
        .flatMap((n) => n.links);
      for (const note of notes) {
        const n = Number(note.id?.slice(5));
        const inside = [...walk([note])];
        expect(
          inside.flatMap((d) => d.links).map((l) => l.dest),
          `note ${n}`,
        ).toContain(`note-ref-${n}`);
        const page = inside.flatMap((d) => d.content).find((c) => c.page !== undefined)?.page;
        const ref = refs.find((l) => l.dest === note.id);
        expect(ref, `reference to note ${n}`).toBeDefined();
        expect(ref?.page, `note ${n} and its reference`).toBe(page);
      }
    });

    it('reads in page order: the tree never goes back to an earlier page', () => {
      const pagesInOrder = nodes
        .flatMap((n) => n.content.map((c) => c.page))
        .filter((p): p is number => p !== undefined);
      expect(pagesInOrder.length).toBeGreaterThan(500);
      pagesInOrder.forEach((p, i) => {
        if (i > 0) expect(p, `item ${i}`).toBeGreaterThanOrEqual(pagesInOrder[i - 1] as number);
      });
      expect(new Set(pagesInOrder).size).toBe(pages);
    });
  });
});
