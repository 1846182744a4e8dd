/**
 * KEY DATA as the samples print it: each says a fact of a real report that Kosovo's box does
 * not (src/kinds/clearing-the-mines/render/key-data.ts, from the derived data).
 */
import { describe, expect, it } from 'vitest';
import { deriveClearingTheMines } from '../../../../src/kinds/clearing-the-mines/derive/report.js';
import { keyDataView } from '../../../../src/kinds/clearing-the-mines/render/key-data.js';
import { renderInline } from '../../../../src/render/markdown.js';
import { kosovo } from '../../../helpers/reports.js';
import { SAMPLES, type Sample, sample } from '../../../helpers/samples.js';
import { checkReport, deriveReport } from '../../../../src/commands/report.js';

/** The box of a sample, with its HTML reduced to text: footnote markers as "^n". */
function box(name: Sample | 'kosovo') {
  const r = name === 'kosovo' ? kosovo() : sample(name);
  const d = deriveClearingTheMines(r.data);
  const md = (s: string) => renderInline(s, { noteNumbers: d.noteNumbers, facts: d.facts });
  const plain = (html: string | undefined) =>
    html
      ?.replace(/<sup class="note-ref">.*?>(\d+)<\/a><\/sup>/g, '^$1')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&');
  const v = keyDataView(r.data, d, md);
  return {
    v,
    line: plain(v.deadline.lineHtml),
    pending: plain(v.deadline.pendingHtml),
    figure: plain(v.contamination.figureHtml),
    level: plain(v.contamination.levelHtml),
    release: v.release.rows.map((x) => [x.label, plain(x.current), plain(x.previous)]),
    mines: v.release.mines.map((x) => [x.label, plain(x.current), plain(x.previous)]),
  };
}

describe('every sample', () => {
  it.each(SAMPLES)('%s validates without a problem', (name) => {
    expect(checkReport(deriveReport(sample(name)))).toEqual([]);
  });
});

describe('the Article 5 deadline (point 1)', () => {
  it('prints the deadline in force with "(extended)" and the progress', () => {
    const b = box('borduria');
    expect(b.line).toBe('1 March 2028 (extended)^1');
    expect(b.v.deadline.deadline).toBe(true); // set in capitals: 1 MARCH 2028 (EXTENDED)
    expect(b.v.deadline.statusHtml).toBe('Not on track');
  });

  it('prints a request pending after the deadline in force', () => {
    const c = box('carpania');
    expect(c.line).toBe('1 December 2025');
    expect(c.pending).toBe('(request for extension to 1 March 2027 pending)^1');
    expect(c.v.deadline.statusHtml).toBe('Unclear');
  });

  it('prints completion declared, and no progress where it does not apply', () => {
    const e = box('elbonia');
    expect(e.line).toBe('Completion declared on 20 June 2025^1');
    expect(e.v.deadline.statusHtml).toBeUndefined();
    expect(box('arcadia').v.deadline.statusHtml).toBe('On track');
    expect(box('grand-fenwick').v.deadline.statusHtml).toBe('Just on track');
  });

  it('leaves "not party" as Kosovo printed it', () => {
    const k = box('kosovo');
    expect([k.v.deadline.heading, k.line, k.v.deadline.deadline]).toEqual([
      'No APMBC Article 5 deadline',
      'Not party to the APMBC',
      false,
    ]);
  });
});

describe('the contamination level (point 2)', () => {
  it('may be stated without an area: "MASSIVE but no reliable estimate"', () => {
    const d = box('dravonia');
    expect(d.figure).toBeUndefined();
    expect(d.level).toBe('Massive but no reliable estimate^1');
  });

  it('may be only a level with whose estimate it is', () => {
    const f = box('freedonia');
    expect([f.figure, f.level, f.v.contamination.source]).toEqual([
      undefined,
      'Heavy',
      '(Mine Action Review estimate)',
    ]);
  });

  it('prints an area with its qualifier and caveat, the level derived by the bands', () => {
    const g = box('grand-fenwick');
    expect([g.figure, g.level, g.v.contamination.caveat]).toEqual([
      'More than 30km²',
      'Heavy',
      '(excluding a newly discovered area in the north)',
    ]);
  });
});

