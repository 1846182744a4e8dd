/**
 * `keydata add-country` (issue 12, point 11): a new country's file, written from the kind's
 * schema alone, for every report kind: every field appears under its description, it
 * validates as a draft, builds as one with its marks, and --final refuses it until filled.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { addCountry } from '../../src/commands/add-country.js';
import { buildEdition } from '../../src/commands/build.js';
import { newEdition } from '../../src/commands/new-edition.js';
import { validate } from '../../src/commands/validate.js';
import { formatProblem } from '../../src/data/problem.js';
import { UserError } from '../../src/errors.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { REPORT_KINDS, REPORT_SCHEMAS } from '../../src/schema/index.js';
import { pdfPages } from '../support/pdf-text.js';
import { withoutSamples } from '../helpers/samples.js';
import { sharedBrowser } from '../support/shared-browser.js';

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Every field name of a schema, at any depth, through every form of every union. */
function fieldNames(s: z.ZodType, into = new Set<string>(), seen = new Set<z.ZodType>()) {
  if (seen.has(s)) return into;
  seen.add(s);
  const def = defOf(s);
  const inner = (def.innerType ?? def.in ?? def.element ?? def.valueType) as z.ZodType | undefined;
  if (inner) fieldNames(inner, into, seen);
  for (const o of (def.options as z.ZodType[] | undefined) ?? []) fieldNames(o, into, seen);
  for (const [k, v] of Object.entries((def.shape as Record<string, z.ZodType>) ?? {})) {
    into.add(k);
    fieldNames(v, into, seen);
  }
  return into;
}

describe('adding a country to an edition', () => {
  let root: string;
  let editions: string;
  let out: string;
  const file = (kind: string) => path.join(editions, '2025', kind, 'zenda.yaml');

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'keydata-add-country-'));
    editions = path.join(root, 'data', 'editions');
    out = path.join(root, 'out');
    await cp(path.join(PROJECT_ROOT, 'data'), path.join(root, 'data'), {
      recursive: true,
      filter: withoutSamples,
    });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  for (const kind of REPORT_KINDS) {
    describe(kind, () => {
      it('writes every field of the schema, each under its description', async () => {
        const r = await addCountry({
          edition: 2025,
          kind,
          country: 'zenda',
          editionsDir: editions,
        });
        expect(r.file).toBe(file(kind));
        expect(r.toFill.length).toBeGreaterThan(0);
        const text = await readFile(r.file, 'utf8');
        // A field may appear as written, commented out, or in the description of its forms
        // ("{ value: N, note: ... }"); the to-fill marker itself is not a field.
        const missing = [...fieldNames(REPORT_SCHEMAS[kind])].filter(
          (k) => k !== 'to_fill' && !new RegExp(`(^[#\\s-]*|[{,] )${k}:`, 'm').test(text),
        );
        expect(missing).toEqual([]);
        expect(text).toMatch(/^country: Zenda$/m);
        expect(text).toMatch(/^status: draft$/m);
        // The comments are the schema's own descriptions.
        expect(text).toContain('# The country or territory as printed, e.g. "Kosovo"');
      });

      it('validates as a draft: each value to fill a warning, no error; --final makes each an error', async () => {
        const draft = await validate({ files: [file(kind)], editionsDir: editions });
        const own = draft.problems.filter((p) => p.file === file(kind) && p.severity !== 'note');
        expect(own.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
        const marks = own.filter((p) => /still to fill for the 2025 edition/.test(p.message));
        expect(marks.length).toBeGreaterThan(0);
        expect(marks.every((p) => p.severity === 'warning')).toBe(true);
        const final = await validate({ files: [file(kind)], editionsDir: editions, final: true });
        const errors = final.problems.filter(
          (p) => p.file === file(kind) && p.severity === 'error',
        );
        expect(errors.length).toBe(marks.length);
      });

      it('builds as a draft, printing TO FILL 2025 where values are to come; --final refuses it', async () => {
        const s = await buildEdition({
          ...sharedBrowser(),
          editionsDir: editions,
          outDir: out,
          edition: 2025,
          kind,
          country: 'zenda',
          formats: ['pdf'],
        });
        expect(s.results.map((r) => r.status)).toEqual(['built']);
        const pdf = path.join(out, '2025', kind, 'zenda.pdf');
        expect(pdfPages(pdf).join(' ')).toContain('TO FILL 2025');
        const final = await buildEdition({
          ...sharedBrowser(),
          editionsDir: editions,
          outDir: out,
          edition: 2025,
          kind,
          country: 'zenda',
          formats: ['pdf'],
          final: true,
        });
        expect(final.results.map((r) => r.status)).toEqual(['failed']);
        expect(final.results[0]?.problems.some((p) => /still to fill/.test(p.message))).toBe(true);
      });
    });
  }

  it('carries a draft Monitor country into the next edition: what it inherits still to fill stays a draft warning, refused by --final', async () => {
    await newEdition({ to: 2026, from: 2025, kind: 'monitor-profile', editionsDir: editions });
    const next = path.join(editions, '2026', 'monitor-profile', 'zenda.yaml');
    const draft = await validate({ files: [next], editionsDir: editions });
    expect(draft.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    const inherited = draft.problems.filter((p) => p.file === file('monitor-profile'));
    expect(inherited.length).toBeGreaterThan(0);
    expect(
      inherited.every((p) => p.severity === 'warning' && /still to fill/.test(p.message)),
    ).toBe(true);
    // Once the new edition's own date is given, --final names each inherited value to fill.
    const meta = path.join(editions, '2026', 'monitor-profile', '_edition.yaml');
    await writeFile(
      meta,
      (await readFile(meta, 'utf8')).replace(/\{ ?to_fill: 2026 ?\}/, '2026-10-01'),
    );
    const final = await validate({ files: [next], editionsDir: editions, final: true });
    const errors = final.problems.filter((p) => p.severity === 'error');
    expect(errors.length).toBe(inherited.length);
    expect(errors.every((p) => p.file === file('monitor-profile'))).toBe(true);
  });

  it('never overwrites a file, and refuses a bad file name or an edition that does not exist', async () => {
    const kosovo = path.join(editions, '2025', 'clearing-the-mines', 'kosovo.yaml');
    const before = await readFile(kosovo, 'utf8');
    const refused = (o: Parameters<typeof addCountry>[0]) =>
      addCountry(o).then(
        () => undefined,
        (e: unknown) => (e instanceof UserError ? `${e.exitCode}: ${e.message}` : String(e)),
      );
    const base = { edition: 2025, kind: 'clearing-the-mines' as const, editionsDir: editions };
    expect(await refused({ ...base, country: 'kosovo' })).toMatch(
      /^2: .*kosovo\.yaml already exists: add-country never overwrites a file$/,
    );
    expect(await readFile(kosovo, 'utf8')).toBe(before);
    for (const bad of ['../kosovo', 'Kosovo', 'a_b', '-x', 'x-', ''])
      expect(await refused({ ...base, country: bad })).toMatch(/^2: the country's file name/);
    expect(await refused({ ...base, edition: 2031, country: 'x' })).toMatch(
      /^2: no clearing-the-mines edition 2031 .*: start it with keydata new-edition 2031$/,
    );
  });
});
