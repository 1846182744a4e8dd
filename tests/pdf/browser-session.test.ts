import { describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/pdf/browser-session.js';

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
});
