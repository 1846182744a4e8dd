import type { ReleaseKind } from '../derive/land-release.js';
import type { MinePart } from '../derive/land-release.js';
import type { MissingKind } from '../../../schema/figure.js';

/**
 * Labels printed in more than one place (KEY DATA, tables, charts), defined once so that a
 * label has one casing everywhere: Mine Action Review's sentence case.
 */
export const RELEASE_LABELS: Record<ReleaseKind, string> = {
  clearance: 'Clearance',
  technical_survey: 'Technical survey',
  non_technical_survey: 'Non-technical survey',
};

export const MINES_DESTROYED_LABEL = 'AP mines destroyed';

export const MINE_PART_LABELS: Record<MinePart, string> = {
  during_clearance: 'During clearance',
  during_survey: 'During survey',
  spot_tasks: 'During spot tasks',
  other: 'Other',
};

/** A missing figure where it stands alone: "Not reported". */
export const MISSING_LABELS: Record<MissingKind, string> = {
  not_reported: 'Not reported',
  not_applicable: 'Not applicable',
  unknown: 'Unknown',
};

/** What a missing figure prints in a table cell; a line under the table says which kind. */
export const MISSING_CELL = '–';
