/**
 * The press check (src/pdf/print-variant/check.ts) on hand-made PDFs: no browser, no
 * Ghostscript. A clean sheet goes through finishPressPdf (boxes, marks, output intent,
 * PDF/X-4 identification) and passes; each other case spoils one thing and must fail on the
 * line that names it, so the check can fail where a printer would call back.
 */
import { PDFArray, PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  checkPressPdf,
  formatPressCheck,
  type PressCheck,
} from '../../../src/pdf/print-variant/check.js';
import { MM } from '../../../src/pdf/print-variant/crop-marks.js';
import {
  finishPressPdf,
  PRESS_GEOMETRY,
  pressBoxes,
} from '../../../src/pdf/print-variant/finish.js';
import { defaultOutputProfile } from '../../../src/pdf/print-variant/profile.js';

// What Chromium prints for the press: A4 plus 12 CSS px (9 pt) on every side.
const SHEET = { trimWidthMm: 210, trimHeightMm: 297, offsetPx: 12, selectors: [''] };
const SHEET_W = 210 * MM + 18;
const SHEET_H = 297 * MM + 18;
const META = {
  title: 'Arcadia – Test 2025',
  author: 'Mine Action Review',
  subject: 'a test',
  keywords: ['test'],
  creator: 'keydata test',
  date: '2025-10-15',
  documentId: '0123456789abcdef0123456789abcdef',
};
const EXPECT = { pages: 1, trimWidthMm: 210, trimHeightMm: 297, bleedMm: 3 };

/** A sheet as Chromium would print it, its content and resources given raw. */
async function sheet(
  content: string,
  dress: (doc: PDFDocument) => void = () => undefined,
  pages = 1,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([SHEET_W, SHEET_H]);
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(content)));
  }
  dress(doc);
  return doc.save();
}

const CMYK_BAND = `0.93 0.68 0.34 0.17 k 0 ${SHEET_H - 40} ${SHEET_W} 40 re f`;

async function finished(
  content: string,
  dress?: (doc: PDFDocument) => void,
  pages = 1,
): Promise<Uint8Array> {
  return finishPressPdf(await sheet(content, dress, pages), {
    sheet: SHEET,
    geometry: PRESS_GEOMETRY,
    metadata: META,
    profile: defaultOutputProfile(),
  });
}

const line = (check: PressCheck, name: string) => check.lines.find((l) => l.name === name);

