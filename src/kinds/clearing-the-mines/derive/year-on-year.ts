import { formatArea } from '../../../derive/format.js';
import type { Reported } from './land-release.js';
import type { Gap } from '../../../schema/figure.js';
import { gapWords } from '../../../derive/to-fill.js';

/** How a land release output is described in prose, e.g. "cleared". */
export const RELEASE_VERBS = {
  clearance: 'cleared',
  technical_survey: 'reduced through technical survey',
  non_technical_survey: 'cancelled through non-technical survey',
} as const;

/** A missing figure in running text: "not reported". */
export const MISSING_WORDS: Record<Gap, string> = {
  not_reported: 'not reported',
  not_applicable: 'not applicable',
  unknown: 'unknown',
  to_fill: 'still to fill',
};

/**
 * House wording for a year-on-year comparison of an area, as in
 * "This is an increase from the 29,309m² cleared in 2023". A missing figure is said to be
 * missing, never compared as 0.
 */
export function areaChangeWording(
  current: Reported,
  previous: Reported,
  previousYear: number,
  verb: string,
): string {
  if (current.value === undefined)
    return previous.value === undefined
      ? `not comparable with ${previousYear}, for which the area ${verb} was ${gapWords(previous, MISSING_WORDS)} too`
      : previous.value === 0
        ? `not comparable with ${previousYear}, when no mined area was ${verb}`
        : `not comparable with the ${formatArea(previous.value)} ${verb} in ${previousYear}`;
  if (previous.value === undefined)
    return `no comparison with ${previousYear}, for which the area ${verb} was ${gapWords(previous, MISSING_WORDS)}`;
  return numericChange(current.value, previous.value, previousYear, verb);
}

function numericChange(current: number, previous: number, previousYear: number, verb: string) {
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
  return `${kind} the ${formatArea(previous)} ${verb} in ${previousYear}`;
}
