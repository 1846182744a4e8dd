/**
 * The migration mechanism: versions, the registry, and upgrading a YAML document in place so
 * that comments and layout survive. keydata ships no migration yet (every format is at
 * version 1); the mechanism is tested with a test-only registry.
 */
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  currentVersion,
  documentText,
  FIRST_VERSION,
  MIGRATIONS,
  migrateDocument,
  renameKey,
  versionMessage,
  versionProblem,
  type FileKind,
} from '../../src/data/migrate.js';
import { schemasAt } from '../../src/data/schema-walk.js';
import { parseYaml } from '../../src/data/yaml-source.js';
import { EditionMeta } from '../../src/schema/edition.js';
import { REPORT_KINDS, REPORT_SCHEMAS } from '../../src/schema/index.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/reports.js';
import { TEST_MIGRATIONS } from '../helpers/test-migrations.js';

// Kosovo as written for schema 1: the made-up test migrations upgrade it from there.
const KOSOVO_TEXT = readFileSync(
  path.join(ROOT, 'tests/fixtures/v1/2025/clearing-the-mines/kosovo.yaml'),
  'utf8',
);

describe('the shipped registry', () => {
  it('upgrades Clearing the Mines and Monitor profiles to version 2; edition metadata and Clearing Cluster Munition Remnants are at 1', () => {
    expect(Object.keys(MIGRATIONS).sort()).toEqual([
      'clearing-cluster-munition-remnants',
      'clearing-the-mines',
      'monitor-profile',
    ]);
    expect(currentVersion('clearing-cluster-munition-remnants')).toBe(FIRST_VERSION);
    expect(currentVersion('clearing-the-mines')).toBe(2);
    expect(MIGRATIONS['monitor-profile']?.map((m) => m.from)).toEqual([1]);
    expect(currentVersion('monitor-profile')).toBe(2);
    expect(currentVersion('edition')).toBe(FIRST_VERSION);
  });

  it("agrees with each schema's schema_version: the schema accepts the current version and no other", () => {
    const schemas: [FileKind, Parameters<typeof schemasAt>[0]][] = [
      ...REPORT_KINDS.map(
        (k) => [k, REPORT_SCHEMAS[k]] as [FileKind, Parameters<typeof schemasAt>[0]],
      ),
      ['edition', EditionMeta],
    ];
    for (const [kind, schema] of schemas) {
      const [field] = schemasAt(schema, ['schema_version']);
      const v = currentVersion(kind);
      expect(field?.safeParse(v).success, `${kind} accepts ${v}`).toBe(true);
      expect(field?.safeParse(v - 1).success, `${kind} refuses ${v - 1}`).toBe(false);
      expect(field?.safeParse(v + 1).success, `${kind} refuses ${v + 1}`).toBe(false);
    }
  });
});

describe('versions', () => {
  it('are one more than the last migration', () => {
    expect(currentVersion('clearing-the-mines', TEST_MIGRATIONS)).toBe(3);
    expect(currentVersion('edition', TEST_MIGRATIONS)).toBe(2);
    expect(currentVersion('monitor-profile', TEST_MIGRATIONS)).toBe(1);
  });

  it('refuse a registry with a gap', () => {
    const gap = { edition: [{ from: 2, summary: 'x', up: () => undefined }] };
    expect(() => currentVersion('edition', gap)).toThrow(/not consecutive/);
  });

  it('say what to do about an old, a future and an impossible version', () => {
    expect(versionMessage(1, 'clearing-the-mines', TEST_MIGRATIONS)).toBe(
      'schema_version 1 is older than 3: run keydata migrate',
    );
    expect(versionMessage(3, 'clearing-the-mines', TEST_MIGRATIONS)).toBeUndefined();
    expect(versionMessage(4, 'clearing-the-mines', TEST_MIGRATIONS)).toBe(
      'schema_version 4 is newer than this keydata reads (3): update keydata',
    );
    expect(versionMessage(0, 'clearing-the-mines', TEST_MIGRATIONS)).toBe(
      'schema_version 0 is not a version keydata has had; the first is 1',
    );
  });

  it('make an old file a located problem at its schema_version', () => {
    const parsed = parseYaml(new TextEncoder().encode(KOSOVO_TEXT), 'kosovo.yaml');
    if (!parsed.ok) throw new Error('Kosovo parses');
    expect(versionProblem(parsed.source, 'edition')).toBeUndefined();
    expect(versionProblem(parsed.source, 'clearing-the-mines')?.message).toBe(
      'schema_version 1 is older than 2: run keydata migrate',
    );
    expect(versionProblem(parsed.source, 'clearing-the-mines', TEST_MIGRATIONS)).toEqual({
      file: 'kosovo.yaml',
      line: 2,
      column: 17,
      severity: 'error',
      path: '',
      message: 'schema_version 1 is older than 3: run keydata migrate',
    });
  });
});

