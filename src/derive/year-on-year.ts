import { formatM2 } from './format.js';

/** How a land release output is described in prose, e.g. "cleared". */
export const RELEASE_VERBS = {
  clearance: 'cleared',
  technical_survey: 'reduced through technical survey',
  non_technical_survey: 'cancelled through non-technical survey',
} as const;

/**
 * House wording for a year-on-year comparison of an area, as in
 * "This is an increase from the 29,309m² cleared in 2023".
 */
export function areaChangeWording(
  current: number,
  previous: number,
  previousYear: number,
  verb: string,
): string {
  if (previous === 0) {
    return current === 0
      ? `no change from ${previousYear}, when no mined area was ${verb} either`
      : `an increase from ${previousYear}, when no mined area was ${verb}`;
  }
  const kind =
    current > previous
      ? 'an increase from'
      : current < previous
        ? 'a decrease from'
        : 'the same as';
  return `${kind} the ${formatM2(previous)} ${verb} in ${previousYear}`;
}