describe('footnotes on KEY DATA items (point 3)', () => {
  it('number the box first, in the order it prints: deadline, likelihood, estimate, figures, operators', () => {
    const b = deriveClearingTheMines(sample('borduria').data).noteNumbers;
    expect([...b.keys()]).toEqual(['b-21msp', 'b-view', 'b-mines']);
    const a = box('arcadia');
    expect(a.figure).toBe('2.24km²^1'); // the total of the district table
    expect(a.release[1]).toEqual(['Technical survey', '0.40^2', '0.38']);
    expect(box('freedonia').v.operators[0]).toContain('Freedonian Humanitarian Demining (FHD)<sup');
  });
});

describe('the likelihood of meeting completion targets (point 4)', () => {
  it('prints the Oslo Action Plan target and the Article 5 deadline', () => {
    expect(box('dravonia').v.likelihood?.lines).toEqual([
      { label: 'Oslo Action Plan target (2025)', valueHtml: 'Very low' },
      { label: 'Article 5 deadline', valueHtml: 'Very low' },
    ]);
    expect(box('freedonia').v.likelihood?.lines).toEqual([
      { label: 'Oslo Action Plan target (2025)', valueHtml: 'Not assessed' },
    ]);
    expect(box('kosovo').v.likelihood).toBeUndefined();
  });
});

describe('missing figures (point 5)', () => {
  it('print a dash with their note, and a line saying what the dash stands for', () => {
    const g = box('grand-fenwick');
    expect(g.release).toEqual([
      ['Clearance', '2.45', '2.00'],
      ['Technical survey', '–^1', '0.84'],
      ['Non-technical survey', '–', '0'],
    ]);
    expect(g.v.release.missing).toEqual(['– Not reported']);
    expect(g.mines).toEqual([['AP mines destroyed', '211', '–']]);
    expect(g.v.release.minesMissing).toEqual(['– Unknown']);
  });

  it('are words in prose and never compared as 0', () => {
    const f = deriveClearingTheMines(sample('grand-fenwick').data).facts;
    expect(f.get('technical_survey_m2')).toBe('not reported');
    expect(f.get('technical_survey_change')).toBe(
      'not comparable with the 840,000m² reduced through technical survey in 2023',
    );
    expect(f.get('non_technical_survey_change')).toBe(
      'not comparable with 2023, when no mined area was cancelled through non-technical survey',
    );
  });

  it('are left out of a total, which says so', () => {
    const t = deriveClearingTheMines(sample('grand-fenwick').data).tables.five_year_clearance;
    expect(t.missingYears).toEqual([2021]);
    expect(t.totalKm2).toBeCloseTo(2.4503 + 1.9987 + 1.76 + 1.35, 6);
  });
});

describe('AP mines destroyed with a breakdown (point 6)', () => {
  it('derives the total from the parts, and prints each part given', () => {
    expect(box('borduria').mines).toEqual([
      ['AP mines destroyed', '1,337^3', '1,519'],
      ['During clearance', '1,204', '1,403'],
      ['During survey', '85', '–'],
      ['During spot tasks', '36', '116'],
      ['Other (weapons collection)', '12', '–'],
    ]);
  });
});

describe('km² in KEY DATA (point 7)', () => {
  it('keeps two decimals below 10km² and whole numbers with separators from 10km²', () => {
    expect(box('borduria').figure).toBe('39km²');
    expect(box('dravonia').release).toEqual([
      ['Clearance', '5.82', '6.10'],
      ['Technical survey', '12', '11'],
      ['Non-technical survey', '38', '23'],
    ]);
    expect(box('kosovo').figure).toBe('1.12km²');
  });
});
