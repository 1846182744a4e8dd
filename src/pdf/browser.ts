import puppeteer, { type Browser, type Page } from 'puppeteer';
import { UserError } from '../errors.js';
import { findBrowser, isExecutable, type FinderInput } from './browser-finder.js';

/** Flags that work as root on a closed network (see ../shared/TOOLCHAIN.md). */
const LAUNCH_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--disable-quic',
  '--font-render-hinting=none',
];

function puppeteerOwnPath(): string | undefined {
  try {
    return puppeteer.executablePath();
  } catch {
    return undefined;
  }
}

/** Connects to a running Chromium (browserless, a Kubernetes Chrome pool) instead of launching one. */
export async function connectBrowser(wsEndpoint: string): Promise<Browser> {
  try {
    return await puppeteer.connect({ browserWSEndpoint: wsEndpoint });
  } catch (err) {
    throw new UserError(`cannot connect to the browser at ${wsEndpoint}: ${(err as Error).message}`, 1, { cause: err });
  }
}

export async function launchBrowser(finder: Omit<FinderInput, 'puppeteerPath'>): Promise<Browser> {
  const found = findBrowser({ ...finder, puppeteerPath: puppeteerOwnPath });
  if (!found) {
    throw new UserError(
      'no Chromium or Chrome found: install one (Debian: apt-get install chromium), or set PUPPETEER_EXECUTABLE_PATH',
    );
  }
  if (found.source !== 'system' && !isExecutable(found.executablePath)) {
    throw new UserError(`browser from ${found.source} is not an executable file: ${found.executablePath}`);
  }
  // Chromium refuses its sandbox as root; elsewhere keep it.
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return puppeteer.launch({
    executablePath: found.executablePath,
    headless: true,
    args: [...LAUNCH_ARGS, ...(asRoot ? ['--no-sandbox'] : [])],
  });
}

/**
 * A page that loads nothing from the network and runs no script: the document is
 * self-contained (fonts and charts are data: URLs), so any other request is refused.
 */
export async function withPage<T>(browser: Browser, fn: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const url = req.url();
      if (url.startsWith('data:') || url === 'about:blank') void req.continue();
      else void req.abort('blockedbyclient');
    });
    return await fn(page);
  } finally {
    await page.close().catch(() => undefined);
  }
}
