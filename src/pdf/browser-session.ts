import type { Browser } from 'puppeteer-core';
import type { BrowserSource } from './browser-source.js';
import { closeIdlePages, connectBrowser, launchBrowser, openPageAhead } from './browser.js';

export { type BrowserEnv, type BrowserSource, resolveBrowserSource } from './browser-source.js';

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
      : launchBrowser(this.source.finder, this.source.env);
  }

  /**
   * Starts the browser now, with its first page, while node loads, checks and renders the
   * first profile (a start takes 0.3-1 s and the first page 0.2-0.8 s: most of a
   * one-country rebuild). A failure to start is reported by the first browser() call, as it
   * would have been without this; unasked, it is dropped. A page that fails to open ahead is
   * opened again when printing asks for it.
   */
  warm(): void {
    if (this.current || this.warming) return;
    this.warming = this.start().then(async (browser) => {
      await openPageAhead(browser).catch(() => undefined);
      return browser;
    });
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

  /**
   * Closes (or disconnects from) the browser, if one is started or starting; resolves when
   * every close asked for so far is done, so a build that closed its browser early (once
   * everything was printed) still ends only after that close.
   */
  close(): Promise<void> {
    const started = this.current ?? this.warming;
    this.current = undefined;
    this.warming = undefined;
    if (started) this.closing.push(this.shut(started));
    return Promise.all(this.closing).then(() => undefined);
  }

  private readonly closing: Promise<void>[] = [];

  private async shut(started: Promise<Browser>): Promise<void> {
    const b = await started.catch(() => undefined);
    if (!b) return;
    if (this.source.wsEndpoint) {
      await closeIdlePages(b);
      await b.disconnect().catch(() => undefined);
    } else await b.close().catch(() => undefined);
  }
}
