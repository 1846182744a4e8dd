import type { KindDefinition } from '../../../commands/kind-definition.js';
import { checkCmr } from '../derive/checks.js';
import { auditCmr } from '../derive/figures-audit.js';
import { CMR_OVERVIEW_WORDS, cmrOverviewRow } from '../derive/overview-row.js';
import { type CmrDerived, deriveCmr } from '../derive/report.js';
import { carryForwardCmr } from './new-edition.js';

/**
 * Clearing Cluster Munition Remnants (Mine Action Review, cluster munition remnants, Article 4
 * of the Convention on Cluster Munitions).
 */
export const clearingClusterMunitionRemnants: KindDefinition<
  'clearing-cluster-munition-remnants',
  CmrDerived
> = {
  derive: (report) => deriveCmr(report.data),
  check: (report, emit, where) => checkCmr(report.data, report.derived, emit, where),
  // The first edition of the kind: no earlier edition to compare figures with yet.
  checkAcrossEditions: null,
  audit: (report) => auditCmr(report.data),
  // Loaded when first used: a no-op rebuild, validate or diff never load the renderer.
  render: async (report) => (await import('../render/render.js')).renderCmr(report),
  nextEdition: { carryForward: carryForwardCmr },
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
      row: (slug, report) => cmrOverviewRow(slug, report.data, report.derived),
      words: CMR_OVERVIEW_WORDS,
    },
  },
};
