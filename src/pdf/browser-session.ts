import type { Browser } from 'puppeteer';
import type { FinderInput } from './browser-finder.js';
import { closeIdlePages, connectBrowser, launchBrowser } from './browser.js';

export interface BrowserSource {
  /** Connect to this DevTools WebSocket instead of launching a browser. */
  wsEndpoint?: string | undefined;
  finder: Omit<FinderInput, 'puppeteerPath'>;
}

/**
 * One browser for a whole build: started when first needed, started again if it dies
 * (a crashed or killed Chromium does not end the build), closed (or, when connected to a
 * remote fleet, disconnected) at the end.
 */
export class BrowserSession {
  private current: Promise<Browser> | undefined;
  /** Started by warm() and not asked for yet. */
  private warming: Promise<Browser> | undefined;
  relaunches = 0;

  constructor(private readonly source: BrowserSource) {}

  private start(): Promise<Browser> {
    return this.source.wsEndpoint
      ? connectBrowser(this.source.wsEndpoint)
      : launchBrowser(this.source.finder);
  }

  /**
   * Starts the browser now, while node loads, checks and renders the first profile (a
   * start takes 0.3-1 s: most of a one-country rebuild). A failure to start is reported by
   * the first browser() call, as it would have been without this; unasked, it is dropped.
   */
  warm(): void {
    if (this.current || this.warming) return;
    this.warming = this.start();
    this.warming.catch(() => undefined);
  }

  async browser(): Promise<Browser> {
    if (this.warming) {
      this.current = this.warming;
      this.warming = undefined;
      return this.current;
    }
    if (this.current) {
      const b = await this.current.catch(() => undefined);
      if (b?.connected) return b;
      this.current = undefined;
      this.relaunches++;
    }
    this.current = this.start();
    return this.current;
  }

  async close(): Promise<void> {
    const b = await (this.current ?? this.warming)?.catch(() => undefined);
    this.current = undefined;
    this.warming = undefined;
    if (!b) return;
    if (this.source.wsEndpoint) {
      await closeIdlePages(b);
      await b.disconnect().catch(() => undefined);
    } else await b.close().catch(() => undefined);
  }
}

/** The environment variables that choose a browser. The CLI passes them in; core code never reads them. */
export interface BrowserEnv {
  PUPPETEER_EXECUTABLE_PATH?: string | undefined;
  KEYDATA_BROWSER_WS_ENDPOINT?: string | undefined;
}

/**
 * Where the browser comes from, resolved once per command: a flag first, then its
 * environment variable (an empty one counts as unset); the finder tries the rest.
 */
export function resolveBrowserSource(
  flags: { browserPath?: string | undefined; browserWsEndpoint?: string | undefined },
  env: BrowserEnv = {},
): BrowserSource {
  return {
    wsEndpoint: flags.browserWsEndpoint || env.KEYDATA_BROWSER_WS_ENDPOINT || undefined,
    finder: {
      explicit: flags.browserPath || undefined,
      envPath: env.PUPPETEER_EXECUTABLE_PATH || undefined,
    },
  };
}
