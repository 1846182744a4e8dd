import { describe, expect, it } from 'vitest';
import { withPage } from '../../src/pdf/browser.js';
import { BrowserSession } from '../../src/pdf/browser-session.js';
import { launchTestBrowser } from '../support/test-browser.js';

describe('the build browser', () => {
  it('is started again when it dies, and the build goes on', async () => {
    const session = new BrowserSession({
      finder: { envPath: process.env.PUPPETEER_EXECUTABLE_PATH },
    });
    try {
      const first = await session.browser();
      expect(await session.browser()).toBe(first);
      first.process()?.kill('SIGKILL');
      await new Promise((r) => setTimeout(r, 300));
      const second = await session.browser();
      expect(second).not.toBe(first);
      expect(second.connected).toBe(true);
      expect(session.relaunches).toBe(1);
      const page = await second.newPage();
      await page.setContent('<p>alive</p>');
      expect(await page.$eval('p', (p) => p.textContent)).toBe('alive');
    } finally {
      await session.close();
    }
  });

  // A build closes its browser as soon as the last profile has printed, and again at its
  // end: that second close must still wait for the first, or the build would return (and a
  // caller check for leftover processes) while Chromium is still exiting.
  it('closed twice, resolves the second close only when the browser has exited', async () => {
    const session = new BrowserSession({
      finder: { envPath: process.env.PUPPETEER_EXECUTABLE_PATH },
    });
    const browser = await session.browser();
    const chromium = browser.process();
    const exited = new Promise<void>((resolve) => chromium?.once('exit', () => resolve()));
    let hasExited = false;
    void exited.then(() => (hasExited = true));
    void session.close();
    await session.close();
    // The exit event is delivered on the next turn at the latest.
    await new Promise((r) => setImmediate(r));
    expect(hasExited).toBe(true);
    expect(browser.connected).toBe(false);
  });

  it('connected to a browser it did not start, leaves none of its pages open there', async () => {
    // A browser of its own, not the run's shared one: other test files open pages in that
    // one while this counts them.
    const observer = await launchTestBrowser();
    const browserWsEndpoint = observer.wsEndpoint();
    try {
      const tabs = async () => (await observer.pages()).length;
      const before = await tabs();
      const session = new BrowserSession({ wsEndpoint: browserWsEndpoint, finder: {} });
      const browser = await session.browser();
      // Two pages at once, both kept open for reuse once done.
      await Promise.all(
        [1, 2].map(() => withPage(browser, (page) => page.setContent('<p>printed</p>'))),
      );
      expect(await tabs()).toBe(before + 2);
      await session.close();
      expect(await tabs()).toBe(before);
    } finally {
      await observer.close();
    }
  });
});
