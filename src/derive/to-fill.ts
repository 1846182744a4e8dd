import { toFillText } from '../data/to-fill.js';
import type { Gap } from '../schema/figure.js';

/**
 * How a value still to fill reads wherever it would stand in a draft: "TO FILL 2026". The
 * render layer highlights it (src/render/to-fill-mark.ts); derive treats the value as unknown.
 */
export { toFillText } from '../data/to-fill.js';

/** True for a derived text that is the mark of a value still to fill (a prose {=name}). */
export const isToFillText = (text: string): boolean => /^TO FILL \d{4}$/.test(text);

/** An absent figure in running text: "not reported", or "TO FILL 2026". */
export function gapWords(
  x: { missing: Gap | undefined; toFill?: number | undefined },
  words: Record<Gap, string>,
): string {
  if (x.missing === 'to_fill' && x.toFill !== undefined) return toFillText(x.toFill);
  return words[x.missing ?? 'unknown'];
}
