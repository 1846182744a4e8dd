/**
 * Property: whatever happens to a valid file (keys deleted or misspelt, values turned into
 * text, negatives, lists or nothing, the text cut short, garbage bytes inserted), `validate`
 * ends with "valid" or with located problems; it never throws. Cases are drawn from a seeded
 * generator, so a failure names the seed and case that reproduce it
 * (KEYDATA_PROPERTY_SEED=<seed> to run another sequence).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../src/commands/validate.js';
import { parseYaml } from '../../src/data/yaml-source.js';
import { REPORT_SCHEMAS } from '../../src/schema/index.js';
import { ARCADIA_FILE, ARCADIA_TEXT, KOSOVO_TEXT } from '../helpers/reports.js';
import { jsonSchemaCheck } from '../helpers/json-schema-check.js';

const SEED = Number(process.env.KEYDATA_PROPERTY_SEED ?? 20251015);
const CASES_PER_FILE = 150;

/** mulberry32: a small seeded generator, enough to draw reproducible cases. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)] as T };
}
type Rng = ReturnType<typeof prng>;

/** Every place in the document a mutation can hit: [parent collection, key or index]. */
function places(node: Node | null, out: [Node, unknown][] = []): [Node, unknown][] {
  if (isMap(node)) {
    for (const pair of node.items) {
      out.push([node, isScalar(pair.key) ? pair.key.value : pair.key]);
      places(pair.value as Node | null, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      out.push([node, i]);
      places(item as Node | null, out);
    });
  }
  return out;
}

const VALUES: unknown[] = [
  'n/a',
  '',
  '   ',
  -1,
  -47065,
  0.5,
  1e308,
  ['x'],
  [],
  {},
  null,
  true,
  '2025-02-30',
  'Kosovo: Republic',
  '[^nowhere]',
  '{=unknown}',
];

/** A structural mutation of the parsed document, written back as YAML. */
const parsedOnce = new Map<string, Document.Parsed>();
function mutateDocument(text: string, rng: Rng): { text: string; what: string } {
  if (!parsedOnce.has(text)) parsedOnce.set(text, parseDocument(text));
  const doc = (parsedOnce.get(text) as Document.Parsed).clone();
  const all = places(doc.contents as Node);
  const [parent, key] = rng.pick(all);
  const op = rng.int(3);
  if (op === 0) {
    (parent as unknown as { delete(k: unknown): void }).delete(key);
    return { text: doc.toString({ lineWidth: 0 }), what: `delete ${String(key)}` };
  }
  if (op === 1 && isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (pair && isScalar(pair.key)) {
      const k = String(key);
      const i = rng.int(k.length);
      pair.key.value = rng.next() < 0.5 ? `${k.slice(0, i)}${k.slice(i + 1)}` : `${k}_x`;
      return { text: doc.toString({ lineWidth: 0 }), what: `rename ${k}` };
    }
  }
  const value = rng.pick(VALUES);
  (parent as unknown as { set(k: unknown, v: unknown): void }).set(key, doc.createNode(value));
  return {
    text: doc.toString({ lineWidth: 0 }),
    what: `set ${String(key)} = ${JSON.stringify(value)}`,
  };
}

