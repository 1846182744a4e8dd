import type { KindPage } from '../../../render/page.js';

// Apart from render.ts: the build hashes these files for every profile, a no-op rebuild
// included, without loading the renderer (Handlebars, markdown-it, the charts).
/**
 * templates/clearing-cluster-munition-remnants/ (its page and body), on the partials and the
 * stylesheet Mine Action Review's kinds share.
 */
export const CMR_PAGE: KindPage = {
  templates: 'clearing-cluster-munition-remnants',
  sharedPartials: ['mine-action-review'],
  styles: ['mine-action-review'],
};
