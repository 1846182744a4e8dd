import { describe, expect, it } from 'vitest';
import { deriveMonitorProfile } from '../../../../src/kinds/monitor-profile/derive/report.js';
import { renderInline } from '../../../../src/render/markdown.js';
import {
  buildMonitorProfileView,
  lastUpdated,
} from '../../../../src/kinds/monitor-profile/render/view.js';
import { kosovo2014, MONITOR_META, RATES } from '../../../helpers/monitor.js';

describe('the Monitor profile view', () => {
  const r = kosovo2014().data;
  const d = deriveMonitorProfile(r, RATES);
  const from = (key: string) => (key === 'mine_ban_policy' ? 2019 : 2014);
  const view = buildMonitorProfileView(r, d, { ...MONITOR_META, edition: 2019 }, from);

  it('dates sections the Monitor’s way and says which edition an inherited one comes from', () => {
    expect(lastUpdated('2012-10-02')).toBe('02 October 2012');
    expect(lastUpdated('2019-12-18')).toBe('18 December 2019');
    expect(view.sections.map((s) => [s.heading, s.updatedHtml, s.inheritedFrom])).toEqual([
      ['Mine Ban Policy', '02 October 2012', undefined],
      ['Cluster Munition Ban Policy', '12 August 2014', '2014 edition'],
      ['Mine Action', '01 September 2014', '2014 edition'],
      ['Casualties and Victim Assistance', '24 November 2014', '2014 edition'],
      ['Support for Mine Action', '22 November 2013', '2014 edition'],
    ]);
    expect(view.contents[0]?.from).toBe('2019 edition');
  });

  it('prints straight quotes typed in prose curly, as its notes print them; other kinds keep them', () => {
    const env = { noteNumbers: new Map(), facts: new Map(), curlyQuotes: true };
    expect(
      renderInline(`Officials said accession "is not under consideration." It's 'final'.`, env),
    ).toBe('Officials said accession “is not under consideration.” It’s ‘final’.');
    expect(renderInline('"(c) -- x"', { ...env, curlyQuotes: false })).toBe('&quot;(c) -- x&quot;');
    expect(renderInline('"(c) -- x"', env)).toBe('“(c) -- x”');
  });

  it('links references to notes within their section, bracketed and kept with their word', () => {
    const policy = view.sections[0];
    const p = policy?.blocks.find((b) => 'p' in b && b.p.includes('note-ref')) as { p: string };
    expect(p.p).toContain(
      '<span class="nobr">future.<sup class="note-ref"><a href="#mine-ban-policy-note-1" id="mine-ban-policy-note-ref-1">[1]</a></sup></span>',
    );
    expect(p.p).not.toContain('data-note');
    expect(policy?.notes.map((n) => n.id)).toEqual([
      'mine-ban-policy-note-1',
      'mine-ban-policy-note-2',
      'mine-ban-policy-note-3',
    ]);
    // Clearing the Mines keeps page-foot references: plain numbers the layout pass tracks.
    expect(renderInline('x.[^a]', { noteNumbers: new Map([['a', 4]]), facts: new Map() })).toBe(
      'x.<sup class="note-ref"><a href="#note-4" id="note-ref-4" data-note="4">4</a></sup>',
    );
  });

  it('prints lost cells as a dash, marked, and money in the donor’s currency and in US$', () => {
    const support = view.sections[4];
    const tables = support?.blocks.flatMap((b) => ('table' in b ? [b.table] : [])) ?? [];
    const [contributions, summary] = tables;
    expect(contributions?.body.map((row) => row.cells.map((c) => c.html))).toEqual([
      ['Belgium', '–', '€750,528', '965,104'],
      ['Switzerland', '–', '–', '–'],
      ['United States', '–', '–', '–'],
      ['–', 'Victim assistance', '–', '–'],
      ['Total', '', '', '1,330,814'],
    ]);
    expect(contributions?.body[1]?.cells[2]?.lost).toBe(true);
    expect(contributions?.notes).toEqual([
      'The total is as published; the amounts of some contributions are not available.',
    ]);
    expect(summary?.body.map((row) => row.cells.map((c) => c.html))).toEqual([
      ['2008', '–'],
      ['2009', '–'],
      ['2010', '–'],
      ['2011', '–'],
      ['2012', '1,330,814'],
      ['Total', '–'],
    ]);
  });
});
