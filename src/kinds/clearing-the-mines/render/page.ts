import type { KindPage } from '../../../render/page.js';

// Apart from render.ts: the build hashes these files for every profile, a no-op rebuild
// included, without loading the renderer (Handlebars, markdown-it, the charts).
/**
 * templates/clearing-the-mines/ (the page and its body), with the partials and the stylesheet
 * Mine Action Review's kinds share (KEY DATA, performance table, tables, figures).
 */
export const CLEARING_THE_MINES_PAGE: KindPage = {
  templates: 'clearing-the-mines',
  sharedPartials: ['mine-action-review'],
  styles: ['mine-action-review'],
};
