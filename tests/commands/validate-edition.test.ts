/** Edition totals stated in _edition.yaml against the sum of the countries' own figures. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../src/commands/validate.js';
import { formatProblem } from '../../src/data/problem.js';
import { PROJECT_ROOT } from '../../src/project.js';

let root: string;
let dir: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'keydata-edition-totals-'));
  dir = path.join(root, '2025', 'clearing-the-mines');
  await cp(path.join(PROJECT_ROOT, 'tests/fixtures/editions/2025/clearing-the-mines'), dir, {
    recursive: true,
  });
  await cp(
    path.join(PROJECT_ROOT, 'data/editions/2025/clearing-the-mines/kosovo.yaml'),
    path.join(dir, 'kosovo.yaml'),
  );
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function withTotals(totals: string) {
  const meta = path.join(dir, '_edition.yaml');
  const text = (await readFile(meta, 'utf8')).replace(/\nland_release_totals:[\s\S]*$/, '');
  await writeFile(meta, `${text.trimEnd()}\n${totals}`);
  const { problems } = await validate({ files: [root], display: (f) => path.relative(root, f) });
  return problems.filter((p) => p.path.startsWith('land_release_totals')).map(formatProblem);
}

describe('edition totals', () => {
  it("accept totals that are the sum of the countries' figures", async () => {
    expect(
      await withTotals('land_release_totals:\n  clearance_m2: 2233515\n  mines_destroyed: 1750\n'),
    ).toEqual([]);
  });

  it('warn at the stated total when it differs from the sum of the countries', async () => {
    expect(
      await withTotals('land_release_totals:\n  clearance_m2: 2234055\n  mines_destroyed: 1750\n'),
    ).toEqual([
      expect.stringMatching(
        /^2025\/clearing-the-mines\/_edition\.yaml:\d+:17: warning: land_release_totals\.clearance_m2: the edition total is 2,234,055m², but the 2 countries' own figures sum to 2,233,515m²$/,
      ),
    ]);
  });

  it('are not compared when only some countries are checked', async () => {
    await withTotals('land_release_totals:\n  clearance_m2: 1\n');
    const { problems } = await validate({ files: [path.join(dir, 'kosovo.yaml')] });
    expect(problems.filter((p) => p.path.startsWith('land_release_totals'))).toEqual([]);
  });
});
