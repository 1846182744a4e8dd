/**
 * What every kind's prose shares: an item of text with its place, footnote references [^id]
 * and derived values {=name}. Each kind walks its own texts in print order
 * (src/kinds/<kind>/derive/prose.ts).
 */

/** One Markdown string of the report, with the field path it came from. */
export interface ProseItem {
  path: (string | number)[];
  text: string;
}

export const NOTE_REF = /\[\^([A-Za-z0-9][A-Za-z0-9_.-]*)\]/g;
/** {=name}, {=table:key}, or an area with its unit fixed: {=clearance_m2|km2}. */
export const PLACEHOLDER = /\{=([a-z][a-z0-9_]*(?::[a-z][a-z0-9_]*)?(?:\|(?:m2|km2))?)\}/g;

export function noteRefs(text: string): string[] {
  return [...text.matchAll(NOTE_REF)].map((m) => m[1] as string);
}

export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}
