/**
 * A figure an editor checked by hand against a source the data does not hold, marked in the
 * text itself so that it travels with the sentence (and so with the next edition's
 * carry-forward, which keeps prose as it is):
 *
 *     nine women received childcare stipends   ->   {nine|checked: HALO email, 15 April 2025} women ...
 *
 * It prints as the figure alone. The source is required: a check nobody can retrace is not one.
 */
export const HAND_CHECK = /\{([^{}|=][^{}|]*)\|\s*checked:\s*([^{}]*)\}/g;

export interface HandCheck {
  figure: string;
  source: string;
  index: number;
}

export function handChecks(text: string): HandCheck[] {
  return [...text.matchAll(HAND_CHECK)].map((m) => ({
    figure: (m[1] ?? '').trim(),
    source: (m[2] ?? '').trim(),
    index: m.index ?? 0,
  }));
}

/** The text as printed: each hand-checked figure without its mark. */
export function withoutHandChecks(text: string): string {
  return text.replace(HAND_CHECK, (_m, figure: string) => figure.trim());
}
