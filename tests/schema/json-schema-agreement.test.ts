/**
 * The JSON Schemas editors get (schemas/*.json, read by VS Code's YAML extension) agree with
 * `keydata validate`: every sample data file passes them, an unknown key or a wrong type
 * fails them, and whatever the zod schemas accept they accept too. ajv stands in for the
 * editor's JSON Schema validator.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/data/yaml-source.js';
import { jsonSchemas } from '../../src/schema/json-schema.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests break parsed YAML on purpose (wrong types, missing fields), which no typed view of the data allows
type YamlData = Record<string, any>;
import { jsonSchemaCheck } from '../helpers/json-schema-check.js';
import { REPORT_SCHEMAS } from '../../src/schema/index.js';
import { ROOT } from '../helpers/reports.js';

async function yamlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await yamlFiles(full)));
    else if (e.name.endsWith('.yaml')) out.push(full);
  }
  return out.sort();
}

/** Which schema a data file should name: its report kind's, the edition's, or the reference data's. */
function schemaFor(file: string): string {
  const name = path.basename(file);
  if (name === '_edition.yaml') return 'edition.json';
  if (path.basename(path.dirname(file)) === 'reference')
    return `${name.replace(/\.yaml$/, '')}.json`;
  return `${path.basename(path.dirname(file))}.json`;
}

const DATA_FILES = [
  ...(await yamlFiles(path.join(ROOT, 'data'))),
  ...(await yamlFiles(path.join(ROOT, 'tests', 'fixtures', 'editions'))),
  ...(await yamlFiles(path.join(ROOT, 'tests', 'fixtures', 'cross-edition'))),
];
const rel = (f: string) => path.relative(ROOT, f);

describe('every data file', () => {
  it('is found', () => {
    expect(DATA_FILES.map(rel)).toContain('data/editions/2025/clearing-the-mines/kosovo.yaml');
    expect(DATA_FILES.map(rel)).toContain(
      'tests/fixtures/editions/2025/clearing-the-mines/arcadia.yaml',
    );
  });

  it.each(DATA_FILES.map(rel))('%s names its schema on its first line', async (file) => {
    const first = (await readFile(path.join(ROOT, file), 'utf8')).split('\n')[0] ?? '';
    const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(m, first).not.toBeNull();
    const target = path.resolve(path.dirname(path.join(ROOT, file)), m?.[1] ?? '');
    expect(rel(target)).toBe(`schemas/${schemaFor(file)}`);
  });

  it.each(DATA_FILES.map(rel))('%s passes its JSON Schema', async (file) => {
    const check = jsonSchemaCheck(schemaFor(file));
    const ok = check(parse(await readFile(path.join(ROOT, file), 'utf8')));
    expect(check.errors ?? [], file).toEqual([]);
    expect(ok).toBe(true);
  });
});

describe('the clearing-the-mines JSON Schema', () => {
  const check = jsonSchemaCheck('clearing-the-mines.json');
  const kosovo = async () =>
    parse(
      await readFile(path.join(ROOT, 'data/editions/2025/clearing-the-mines/kosovo.yaml'), 'utf8'),
    ) as YamlData;

  it('refuses an unknown key, at the top, nested, and inside one form of a union', async () => {
    const top = await kosovo();
    top.flag_colour = 'green';
    expect(check(top)).toBe(false);
    const nested = await kosovo();
    nested.land_release.comments.clearence = 'HALO data';
    expect(check(nested)).toBe(false);
    expect(check.errors?.map((e) => e.params)).toContainEqual({ additionalProperty: 'clearence' });
    const union = await kosovo();
    union.key_data.contamination.area_m3 = 5;
    expect(check(union)).toBe(false);
  });

  it('refuses a wrong type, a missing field, a negative area and a value outside a choice', async () => {
    for (const change of [
      (d: YamlData) => (d.land_release.current.clearance_m2 = 'n/a'),
      (d: YamlData) => delete d.land_release.current.mines_destroyed,
      (d: YamlData) => (d.tables.clearance_by_district.rows[1].area_m2 = -5),
      (d: YamlData) => (d.key_data.contamination.kind = 'areas'),
      (d: YamlData) => (d.sections[0].blocks[0] = { para: 'Text.' }),
    ]) {
      const d = await kosovo();
      change(d);
      expect(check(d)).toBe(false);
    }
  });

  it('accepts the optional change_reason and carries the field descriptions editors see', async () => {
    const d = await kosovo();
    d.key_data.contamination.change_reason = 'Re-survey of the West district.';
    expect(check(d)).toBe(true);
    const text = jsonSchemas().get('clearing-the-mines.json') ?? '';
    expect(text).toContain(
      "Why the estimate is not the previous edition's less the land released since",
    );
    expect(text).toContain('Area released through clearance, in m²');
  });
});

describe('agreement with keydata validate over the corpus of broken files', () => {
  const dir = path.join(ROOT, 'tests', 'fixtures', 'invalid', '2025', 'clearing-the-mines');
  it('refuses every file that the zod schema refuses for more than a cross-field rule', async () => {
    const check = jsonSchemaCheck('clearing-the-mines.json');
    let compared = 0;
    for (const name of (await readdir(dir)).filter(
      (n) => n.endsWith('.yaml') && !n.startsWith('_'),
    )) {
      const parsed = parseYaml(await readFile(path.join(dir, name)), name);
      if (!parsed.ok) continue; // not YAML an editor's schema check would see either
      const zod = REPORT_SCHEMAS['clearing-the-mines'].safeParse(parsed.source.value);
      const jsonOk = check(parsed.source.value);
      if (zod.success) {
        expect(jsonOk, `${name}: zod accepts it, so must the JSON Schema`).toBe(true);
      } else if (zod.error.issues.some((i) => i.code !== 'custom')) {
        // Cross-field rules (zod refinements, issue code "custom") are not in the JSON Schema.
        expect(
          jsonOk,
          `${name}: refused by zod (${zod.error.issues[0]?.code}), so by the JSON Schema`,
        ).toBe(false);
      }
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(30);
  });
});
