import type { ReportKind } from '../schema/report-kind.js';
import { MONITOR_SECTIONS } from '../kinds/monitor-profile/schema/report.js';

/**
 * What `keydata add-country` cannot read from a kind's schema, in one place (the report-kind
 * registry is where it belongs once there is one). Everything else of the new file comes
 * from the schema (src/data/schema-template.ts).
 */
export interface AddCountryKind {
  /** Values the kind's checks tie to the edition, by dotted path. */
  given?: (edition: number) => Record<string, unknown>;
  /** Optional parts a new country needs written out (not commented), by dotted path. */
  live?: readonly string[];
}

export const ADD_COUNTRY_KINDS: Record<ReportKind, AddCountryKind> = {
  // The year reported is the one before the edition, and the year before it comes next:
  // the schema checks the second against the first, so neither can wait.
  'clearing-the-mines': {
    given: (edition) => ({
      'land_release.current.year': edition - 1,
      'land_release.previous.year': edition - 2,
    }),
  },
  // The same two years as Clearing the Mines: the schema checks one against the other.
  'clearing-cluster-munition-remnants': {
    given: (edition) => ({
      'land_release.current.year': edition - 1,
      'land_release.previous.year': edition - 2,
    }),
  },
  // A profile with no earlier edition inherits nothing: every section is written, to fill.
  'monitor-profile': {
    live: MONITOR_SECTIONS.map(({ key }) => `sections.${key}`),
  },
};
