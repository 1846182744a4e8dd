/**
 * What the screen PDF's links are made from: cross-references, web addresses, and the note
 * numbers that link back to their references (both report kinds).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReport } from '../../src/data/load-report.js';
import { address } from '../../src/derive/citations/common.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { crossReferenceId, renderInline } from '../../src/render/markdown.js';
import { renderReport, deriveReport } from '../../src/commands/report.js';

const env = {
  noteNumbers: new Map<string, number>(),
  facts: new Map([
    ['table:mined_area_by_district', 'Table 1'],
    ['figure:clearance_trend', 'Figure 2'],
  ]),
};

describe('links in the prose', () => {
  it('links "Table 1" and "Figure 2" to the table and figure they name', () => {
    expect(
      renderInline('(see {=table:mined_area_by_district}) and {=figure:clearance_trend}', env),
    ).toBe(
      '(see <a class="xref" href="#table-mined-area-by-district">Table 1</a>) and <a class="xref" href="#figure-clearance-trend">Figure 2</a>',
    );
    expect(crossReferenceId('table', 'mined_area_by_district')).toBe(
      'table-mined-area-by-district',
    );
  });

  it('does not nest a cross-reference inside a link', () => {
    expect(
      renderInline('[as {=table:mined_area_by_district} shows](https://example.org)', env),
    ).toBe('<a href="https://example.org">as Table 1 shows</a>');
  });

  it('links a web address, with or without its scheme, printed as written', () => {
    expect(renderInline(address('https://bit.ly/331PWfQ'), env)).toBe(
      '<a href="https://bit.ly/331PWfQ">https://bit.ly/331PWfQ</a>',
    );
    expect(renderInline(address('www.b92.net'), env)).toBe(
      '<a href="http://www.b92.net">www.b92.net</a>',
    );
    expect(renderInline(address('Ministry of Defence archive'), env)).toBe(
      'Ministry of Defence archive',
    );
  });

  it('links each Monitor note number back to its reference', async () => {
    const loaded = await loadReport(
      path.join(PROJECT_ROOT, 'data', 'editions', '2019', 'monitor-profile', 'kosovo.yaml'),
      (f) => f,
    );
    if (!loaded.ok) throw new Error('the 2019 profile does not load');
    const { html } = await renderReport(deriveReport(loaded.report));
    const backs = [...html.matchAll(/<a class="mp-note-n" href="#([^"]+)">\[(\d+)\]<\/a>/g)];
    expect(backs.length).toBeGreaterThan(10);
    for (const [, target, n] of backs) {
      expect(target).toMatch(new RegExp(`-note-ref-${n}$`));
      expect(html).toContain(`id="${target}"`);
    }
  });
});