describe('the press check', () => {
  it('passes a finished CMYK sheet: A4 trim, 3 mm bleed, marks in registration, PDF/X-4 output intent', async () => {
    const check = await checkPressPdf(await finished(CMYK_BAND), EXPECT);
    expect(check.ok, formatPressCheck('test.pdf', check).join('\n')).toBe(true);
    expect(line(check, 'boxes')?.detail).toMatch(
      /TrimBox 210\.0 x 297\.0 mm, BleedBox 3 mm .* MediaBox 230\.0 x 317\.0 mm/,
    );
    expect(line(check, 'colour')?.detail).toMatch(
      /cmyk fill\/stroke 1.*registration fill\/stroke 1/,
    );
    expect(line(check, 'intent')?.detail).toContain('CGATS TR 001');
    expect(formatPressCheck('test.pdf', check)[0]).toBe('press check test.pdf: passed');
  });

  it('places the trim where Chromium put the page, and the boxes inside each other', async () => {
    const doc = await PDFDocument.load(await finished(CMYK_BAND));
    const page = doc.getPage(0);
    const { media, bleed, trim } = pressBoxes(210 * MM, 297 * MM, PRESS_GEOMETRY);
    const box = (k: string) =>
      page.node
        .lookup(PDFName.of(k), PDFArray)
        .asArray()
        .map((n) => Number(n.toString()));
    expect(box('TrimBox')).toEqual(trim.map((v) => Math.round(v * 1000) / 1000));
    expect(box('BleedBox')).toEqual(bleed.map((v) => Math.round(v * 1000) / 1000));
    expect(box('MediaBox')).toEqual(media.map((v) => Math.round(v * 1000) / 1000));
    expect(trim[0] - bleed[0]).toBeCloseTo(3 * MM, 3);
    expect(media[2] - media[0]).toBeCloseTo(230 * MM, 3);
  });

  it('fails on RGB fills, and names the page', async () => {
    const check = await checkPressPdf(
      await finished(`${CMYK_BAND} 1 0 0 rg 10 10 50 50 re f`),
      EXPECT,
    );
    expect(check.ok).toBe(false);
    expect(line(check, 'colour')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/rgb .*page 1: rgb fill\/stroke/),
    });
  });

  it('reads strings as strings: "rg" inside text is no colour', async () => {
    const check = await checkPressPdf(
      await finished(`${CMYK_BAND} BT (1 0 0 rg \\) 1 0 0 RG) Tj <0102> Tj ET`),
      EXPECT,
    );
    expect(line(check, 'colour')?.ok).toBe(true);
  });

  it('fails on an RGB image, an RGB ICC colour space and an RGB transparency group', async () => {
    const image = await finished(`${CMYK_BAND} q 10 0 0 10 20 20 cm /Im0 Do Q`, (doc) => {
      const img = doc.context.register(
        doc.context.stream(new Uint8Array([255, 0, 0]), {
          Type: 'XObject',
          Subtype: 'Image',
          Width: 1,
          Height: 1,
          ColorSpace: 'DeviceRGB',
          BitsPerComponent: 8,
        }),
      );
      doc.getPage(0).node.set(PDFName.of('Resources'), doc.context.obj({ XObject: { Im0: img } }));
    });
    expect(line(await checkPressPdf(image, EXPECT), 'colour')?.detail).toMatch(/rgb image/);

    const icc = await finished(`${CMYK_BAND} /CS0 cs 1 0 0 sc 10 10 5 5 re f`, (doc) => {
      const profile = doc.context.register(doc.context.stream(new Uint8Array(8), { N: 3 }));
      doc
        .getPage(0)
        .node.set(
          PDFName.of('Resources'),
          doc.context.obj({ ColorSpace: { CS0: [PDFName.of('ICCBased'), profile] } }),
        );
    });
    expect(line(await checkPressPdf(icc, EXPECT), 'colour')?.detail).toMatch(/rgb fill\/stroke/);

    const group = await finished(CMYK_BAND, (doc) => {
      doc
        .getPage(0)
        .node.set(PDFName.of('Group'), doc.context.obj({ S: 'Transparency', CS: 'DeviceRGB' }));
    });
    expect(line(await checkPressPdf(group, EXPECT), 'colour')?.detail).toMatch(/rgb group/);
  });

  it('fails on a font that is not embedded', async () => {
    const pdf = await finished(`${CMYK_BAND} BT /F1 12 Tf 50 50 Td (x) Tj ET`, (doc) => {
      const font = doc.context.register(
        doc.context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: StandardFonts.Helvetica }),
      );
      doc.getPage(0).node.set(PDFName.of('Resources'), doc.context.obj({ Font: { F1: font } }));
    });
    expect(line(await checkPressPdf(pdf, EXPECT), 'fonts')).toMatchObject({
      ok: false,
      detail: 'not embedded: Helvetica',
    });
  });

  it('fails on a page without a TrimBox, a bleed that is not 3 mm, and a page count unlike the screen PDF', async () => {
    const doc = await PDFDocument.load(await finished(CMYK_BAND, undefined, 2));
    doc.getPage(1).node.delete(PDFName.of('TrimBox'));
    const noTrim = await checkPressPdf(await doc.save(), { ...EXPECT, pages: 2 });
    expect(line(noTrim, 'boxes')).toMatchObject({ ok: false, detail: 'page 2 has no TrimBox' });

    const narrow = await checkPressPdf(await finished(CMYK_BAND), { ...EXPECT, bleedMm: 5 });
    expect(line(narrow, 'boxes')?.detail).toMatch(
      /page 1: bleed 3\.0\/3\.0\/3\.0\/3\.0 mm, not 5 mm/,
    );

    const pages = await checkPressPdf(await finished(CMYK_BAND), { ...EXPECT, pages: 8 });
    expect(line(pages, 'pages')).toMatchObject({
      ok: false,
      detail: '1, but the screen PDF has 8',
    });
  });

  it('fails without an output intent, and without the PDF/X-4 identification', async () => {
    const doc = await PDFDocument.load(await finished(CMYK_BAND));
    doc.catalog.delete(PDFName.of('OutputIntents'));
    doc.catalog.delete(PDFName.of('Metadata'));
    const check = await checkPressPdf(await doc.save(), EXPECT);
    expect(line(check, 'intent')).toMatchObject({ ok: false, detail: 'no GTS_PDFX output intent' });
    expect(line(check, 'pdf/x')?.detail).toMatch(
      /header %PDF-1\.7, not PDF 1\.6 or earlier; no GTS_PDFXVersion PDF\/X-4/,
    );
    expect(formatPressCheck('x.pdf', check)[0]).toBe('press check x.pdf: FAILED');
  });
});
