/**
 * Deep block nesting (thousands of "- " levels, or lists and mappings indented level after
 * level) used to crash validate, diff, migrate and new-edition with a RangeError stack
 * trace (exit 70) and hide the other files' problems. It is capped like flow nesting: a
 * located error, and every other file is still reported.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excessiveBlockNesting, MAX_BLOCK_NESTING } from '../../src/data/yaml-errors.js';
import { parseYaml } from '../../src/data/yaml-source.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { runCli } from '../helpers/run-cli.js';

const HEAD =
  'schema_version: 1\nreport: clearing-the-mines\nedition: 2025\ncountry: Deep\nsections:\n';
const DEEP = {
  'one-line': `${HEAD}  ${'- '.repeat(2500)}x\n`,
  indented: `${HEAD}${Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i + 1)}-`).join('\n')}\n`,
  mappings: `${HEAD}${Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')}\n`,
  mixed: `${HEAD}${Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i + 1)}- k:`).join('\n')}\n`,
};

describe('block nesting', () => {
  it(`is refused past ${MAX_BLOCK_NESTING} levels, at the line where it passes, in every form`, () => {
    for (const [name, text] of Object.entries(DEEP)) {
      const parsed = parseYaml(new TextEncoder().encode(text), `${name}.yaml`);
      expect(parsed.ok, name).toBe(false);
      const p = parsed.ok ? undefined : parsed.problems[0];
      expect(p?.message, name).toBe(
        `YAML: nested more than ${MAX_BLOCK_NESTING} levels deep (indented lists and mappings); refused as a nesting bomb`,
      );
      expect(p?.line, name).toBeGreaterThanOrEqual(6);
    }
  });

  it('allows what real data does: block scalars, long lists, a few levels', async () => {
    const kosovo = await readFile(
      path.join(PROJECT_ROOT, 'data/editions/2014/monitor-profile/kosovo.yaml'),
      'utf8',
    );
    expect(excessiveBlockNesting(kosovo)).toBeUndefined();
    const sixty = `${Array.from({ length: 60 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n`;
    expect(excessiveBlockNesting(sixty)).toBeUndefined();
    expect(excessiveBlockNesting(`${'- '.repeat(MAX_BLOCK_NESTING - 1)}x`)).toBeUndefined();
    expect(excessiveBlockNesting(`${'- '.repeat(MAX_BLOCK_NESTING)}x`)).toBe(
      2 * MAX_BLOCK_NESTING - 2 + 2,
    );
  });

  describe('in the commands', () => {
    let root: string;
    let dir: string;
    beforeAll(async () => {
      root = await mkdtemp(path.join(os.tmpdir(), 'keydata-deep-'));
      dir = path.join(root, 'data', 'editions', '2025', 'clearing-the-mines');
      await mkdir(dir, { recursive: true });
      await cp(path.join(PROJECT_ROOT, 'data/editions/2025/clearing-the-mines'), dir, {
        recursive: true,
      });
      for (const [name, text] of Object.entries(DEEP))
        await writeFile(path.join(dir, `deep-${name}.yaml`), text);
    });
    afterAll(async () => {
      await rm(root, { recursive: true, force: true });
    });

    it('validate reports each deep file at its line and still reports the others', async () => {
      const r = await runCli(['validate', path.join(root, 'data', 'editions')], root);
      expect(r.code).toBe(1);
      for (const name of Object.keys(DEEP))
        expect(r.stdout + r.stderr).toMatch(
          new RegExp(`deep-${name}\\.yaml:\\d+:\\d+: error: YAML: nested more than 64 levels`),
        );
      expect(r.stdout + r.stderr).toMatch(
        /kosovo\.yaml:155:7: warning: tables\.clearance_by_district\.rows/,
      );
      expect(r.stdout + r.stderr).not.toMatch(/RangeError|internal error|\n\s+at /);
    });

    it('diff, migrate and new-edition give the located error, no stack trace', async () => {
      const deep = path.join(dir, 'deep-one-line.yaml');
      const runs = [
        await runCli(['diff', deep, path.join(dir, 'kosovo.yaml')], root),
        await runCli(['migrate', '--check', path.join(root, 'data', 'editions')], root),
        await runCli(
          ['new-edition', '2026', '--from', '2025', '--data', path.join(root, 'data')],
          root,
        ),
      ];
      for (const r of runs) {
        expect(r.code).not.toBe(70);
        expect(r.stdout + r.stderr).toMatch(
          /deep-[a-z-]+\.yaml:\d+:\d+: error: YAML: nested more than 64 levels/,
        );
        expect(r.stdout + r.stderr).not.toMatch(/RangeError|internal error|\n\s+at /);
      }
    });
  });
});
