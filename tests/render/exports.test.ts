import { describe, expect, it } from 'vitest';
import { cellText, csvField, exportFiles, tableCsv } from '../../src/render/exports.js';
import { num, text } from '../../src/render/table-view.js';
import { kosovo2014 } from '../helpers/monitor.js';
import { arcadia, kosovo } from '../helpers/reports.js';
import { renderReport, deriveReport } from '../../src/commands/report.js';

const lines = (csv: string) =>
  csv
    .replace(/^\ufeff/, '')
    .split('\r\n')
    .slice(0, -1);

describe('exports', () => {
  it('quote a CSV field only when it must, doubling quotes', () => {
    expect(csvField('Clearance')).toBe('Clearance');
    expect(csvField('Destruction of AP mines during clearance, survey, and spot tasks')).toBe(
      '"Destruction of AP mines during clearance, survey, and spot tasks"',
    );
    expect(csvField('the "Key data" box')).toBe('"the ""Key data"" box"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('defuse cells a spreadsheet would run as formulas, keeping numbers numbers (OWASP)', () => {
    expect(csvField('=HYPERLINK("http://127.0.0.1:9/x","open")')).toBe(
      `"'=HYPERLINK(""http://127.0.0.1:9/x"",""open"")"`,
    );
    expect(csvField("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvField('+1+2')).toBe("'+1+2");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    for (const n of ['-47065', '-47,065', '+5.5', '-0.25', '-12%', '-', '47065', 'HALO'])
      expect(csvField(n), n).toBe(n.includes(',') ? `"${n}"` : n);
    const csv = tableCsv({
      head: [{ cells: [{ html: 'Change' }] }],
      body: [{ cells: [{ html: '-1,234', numeric: true }] }, { cells: [{ html: '=1+1' }] }],
    });
    expect(lines(csv)).toEqual(['Change', '-1234', "'=1+1"]);
  });

  it("take a cell's text: tags and note references out, entities decoded, plain numbers without separators", () => {
    expect(
      cellText({
        html: 'Mine clearance in 2024<sup class="note-ref"><a href="#note-55" data-note="55">55</a></sup>',
      }),
    ).toBe('Mine clearance in 2024');
    expect(cellText({ html: '<em>HALO</em> &amp; KMAC &lt;data&gt; &#39;24' })).toBe(
      "HALO & KMAC <data> '24",
    );
    expect(cellText(num('47,605'))).toBe('47605');
    expect(cellText(num('1,234.5'))).toBe('1234.5');
    expect(cellText(num('27 (24%)'))).toBe('27 (24%)');
    expect(cellText(text('47,605'))).toBe('47,605');
    expect(cellText(num('*24'))).toBe('*24');
  });

  it('write a table as UTF-8 CSV with a byte-order mark and CRLF: header rows, then the body, spans padded', () => {
    const csv = tableCsv({
      head: [{ cells: [text('Year'), text('Area (m²)')] }],
      body: [
        { cells: [text('2024'), num('47,605')] },
        { cells: [{ html: 'Total, all years', colspan: 2 }] },
      ],
    });
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(lines(csv)).toEqual(['Year,Area (m²)', '2024,47605', '"Total, all years",']);
  });

  it('give each Kosovo table a CSV with the printed figures, named by its key, in body order', async () => {
    const rendered = await renderReport(deriveReport(kosovo()));
    const files = exportFiles(rendered.exports, ['csv']);
    expect(files.map((f) => f.name)).toEqual([
      'mined_area_by_district',
      'contamination_by_type',
      'gender_composition',
      'clearance_capacity',
      'land_release_summary',
      'survey_by_district',
      'clearance_by_district',
      'five_year_clearance',
    ]);
    const byName = new Map(files.map((f) => [f.name, lines(String(f.data))]));
    expect(byName.get('mined_area_by_district')).toEqual([
      'District,CHAs,Area (m²),SHAs,Area (m²),Total areas,Total area (m²)',
      'South,0,0,4,60971,4,60971',
      'East,1,9516,4,68832,5,78348',
      'West,5,352663,7,398717,12,751380',
      'Totals,6,362179,15,528520,21,890699',
    ]);
    expect(byName.get('land_release_summary')?.[4]).toBe(
      '"Destruction of AP mines during clearance, survey, and spot tasks",2024,Comments',
    );
    expect(byName.get('clearance_by_district')?.at(-1)).toMatch(/^Totals,,\d+,47605,/);
  });

  it('give each chart as the SVG the PDF places and as a PNG at twice its size', async () => {
    const rendered = await renderReport(deriveReport(kosovo()));
    const files = exportFiles(rendered.exports, ['svg', 'png']);
    expect(files.map((f) => `${f.name}.${f.ext}`)).toEqual([
      'land_release_outputs.svg',
      'land_release_outputs.png',
      'mined_area_by_district.svg',
      'mined_area_by_district.png',
      'clearance_trend.svg',
      'clearance_trend.png',
    ]);
    const svg = files.find((f) => f.ext === 'svg' && f.name === 'clearance_trend');
    expect(String(svg?.data)).toMatch(/^<\?xml[^>]*>\s*<svg[^>]*width="420pt" height="190pt"/);
    // The very chart the page places (Handlebars escapes the base64 padding, so compare without it).
    expect(rendered.html).toContain(
      Buffer.from(String(svg?.data)).toString('base64').replace(/=+$/, ''),
    );
    const png = Buffer.from(
      files.find((f) => f.ext === 'png' && f.name === 'clearance_trend')?.data as Uint8Array,
    );
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([840, 380]);
  });

  it("include the performance assessment of a State Party, and the Monitor's tables by section", async () => {
    const a = exportFiles((await renderReport(deriveReport(arcadia()))).exports, ['csv']);
    const perf = a.find((f) => f.name === 'performance');
    expect(lines(String(perf?.data))[0]).toBe(
      'Criterion,Weight,Score (2025),Score (2024),Performance commentary (2025)',
    );
    expect(lines(String(perf?.data)).at(-1)).toMatch(/^Performance score \(2025\),,/);
    const m = exportFiles((await renderReport(deriveReport(kosovo2014()))).exports, [
      'csv',
      'svg',
      'png',
    ]);
    expect(m.map((f) => f.name)).toEqual([
      'mine_action.clearance_2013',
      'casualties_and_victim_assistance.casualty_overview',
      'support_for_mine_action.contributions',
      'support_for_mine_action.contribution_summary',
    ]);
    expect(lines(String(m[2]?.data))[0]).toBe(
      'Donor,Sector,Amount (national currency),Amount (US$)',
    );
  });

  it('make nothing for formats not asked for', async () => {
    expect(
      exportFiles((await renderReport(deriveReport(kosovo()))).exports, ['pdf', 'html']),
    ).toEqual([]);
  });
});