describe('migrateDocument', () => {
  it('upgrades Kosovo step by step, changing only the migrated lines: comments and layout survive', () => {
    const doc = parseDocument(KOSOVO_TEXT);
    expect(migrateDocument(doc, 'clearing-the-mines', TEST_MIGRATIONS)).toEqual({
      status: 'migrated',
      from: 1,
      to: 3,
      applied: [
        '1 -> 2: key_data.main_operators is now key_data.operators',
        '2 -> 3: land_release states its unit',
      ],
    });
    const before = KOSOVO_TEXT.split('\n');
    const after = documentText(doc, KOSOVO_TEXT).split('\n');
    expect(after[0]).toBe(before[0]); // the `# yaml-language-server: $schema=...` comment
    const changed = before.map((line, i) => [line, after[i]]).filter(([a, b]) => a !== b);
    expect(changed[0]).toEqual(['schema_version: 1', 'schema_version: 3']);
    expect(changed[1]).toEqual(['  main_operators:', '  operators:']);
    // land_release gained one line (after its last entry); everything before it is unchanged.
    expect(after.length).toBe(before.length + 1);
    expect(after.filter((l) => l === '  unit: m2')).toHaveLength(1);
    expect(after.slice(after.indexOf('  unit: m2') + 1)).toEqual(
      before.slice(after.indexOf('  unit: m2')),
    );
  });

  it('keeps a comment on the schema_version line', () => {
    const doc = parseDocument('schema_version: 1 # the data format\nlicence: CC\n');
    migrateDocument(doc, 'edition', TEST_MIGRATIONS);
    expect(documentText(doc)).toBe('schema_version: 2 # the data format\nlicense: CC\n');
  });

  it('leaves a current file alone', () => {
    const doc = parseDocument(KOSOVO_TEXT);
    expect(migrateDocument(doc, 'edition')).toEqual({ status: 'current', version: 1 });
    expect(documentText(doc, KOSOVO_TEXT)).toBe(KOSOVO_TEXT);
  });

  it('writes flow collections the way the file does', () => {
    for (const text of [
      'schema_version: 1\nrows:\n  - [EU, 1]\n',
      'schema_version: 1\nmarks: { operator: "*" }\n',
    ]) {
      expect(documentText(parseDocument(text), text)).toBe(text);
    }
  });

  it('fails, without changing anything it can avoid, on a file it cannot upgrade', () => {
    expect(migrateDocument(parseDocument('country: X\n'), 'edition', TEST_MIGRATIONS)).toEqual({
      status: 'failed',
      message: 'no schema_version (a whole number) to migrate from',
    });
    expect(
      migrateDocument(parseDocument('schema_version: 9\n'), 'edition', TEST_MIGRATIONS),
    ).toMatchObject({ status: 'failed', message: expect.stringMatching(/newer/) });
    expect(
      migrateDocument(
        parseDocument('schema_version: 1\nland_release: [1]\n'),
        'clearing-the-mines',
        TEST_MIGRATIONS,
      ),
    ).toEqual({
      status: 'failed',
      message: 'migration from version 2 failed: land_release is not a mapping',
    });
  });
});

describe('renameKey', () => {
  it('renames in place, keeping the value and the comments around it', () => {
    const doc = parseDocument('a:\n  # before\n  old: 1 # after\n  other: 2\n');
    expect(renameKey(doc, ['a'], 'old', 'new')).toBe(true);
    expect(documentText(doc)).toBe('a:\n  # before\n  new: 1 # after\n  other: 2\n');
    expect(renameKey(doc, ['a'], 'missing', 'x')).toBe(false);
    expect(renameKey(doc, ['nowhere'], 'old', 'x')).toBe(false);
  });
});
