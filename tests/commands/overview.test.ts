/**
 * overview.csv and overview.json beside the volume, or alone with `--formats overview`;
 * a corrected country rebuilds its own outputs and the overview, not the other countries'.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../src/commands/build.js';
import { overviewFiles } from '../../src/commands/overview.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { sharedBrowser } from '../support/shared-browser.js';

let root: string;
let editions: string;
let out: string;
const kosovoFile = () => path.join(editions, '2025', 'clearing-the-mines', 'kosovo.yaml');

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'keydata-overview-'));
  editions = path.join(root, 'editions');
  out = path.join(root, 'out');
  const dir = path.join(editions, '2025', 'clearing-the-mines');
  await cp(path.join(PROJECT_ROOT, 'tests/fixtures/editions/2025/clearing-the-mines'), dir, {
    recursive: true,
  });
  await cp(
    path.join(PROJECT_ROOT, 'data/editions/2025/clearing-the-mines/kosovo.yaml'),
    kosovoFile(),
  );
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const build = (formats: ('csv' | 'pdf')[]) =>
  buildEdition({
    ...sharedBrowser(),
    editionsDir: editions,
    outDir: out,
    edition: 2025,
    formats,
    overview: true,
  });
const statuses = (s: Awaited<ReturnType<typeof build>>) =>
  s.results.map((r) => [r.country.country, r.status]);

describe('the overview files', () => {
  it('are written on their own by --formats overview, without any country profile', async () => {
    const summary = await build([]);
    expect(statuses(summary)).toEqual([['overview-2025', 'built']]);
    const files = overviewFiles(out, 2025, 'clearing-the-mines');
    const csv = await readFile(files.csv, 'utf8');
    expect(csv.split('\r\n').slice(0, 4)).toEqual([
      expect.stringMatching(
        /^\ufeffCountry,Contamination level,Estimate \(km²\),Article 5 status,/,
      ),
      'Arcadia,Heavy,36.48,State Party,2028-03-01,extended,Not on track,,2186450,1402300,3850000,1742,2540115,987640,0,2015,5.4,Average,1',
      'Kosovo,Light,1.12,Not party,,,,,47065,56822,0,8,29309,0,0,10,,,',
      'All countries,,,,,,,,2233515,1459122,3850000,1750,2569424,987640,0,2025,,,',
    ]);
    const json = JSON.parse(await readFile(files.json, 'utf8'));
    expect(json.ranking).toEqual([
      { rank: 1, country: 'Arcadia', score: 5.4, rating: 'Average', previousScore: 5.7 },
    ]);
    expect(json.rows[1].likelihood).toBeNull();
  });

  it('are skipped when no country changed, and rebuilt with only the corrected country', async () => {
    expect(statuses(await build(['csv']))).toEqual([
      ['arcadia', 'built'],
      ['kosovo', 'built'],
      ['overview-2025', 'skipped'],
    ]);
    const text = await readFile(kosovoFile(), 'utf8');
    await writeFile(
      kosovoFile(),
      text.replace('    clearance_m2: 47065', '    clearance_m2: 47605'),
    );
    expect(statuses(await build(['csv']))).toEqual([
      ['arcadia', 'skipped'],
      ['kosovo', 'built'],
      ['overview-2025', 'built'],
    ]);
    const csv = await readFile(overviewFiles(out, 2025, 'clearing-the-mines').csv, 'utf8');
    expect(csv).toContain('Kosovo,Light,1.12,Not party,,,,,47605,');
  });
});
