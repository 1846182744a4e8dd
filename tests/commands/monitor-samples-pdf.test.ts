import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/commands/build.js';
import { pdfPages, squash } from '../support/pdf-text.js';
import { profileResults, sampleBuild } from '../support/sample-build.js';

/**
 * The fictional samples of the 2025 Monitor edition: Veldoria, a State Party to both
 * conventions, and Zembla, a country outside the Mine Ban Treaty that used mines and
 * inherits its Cluster Munition Ban Policy from the 2019 edition. Built and read back.
 */
describe('the 2025 Monitor samples, built and read back', () => {
  let out: string;
  let results: BuildResult[];
  const text: Record<string, string> = {};

  beforeAll(async () => {
    // The run's build of data/ (tests/support/sample-build.ts), read only.
    const build = await sampleBuild();
    out = build.out;
    results = profileResults(build.summary, 2025, 'monitor-profile');
    for (const r of results) {
      if (r.status !== 'built') continue;
      const file = path.join(out, '2025', 'monitor-profile', `${r.country.country}.pdf`);
      text[r.country.country] = squash(pdfPages(file).join('\n'));
    }
  });

  it('builds both, warning only of the two currencies without a 2024 rate', () => {
    expect(results.map((r) => [r.country.country, r.status])).toEqual([
      ['veldoria', 'built'],
      ['zembla', 'built'],
    ]);
    const warnings = results.flatMap((r) => r.problems.map((p) => `${p.severity}: ${p.message}`));
    expect(warnings).toEqual([
      expect.stringMatching(/^warning: no US\$ value for EUR: no average rate for 2024/),
      expect.stringMatching(/^warning: no US\$ value for NOK: no average rate for 2024/),
    ]);
  });

  it('prints a State Party’s treaty facts, and the retained mines with their derived change', () => {
    const v = text.veldoria ?? '';
    for (const line of [
      'Mine Ban Treaty status State Party',
      'Ratified 14 January 1999',
      'Entry into force 1 July 1999',
      'National implementation legislation Anti-Personnel Mines (Prohibition) Act, enacted 12 May 2000',
      'Transparency reporting Submitted for 1999–2012 and 2014–2024; latest submitted 30 April 2025',
      'Stockpile destruction Completed on 28 February 2003 (212,450 mines destroyed)',
      'Mines retained for training 980 (end of 2024)',
      'It reported 980 mines at the end of 2024, down from 1,036 at the end of 2023 (56 consumed)',
      'Convention on Cluster Munitions status State Party',
      'Existing laws deemed sufficient (10 September 2012)',
    ])
      expect(v).toContain(squash(line));
  });

  it('prints contamination, land release with derived totals, and the Article 5 deadline history', () => {
    const v = text.veldoria ?? '';
    for (const line of [
      'Total antipersonnel mine contamination (end 2024) 6.17km²',
      'Land released in 2024 0.72km² (0.46km² cleared; 0.09km² reduced; 0.17km² cancelled)',
      'Mine Ban Treaty Article 5 deadline 1 July 2026 (extended) (request for extension to 1 July 2029 pending)',
      'Original deadline 1 July 2009; extended on 28 November 2008 to 1 July 2014',
      'Convention on Cluster Munitions Article 4 deadline Completion declared on 4 September 2019',
      'It released 0.72km² in 2024, and 2.20km² over 2022–2024.',
      'Total 1.25 0.26 0.69 2.20',
    ])
      expect(v).toContain(squash(line));
  });

  it('prints casualties with unknown outcomes, a year not available and an unknown total', () => {
    const v = text.veldoria ?? '';
    expect(v).toContain(
      squash('All known casualties by end 2024 Unknown; at least 3,120 mine/ERW casualties'),
    );
    expect(v).toContain(
      squash(
        '2024 casualties by outcome 10 killed; 25 injured; 2 unknown (2023: 12 killed; 26 injured; 3 unknown)',
      ),
    );
    expect(v).toContain(squash('2024 casualties by group 35 civilians (14 children); 1 deminer'));
    expect(v).toContain(squash('Not available'));
    expect(v).toContain(
      squash(
        'The total number of casualties since the conflict is unknown; at least 3,120 have been recorded.',
      ),
    );
  });

  it('says once which US$ values are missing, and prints amounts in one style', () => {
    const v = text.veldoria ?? '';
    expect(v).toContain(squash('€1,250,000'));
    expect(v).toContain(
      squash(
        'No average exchange rate for 2024 is known for EUR and NOK: the US$ values of those contributions are not available.',
      ),
    );
    expect(v).toContain(
      squash(
        'The total is as published; the US$ values of the contributions in EUR and NOK are not available.',
      ),
    );
  });

  it('prints a non-party’s statements on use and production, and the section it inherits', () => {
    const d = text.zembla ?? '';
    expect(d).toContain(squash('Mine Ban Treaty status Not a State Party'));
    expect(d).toContain(
      squash(
        'Use Government forces used antipersonnel mines along the northern border in 2024.[1]',
      ),
    );
    expect(d).toContain(squash('Cluster Munition Ban Policy 01 August 2019 2019 edition'));
    expect(d).toContain(squash('LAST UPDATED: 01 AUGUST 2019 (2019 EDITION)'));
  });
});
