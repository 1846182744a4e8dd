import type { MinePart } from '../derive/land-release.js';

export { MISSING_CELL, MISSING_LABELS, RELEASE_LABELS } from '../../../render/key-data.js';

/** Labels of Clearing the Mines alone; those of every Mine Action Review kind are shared. */
export const MINES_DESTROYED_LABEL = 'AP mines destroyed';

export const MINE_PART_LABELS: Record<MinePart, string> = {
  during_clearance: 'During clearance',
  during_survey: 'During survey',
  spot_tasks: 'During spot tasks',
  other: 'Other',
};
