/**
 * A migration registry for tests only. keydata ships no migrations yet (every format is at
 * version 1), so the mechanism is tested with these made-up upgrades, injected where the
 * functions take a registry. They describe no real old format.
 */
import { isMap, type Document } from 'yaml';
import { renameKey, type MigrationRegistry } from '../../src/data/migrate.js';

export const TEST_MIGRATIONS: MigrationRegistry = {
  'clearing-the-mines': [
    {
      from: 1,
      summary: 'key_data.main_operators is now key_data.operators',
      up(doc: Document) {
        renameKey(doc, ['key_data'], 'main_operators', 'operators');
      },
    },
    {
      from: 2,
      summary: 'land_release states its unit',
      up(doc: Document) {
        const lr = doc.get('land_release', true);
        if (!isMap(lr)) throw new Error('land_release is not a mapping');
        lr.set('unit', 'm2');
      },
    },
  ],
  edition: [
    {
      from: 1,
      summary: 'licence is now spelt license',
      up(doc: Document) {
        renameKey(doc, [], 'licence', 'license');
      },
    },
  ],
};
