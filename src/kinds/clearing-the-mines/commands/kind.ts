import type { KindDefinition } from '../../../commands/kind-definition.js';
import { checkClearingTheMines } from '../derive/checks.js';
import { checkAcrossEditions } from '../derive/check-editions.js';
import { auditClearingTheMines } from '../derive/figures-audit.js';
import { CTM_OVERVIEW_WORDS, overviewRow } from '../derive/overview-row.js';
import { type ClearingTheMinesDerived, deriveClearingTheMines } from '../derive/report.js';
import { carryForwardCtm } from './new-edition.js';

/** Clearing the Mines (Mine Action Review, anti-personnel mines, Article 5 of the APMBC). */
export const clearingTheMines: KindDefinition<'clearing-the-mines', ClearingTheMinesDerived> = {
  derive: (report) => deriveClearingTheMines(report.data),
  check: (report, emit, where) => checkClearingTheMines(report.data, report.derived, emit, where),
  checkAcrossEditions,
  audit: (report) => auditClearingTheMines(report.data, report.derived),
  // Loaded when first used: a no-op rebuild, validate or diff never load the renderer.
  render: async (report) => (await import('../render/render.js')).renderClearingTheMines(report),
  nextEdition: { carryForward: carryForwardCtm },
  // The year reported is the one before the edition, and the year before it comes next:
  // the schema checks the second against the first, so neither can wait.
  addCountry: {
    given: (edition) => ({
      'land_release.current.year': edition - 1,
      'land_release.previous.year': edition - 2,
    }),
  },
  volume: {
    overview: {
      row: (slug, report) => overviewRow(slug, report.data, report.derived),
      words: CTM_OVERVIEW_WORDS,
    },
  },
};
