import type { FinderInput } from './browser-finder.js';

/*
 * Where a command's browser comes from. Apart from the session (browser-session.ts), so that
 * resolving options, which every build does, never loads puppeteer: a no-op rebuild and the
 * CLI's help do not need it.
 */

export interface BrowserSource {
  /** Connect to this DevTools WebSocket instead of launching a browser. */
  wsEndpoint?: string | undefined;
  finder: Omit<FinderInput, 'puppeteerPath'>;
  /**
   * The environment a launched browser starts with (keydata adds its fonts to it, see
   * browser-fonts.ts); without one it inherits node's, without keydata's fonts.
   */
  env?: BrowserEnv | undefined;
}

/**
 * The environment, as the CLI passes it in (core code never reads it): the variables that
 * choose a browser, and what a launched browser inherits (FONTCONFIG_FILE among them).
 */
export interface BrowserEnv extends NodeJS.ProcessEnv {
  PUPPETEER_EXECUTABLE_PATH?: string | undefined;
  KEYDATA_BROWSER_WS_ENDPOINT?: string | undefined;
}

/**
 * Where the browser comes from, resolved once per command: a flag first, then its
 * environment variable (an empty one counts as unset); the finder tries the rest.
 */
export function resolveBrowserSource(
  flags: { browserPath?: string | undefined; browserWsEndpoint?: string | undefined },
  env?: BrowserEnv,
): BrowserSource {
  return {
    wsEndpoint: flags.browserWsEndpoint || env?.KEYDATA_BROWSER_WS_ENDPOINT || undefined,
    finder: {
      explicit: flags.browserPath || undefined,
      envPath: env?.PUPPETEER_EXECUTABLE_PATH || undefined,
    },
    env,
  };
}
