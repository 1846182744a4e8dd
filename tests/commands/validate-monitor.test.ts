/**
 * `keydata validate` on a Monitor profile with problems of every kind: all of them come back
 * in one run, schema and consistency together, each at its place in the file.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../src/commands/validate.js';
import { formatProblem } from '../../src/data/problem.js';
import { ROOT } from '../helpers/reports.js';

const PROFILE = `schema_version: 2
report: monitor-profile
edition: 2025
country: Testland
sections:
  mine_ban_policy:
    last_updated: 2025-06-01
    blocks:
      - p: Testland supports the ban.[^n1] {=no_such_value}
      - p: It has not said more.[^n9]
      - p: Testland spoke at the meeting.[^n2]
    notes:
      n1:
        cite: { kind: report, title: Landmine Policy, place: Washington, DC, date: 2024-08 }
      n2:
        cite: { kind: statement, author: Testland, title: Second Review Conference, date: 2021-09-20 }
  cluster_munition_ban_policy:
    last_updated: 2025-06-01
    blocks:
      - p: Testland has not joined.[^n1]
    notes:
      n1: { cite: { kind: email, author: A. Person, date: 2025-13-01 } }
  casualties_and_victim_assistance:
    last_updated: 2025-06-01
    casualty_figures:
      year: 2024
      all_known: { to_end_of: 2024, total: 10, killed: 4, injured: 6 }
      annual:
        - { year: 2023, total: 3, killed: 1, injured: 1, unknown_outcome: 1 }
    blocks:
      - table: casualty_overview
`;

let root: string;
let dir: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'keydata-validate-monitor-'));
  dir = path.join(root, '2025', 'monitor-profile');
  await mkdir(dir, { recursive: true });
  await copyFile(
    path.join(ROOT, 'data', 'editions', '2025', 'monitor-profile', '_edition.yaml'),
    path.join(dir, '_edition.yaml'),
  );
  await writeFile(path.join(dir, 'testland.yaml'), PROFILE);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('validate, a Monitor profile with many problems', () => {
  it('reports schema and consistency problems together, each located', async () => {
    // Line 14 fails the schema (a split value) and lines 9-10 fail the checks: a broken note
    // stands in as text, so the rest of its section is still checked; a section with another
    // schema problem (casualties) is left out of the checks, the others are not.
    const file = path.join(dir, 'testland.yaml');
    const { problems } = await validate({ files: [file], display: (f) => path.relative(root, f) });
    expect(problems.map(formatProblem)).toEqual([
      '2025/monitor-profile/testland.yaml:9:12: error: sections.mine_ban_policy.blocks.0.p: unknown derived value {=no_such_value}; known: none',
      "2025/monitor-profile/testland.yaml:10:12: error: sections.mine_ban_policy.blocks.1.p: cites footnote [^n9], which is not defined under this section's notes",
      '2025/monitor-profile/testland.yaml:14:74: error: sections.mine_ban_policy.notes.n1.cite.place: YAML ends an unquoted value at a comma, so "DC" was read as a field: quote this value: place: "Washington, DC"',
      '2025/monitor-profile/testland.yaml:16:59: warning: sections.mine_ban_policy.notes.n2.cite.title: a statement\'s title prints as a document "provided by statement of Testland"; give the meeting as event, or cite the text itself as kind: document',
      '2025/monitor-profile/testland.yaml:22:59: error: sections.cluster_munition_ban_policy.notes.n1.cite.date: not a calendar date',
      '2025/monitor-profile/testland.yaml:26:13: error: sections.casualties_and_victim_assistance.casualty_figures.year: annual has no entry for 2024, the year the key figures report',
    ]);
  });
});
