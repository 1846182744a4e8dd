import type { KindPage } from '../../../render/page.js';

// Apart from render.ts: the build hashes these files for every profile, a no-op rebuild
// included, without loading the renderer (Handlebars, markdown-it, the charts).
/** templates/monitor-profile/ and styles/monitor-profile.css. */
export const MONITOR_PROFILE_PAGE: KindPage = {
  templates: 'monitor-profile',
  sharedPartials: [],
  styles: ['monitor-profile'],
};
