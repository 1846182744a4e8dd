/**
 * The first shipped migration, Clearing the Mines 1 -> 2: the Article 5 deadline becomes a
 * history. Schema 1 files (tests/fixtures/v1) upgrade, keep their comments and layout, then
 * validate and print the deadline as schema 1 printed it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { deadlinePhrases } from '../../../../src/derive/treaty-deadline.js';
import { documentText, migrateDocument } from '../../../../src/data/migrate.js';
import { reportFromText, ROOT } from '../../../helpers/reports.js';
import { filled } from '../../../../src/schema/figure.js';

const V1 = path.join(ROOT, 'tests', 'fixtures', 'v1', '2025', 'clearing-the-mines');
const v1 = (name: string) => readFileSync(path.join(V1, name), 'utf8');

function migrated(name: string) {
  const text = v1(name);
  const doc = parseDocument(text);
  const result = migrateDocument(doc, 'clearing-the-mines');
  const after = documentText(doc, text);
  return { text, result, after, report: reportFromText(after, name) };
}

const changedLines = (before: string, after: string) => {
  const a = before.split('\n');
  const b = after.split('\n');
  return {
    removed: a.filter((l) => !b.includes(l)),
    added: b.filter((l) => !a.includes(l)),
  };
};

const APMBC = { treaty: 'APMBC', article: 'Article 5' };
const phrases = (r: ReturnType<typeof migrated>['report']) => {
  const a = r.data.key_data.article5;
  return deadlinePhrases(a, APMBC, a.status === 'party' ? filled(a.progress) : undefined);
};

describe('Clearing the Mines 1 -> 2', () => {
  it('changes nothing in Kosovo but the version: not party stays as it is', () => {
    const { text, result, after, report } = migrated('kosovo.yaml');
    expect(result).toEqual({
      status: 'migrated',
      from: 1,
      to: 2,
      applied: [
        '1 -> 2: key_data.article5: deadline + extension become original_deadline, extensions and pending_request',
      ],
    });
    expect(changedLines(text, after)).toEqual({
      removed: ['schema_version: 1'],
      added: ['schema_version: 2'],
    });
    expect(phrases(report).line).toBe('Not party to the APMBC');
  });

  it('makes an extension granted the last of the extensions, in place, with a comment to complete it', () => {
    const { text, after, report } = migrated('arcadia.yaml');
    expect(changedLines(text, after).removed).toEqual([
      'schema_version: 1',
      '    deadline: 2028-03-01',
      '    extension: granted',
    ]);
    expect(after).toContain(
      "    # Migrated from schema 1, which kept only the extended deadline: add the original_deadline and each extension's decided date\n" +
        '    extensions:\n      - deadline: 2028-03-01\n    progress: not_on_track\n',
    );
    expect(after).toContain('# (Heavy) contamination estimate'); // the file's comments stay
    expect(phrases(report)).toEqual({
      heading: 'APMBC Article 5 deadline',
      line: '1 March 2028 (extended)',
      progress: 'Not on track',
    });
  });

  it('keeps an extension requested as the deadline in force with a request pending', () => {
    const { report, after } = migrated('borduria.yaml');
    expect(after).toContain('    original_deadline: 2028-03-01\n');
    expect(after).toMatch(
      /# Migrated from schema 1 .*add the deadline requested\n {4}pending_request: \{\}\n/,
    );
    expect(phrases(report)).toEqual({
      heading: 'APMBC Article 5 deadline',
      line: '1 March 2028',
      pending: '(request for extension pending)',
      progress: 'Not on track',
    });
  });

  it('reads extension: none as the original deadline', () => {
    const text = v1('arcadia.yaml').replace('extension: granted', 'extension: none');
    const doc = parseDocument(text);
    migrateDocument(doc, 'clearing-the-mines');
    const after = documentText(doc, text);
    expect(after).toContain('    original_deadline: 2028-03-01\n    progress: not_on_track\n');
    expect(phrases(reportFromText(after)).line).toBe('1 March 2028');
  });
});
