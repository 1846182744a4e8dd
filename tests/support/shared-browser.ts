import { inject } from 'vitest';

/**
 * Build options that print with the run's one browser (tests/setup/shared-browser.ts)
 * instead of starting one per build. Only for tests that do not test the browser itself.
 */
export const sharedBrowser = (): { browserWsEndpoint: string } => ({
  browserWsEndpoint: inject('sharedBrowserWsEndpoint'),
});
