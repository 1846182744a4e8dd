/**
 * Chromium names tagged-PDF structure elements after renderer DOM node ids
 * ("(node00000045)"), which differ from run to run. Renumbering them in their own order
 * (the k-th smallest becomes node0000000k) keeps every reference and the sorted ID tree
 * valid, keeps every byte offset (same width), and makes the same input print the same bytes.
 */
const STRUCT_ID = /\(node(\d{8})\)/g;

export function normaliseStructureIds(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const ids = [...new Set([...text.matchAll(STRUCT_ID)].map((m) => m[1] as string))].sort();
  if (ids.length === 0) return pdf;
  const renumber = new Map(ids.map((id, k) => [id, String(k + 1).padStart(8, '0')]));
  const out = text.replace(STRUCT_ID, (_, id: string) => `(node${renumber.get(id)})`);
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
