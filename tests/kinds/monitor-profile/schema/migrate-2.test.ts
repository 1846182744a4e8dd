import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { documentText, migrateDocument } from '../../../../src/data/migrate.js';
import { MonitorProfileReport } from '../../../../src/kinds/monitor-profile/schema/report.js';

const V1 = `schema_version: 1 # the format
report: monitor-profile
edition: 2014
country: Testland
sections:
  mine_action:
    last_updated: 2014-09-01
    blocks:
      - table: clearance
    tables:
      clearance:
        caption: Clearance in 2013
        columns:
          - label: null
          - { label: Area cleared (m²), numeric: true }
          - { label: Note, numeric: false }
        rows:
          - [HALO, 1200, text]
  casualties_and_victim_assistance:
    last_updated: 2014-11-24
    casualty_figures:
      year: 2013
      all_known: { to_end_of: 2013, total: 569, killed: 115, injured: 454 }
      # As published.
      in_year: { total: 0, killed: 0, injured: 0 }
      previous_year: { total: 7, killed: 1, injured: 6 }
      by_item_type: null
    blocks:
      - table: casualty_overview
`;

describe('Monitor profile migration 1 -> 2', () => {
  it('moves the two years of casualty figures into annual, and types the columns', () => {
    const doc = parseDocument(V1);
    const result = migrateDocument(doc, 'monitor-profile');
    expect(result).toMatchObject({ status: 'migrated', from: 1, to: 2 });
    const text = documentText(doc, V1);
    expect(text).toContain('schema_version: 2 # the format');
    // Flow collections are written padded or not, whichever keeps more of the file's lines.
    const unpadded = text.replace(/\{ /g, '{').replace(/ \}/g, '}');
    expect(unpadded).toContain(
      [
        '      # As published.',
        '      annual:',
        '        - {year: 2012, total: 7, killed: 1, injured: 6}',
        '        - {year: 2013, total: 0, killed: 0, injured: 0}',
        '      by_item_type: null',
      ].join('\n'),
    );
    expect(unpadded).toContain('- {label: Area cleared (m²), type: number}');
    expect(unpadded).toContain('- {label: Note}');
    expect(text).not.toMatch(/numeric|in_year|previous_year/);
    const parsed = MonitorProfileReport.safeParse(doc.toJS());
    expect(parsed.error?.issues).toBeUndefined();
  });

  it('leaves a version 1 file without casualty figures or tables as it was, but for the version', () => {
    const text = 'schema_version: 1\nreport: monitor-profile\nsections: {}\n';
    const doc = parseDocument(text);
    migrateDocument(doc, 'monitor-profile');
    expect(documentText(doc, text)).toBe(text.replace('schema_version: 1', 'schema_version: 2'));
  });
});
