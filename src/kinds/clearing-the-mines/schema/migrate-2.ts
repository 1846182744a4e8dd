import { isMap, isScalar, type Document, type Pair, type YAMLMap } from 'yaml';
import type { Migration } from '../../../schema/migration.js';

/**
 * Clearing the Mines, schema 1 -> 2: the Article 5 deadline becomes a history.
 *
 * Schema 1 held one `deadline` and `extension: none | requested | granted`. Schema 2 holds
 * `original_deadline`, the `extensions` granted and a `pending_request`, so:
 * - none: the deadline is the original one;
 * - granted: the deadline is an extension's (its decision date and the original deadline
 *   were never recorded);
 * - requested: schema 1 did not say whether the date was the deadline in force or the one
 *   requested; it printed it as the deadline in force, so it stays that, and the request is
 *   pending with its deadline to add.
 * Everything else of schema 1 is valid schema 2 (a figure can now also be missing, a level
 * stated, a footnote given), so nothing else moves. Not party stays as it is.
 */
export const clearingTheMines2: Migration = {
  from: 1,
  summary:
    'key_data.article5: deadline + extension become original_deadline, extensions and pending_request',
  up(doc: Document) {
    const a5 = doc.getIn(['key_data', 'article5'], true);
    if (!isMap(a5) || scalarAt(a5, 'status') !== 'party') return;
    const at = a5.items.findIndex((p) => isScalar(p.key) && p.key.value === 'deadline');
    const deadline = a5.get('deadline', true);
    const extension = scalarAt(a5, 'extension') ?? 'none';
    if (at < 0 || deadline === undefined) return; // left for validation to report
    a5.delete('deadline');
    a5.delete('extension');
    const pairs: Pair[] = [];
    if (extension === 'granted') {
      const ext = doc.createNode([{ deadline: null }]);
      (ext.items[0] as YAMLMap).set('deadline', deadline);
      const pair = doc.createPair('extensions', ext);
      (pair.key as { commentBefore?: string }).commentBefore =
        " Migrated from schema 1, which kept only the extended deadline: add the original_deadline and each extension's decided date";
      pairs.push(pair);
    } else {
      pairs.push(doc.createPair('original_deadline', deadline));
    }
    if (extension === 'requested') {
      const pair = doc.createPair('pending_request', doc.createNode({}));
      (pair.key as { commentBefore?: string }).commentBefore =
        ' Migrated from schema 1 ("extension: requested" beside one deadline, printed as the deadline in force): add the deadline requested';
      pairs.push(pair);
    }
    a5.items.splice(at, 0, ...pairs);
  },
};

function scalarAt(map: YAMLMap, key: string): unknown {
  const node = map.get(key, true);
  return isScalar(node) ? node.value : undefined;
}