/** A mutation of the bytes: cut short, garbage inserted, a line dropped or shifted, a YAML character. */
function mutateBytes(text: string, rng: Rng): { bytes: Uint8Array; what: string } {
  const bytes = new TextEncoder().encode(text);
  const at = rng.int(bytes.length);
  switch (rng.int(5)) {
    case 0:
      return { bytes: bytes.subarray(0, at), what: `truncate at ${at}` };
    case 1: {
      const garbage = Uint8Array.from({ length: 1 + rng.int(16) }, () => rng.int(256));
      return {
        bytes: new Uint8Array([...bytes.subarray(0, at), ...garbage, ...bytes.subarray(at)]),
        what: `garbage at ${at}`,
      };
    }
    case 2: {
      const lines = text.split('\n');
      const i = rng.int(lines.length);
      lines.splice(i, 1);
      return { bytes: new TextEncoder().encode(lines.join('\n')), what: `drop line ${i + 1}` };
    }
    case 3: {
      const lines = text.split('\n');
      const i = rng.int(lines.length);
      lines[i] = rng.next() < 0.5 ? ` ${lines[i]}` : (lines[i] ?? '').replace(/^ /, '');
      return { bytes: new TextEncoder().encode(lines.join('\n')), what: `shift line ${i + 1}` };
    }
    default: {
      const c = new TextEncoder().encode(
        rng.pick([
          ':',
          '*',
          '&',
          '[',
          '{',
          '"',
          "'",
          '#',
          '\t',
          '- ',
          '? ',
          '|',
          '>',
          '%',
          '@',
          '!!',
        ]),
      );
      return {
        bytes: new Uint8Array([...bytes.subarray(0, at), ...c, ...bytes.subarray(at)]),
        what: `insert at ${at}`,
      };
    }
  }
}

let dir: string;
beforeAll(async () => {
  dir = path.join(
    await mkdtemp(path.join(tmpdir(), 'keydata-property-')),
    '2025',
    'clearing-the-mines',
  );
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, '_edition.yaml'),
    await readFile(path.join(path.dirname(ARCADIA_FILE), '_edition.yaml')),
  );
});
afterAll(async () => {
  await rm(path.dirname(path.dirname(dir)), { recursive: true, force: true });
});

describe.each([
  ['arcadia', ARCADIA_TEXT, 2],
  ['kosovo', KOSOVO_TEXT, 1],
])('validate on %s, mutated at random', (name, text, salt) => {
  it(`ends with "valid" or located problems, never an exception (${CASES_PER_FILE} cases, seed ${SEED})`, async () => {
    const rng = prng(SEED * 31 + salt);
    const check = jsonSchemaCheck('clearing-the-mines.json');
    let valid = 0;
    for (let n = 0; n < CASES_PER_FILE; n++) {
      const structural = rng.next() < 0.5;
      const m = structural ? mutateDocument(text, rng) : mutateBytes(text, rng);
      const bytes = 'bytes' in m ? m.bytes : new TextEncoder().encode(m.text);
      const file = path.join(dir, `${name}-${n}.yaml`);
      await writeFile(file, bytes);
      const label = `seed ${SEED}, ${name} case ${n}: ${m.what}`;
      const result = await validate({ files: [file], display: (f) => path.basename(f) }).catch(
        (err: unknown) => {
          throw new Error(`${label}: validate threw: ${(err as Error)?.stack ?? String(err)}`);
        },
      );
      const lines = new TextDecoder().decode(bytes).split('\n').length;
      for (const p of result.problems) {
        expect(p.file, label).toMatch(/^(kosovo|arcadia)-\d+\.yaml$|^_edition\.yaml$/);
        expect(
          Number.isInteger(p.line) && p.line >= 1 && p.line <= lines + 1,
          `${label}: line ${p.line}`,
        ).toBe(true);
        expect(Number.isInteger(p.column) && p.column >= 1, `${label}: column ${p.column}`).toBe(
          true,
        );
        expect(['error', 'warning', 'note'], label).toContain(p.severity);
        expect(typeof p.message === 'string' && p.message.length > 0, label).toBe(true);
      }
      if (!result.problems.some((p) => p.severity === 'error')) valid++;
      // What the zod schema accepts, the editors' JSON Schema accepts too.
      const parsed = parseYaml(bytes, file);
      if (
        parsed.ok &&
        REPORT_SCHEMAS['clearing-the-mines'].safeParse(parsed.source.value).success
      ) {
        expect(
          check(parsed.source.value),
          `${label}: zod accepts it but the JSON Schema does not: ${JSON.stringify(check.errors)}`,
        ).toBe(true);
      }
      await rm(file);
    }
    // The cases are not all trivially broken or all harmless.
    expect(valid).toBeGreaterThan(0);
    expect(valid).toBeLessThan(CASES_PER_FILE);
  });
});
