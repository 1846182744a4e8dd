/**
 * The sample edition's fictional countries, built and read back: between them they print
 * what real KEY DATA boxes say and Kosovo's does not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/commands/build.js';
import { SAMPLES, type Sample } from '../helpers/samples.js';
import { pdfPages, squash } from '../support/pdf-text.js';
import { pdfOf, profileResults, sampleBuild } from '../support/sample-build.js';

describe('the sample countries, built and read back', () => {
  const results = new Map<string, BuildResult>();
  const pages = new Map<string, string[]>();
  const text = (name: Sample) => squash((pages.get(name) ?? []).join('\n'));
  const first = (name: Sample) => squash(pages.get(name)?.[0] ?? '');

  beforeAll(async () => {
    // The run's build of data/ (tests/support/sample-build.ts), read only.
    const { summary } = await sampleBuild();
    for (const r of profileResults(summary, 2025, 'clearing-the-mines')) {
      const name = r.country.country;
      results.set(name, r);
      if (r.status === 'built') pages.set(name, pdfPages(pdfOf(r) as string));
    }
  }, 240_000);

  it.each(SAMPLES)('%s builds without a warning', (name) => {
    const r = results.get(name);
    expect(r?.status, r?.error).toBe('built');
    expect(r?.problems).toEqual([]);
  });

  it('print MASSIVE, pending, Not applicable and Not reported between them', () => {
    const all = SAMPLES.map((s) => pages.get(s)?.join('\n') ?? '').join('\n');
    for (const words of ['MASSIVE', 'pending', 'Not applicable', 'Not reported'])
      expect(all).toContain(words);
  });

  it('print the deadline in force, its status and a request pending as the real boxes do', () => {
    expect(first('borduria')).toContain(squash('1 MARCH 2028 (EXTENDED)1 NOT ON TRACK'));
    expect(first('carpania')).toContain(
      squash('1 DECEMBER 2025 (request for extension to 1 March 2027 pending)1 UNCLEAR'),
    );
    expect(first('elbonia')).toContain(squash('COMPLETION DECLARED ON 20 JUNE 2025'));
  });

  it('print a stated level, a qualifier and a caveat', () => {
    expect(first('dravonia')).toContain(squash('MASSIVE BUT NO RELIABLE ESTIMATE1'));
    expect(first('freedonia')).toContain(squash('HEAVY (Mine Action Review estimate)'));
    expect(first('grand-fenwick')).toContain(
      squash(
        'More than 30km² HEAVY (National estimate) (excluding a newly discovered area in the north)',
      ),
    );
  });

  it('print the likelihood of meeting the completion targets', () => {
    expect(first('dravonia')).toContain(
      squash('Oslo Action Plan target (2025): VERY LOW Article 5 deadline: VERY LOW'),
    );
  });

  it('print "Not applicable" with its reason where the performance table would stand', () => {
    expect(text('freedonia')).toContain(
      squash('Not applicable: Freedonia is not a State Party to the APMBC'),
    );
    expect(text('freedonia')).not.toContain('Criterion');
  });

  it('print a missing figure as a dash, say what it stands for, and leave it out of totals', () => {
    expect(first('grand-fenwick')).toContain(squash('Technical survey –1 0.84'));
    expect(first('grand-fenwick')).toContain(squash('– Not reported'));
    expect(text('grand-fenwick')).toContain(squash('Total (excluding 2021, no figure)'));
    expect(text('grand-fenwick')).toContain(squash('2021 – '));
  });

  it('print the breakdown of AP mines destroyed under its total', () => {
    expect(first('borduria')).toContain(
      squash('AP mines destroyed 1,3373 1,519 During clearance 1,204 1,403'),
    );
  });

  it('leave no footnote reference printed literally', () => {
    for (const s of SAMPLES) expect(text(s)).not.toMatch(/\[\^/);
  });

  it('print one casing per label, and no Comments column when there are no comments', () => {
    expect(text('borduria')).not.toMatch(/Technical Survey|AP Mines/);
    expect(text('borduria')).not.toContain('Comments');
  });
});
