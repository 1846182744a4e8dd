/**
 * The report-kind registry at run time. Its compile-time half, that a kind or a part left out
 * does not compile, is tests/commands/kinds.types.ts (type-checked by `npm test`).
 */
import { describe, expect, it } from 'vitest';
import { KIND_PAGES, kindPage } from '../../src/commands/kind-pages.js';
import { definitionOf, KINDS } from '../../src/commands/kinds.js';
import { KIND_FILES, kindFiles } from '../../src/schema/kind-files.js';
import { KIND_SCHEMAS } from '../../src/schema/kinds.js';
import { REPORT_KINDS } from '../../src/schema/report-kind.js';

describe('report-kind registry', () => {
  it('holds one definition per kind of the schema-level part, in the same order', () => {
    expect(Object.keys(KINDS)).toEqual(REPORT_KINDS);
    expect(Object.keys(KIND_SCHEMAS)).toEqual(REPORT_KINDS);
    expect(Object.keys(KIND_FILES)).toEqual(REPORT_KINDS);
    expect(Object.keys(KIND_PAGES)).toEqual(REPORT_KINDS);
  });

  it("keeps each kind's file settings in one place: its schema-level part spreads the same settings", () => {
    for (const kind of REPORT_KINDS) {
      const { schema: _schema, migrations: _migrations, ...settings } = KIND_SCHEMAS[kind];
      expect(settings, kind).toEqual(kindFiles(kind));
    }
    // The two kinds that differ in every setting are told apart (the check compares values).
    expect(kindFiles('monitor-profile')).not.toEqual(kindFiles('clearing-the-mines'));
  });

  it('answers every kind with its own definition, each part present (null only where a kind has none)', () => {
    for (const kind of REPORT_KINDS) {
      const def = definitionOf(kind);
      expect(def).toBe(KINDS[kind]);
      for (const part of [
        'derive',
        'check',
        'checkAcrossEditions',
        'audit',
        'render',
        'nextEdition',
        'volume',
      ] as const)
        expect(def[part], `${kind}.${part}`).not.toBeUndefined();
      expect(kindPage(kind).templates).toBeTruthy();
      expect(kindPage(kind).styles.length).toBeGreaterThan(0);
    }
  });
});
