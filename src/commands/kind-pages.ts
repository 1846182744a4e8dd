import { CMR_PAGE } from '../kinds/clearing-cluster-munition-remnants/render/page.js';
import { CLEARING_THE_MINES_PAGE } from '../kinds/clearing-the-mines/render/page.js';
import { MONITOR_PROFILE_PAGE } from '../kinds/monitor-profile/render/page.js';
import type { KindPage } from '../render/page.js';
import type { ReportKind } from '../schema/report-kind.js';

/**
 * The registry's page part: the templates, shared partials and stylesheets each kind's page
 * reads (src/kinds/<kind>/render/page.ts). Apart from the kind definitions
 * (src/commands/kinds.ts) because the build hashes these files for every profile, a no-op
 * rebuild included, and the definitions load every kind's derivation and checks (~40 ms).
 * Typed over the kind list: a kind without a page does not compile.
 */
export const KIND_PAGES = {
  'clearing-the-mines': CLEARING_THE_MINES_PAGE,
  'monitor-profile': MONITOR_PROFILE_PAGE,
  'clearing-cluster-munition-remnants': CMR_PAGE,
} as const satisfies Record<ReportKind, KindPage>;

/** The files a kind's page reads. */
export const kindPage = (kind: ReportKind): KindPage => KIND_PAGES[kind];
