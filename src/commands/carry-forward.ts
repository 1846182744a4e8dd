import { type Document, isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import { formatPath } from '../data/problem.js';
import { toFill } from '../data/to-fill.js';
import type { CarriedForward } from './kind-definition.js';

/**
 * What every kind with whole editions does to carry a country file forward (its own rule,
 * src/kinds/<kind>/commands/new-edition.ts, says which fields): edit the YAML document in
 * place so comments, key order and layout stay, and record each edit for the checklist.
 */
export type Path = (string | number)[];

/** The plain value at `path` (a YAML node read as JSON), or undefined. */
export const plainValue = (doc: Document, path: Path): unknown => {
  const node = doc.getIn(path, true) as Node | undefined;
  return node && typeof (node as { toJSON?: unknown }).toJSON === 'function'
    ? (node as unknown as { toJSON(): unknown }).toJSON()
    : node;
};

/** An editor of one document for edition `to`, and the checklist it fills. */
export function documentEditor(doc: Document, to: number) {
  const out: CarriedForward = { toFill: [], moved: [], review: [], mentionsOldYear: [] };
  const has = (path: Path) => doc.hasIn(path);
  /** Replaces the value at `path` with the to-fill marker, keeping the comment on its line. */
  const mark = (path: Path) => {
    if (!has(path)) return;
    const old = doc.getIn(path, true) as Node | undefined;
    const node = doc.createNode(toFill(to)) as YAMLMap;
    node.flow = true;
    if (old && 'comment' in old && old.comment) node.comment = old.comment;
    doc.setIn(path, node);
    out.toFill.push(formatPath(path));
  };
  /** Sets a scalar in place (its comments stay), or adds the field. */
  const set = (path: Path, value: unknown) => {
    const node = doc.getIn(path, true);
    if (isScalar(node)) node.value = value;
    else doc.setIn(path, value);
  };
  return { out, has, mark, set };
}

/** Every string under `value` that names `year`, by dotted path. */
export function collectMentions(value: unknown, path: Path, year: string, into: string[]): void {
  if (typeof value === 'string') {
    if (new RegExp(`\\b${year}\\b`).test(value)) into.push(formatPath(path));
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) collectMentions(v, [...path, i], year, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collectMentions(v, [...path, k], year, into);
  }
}

/** `status: draft`, right after `country:` when the file had no status. */
export function setStatusDraft(doc: Document): void {
  const node = doc.getIn(['status'], true);
  if (isScalar(node)) {
    node.value = 'draft';
    return;
  }
  const top = doc.contents;
  if (!isMap(top)) return;
  const at = top.items.findIndex((p) => isScalar(p.key) && p.key.value === 'country');
  top.items.splice(at < 0 ? top.items.length : at + 1, 0, doc.createPair('status', 'draft'));
}
