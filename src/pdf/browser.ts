import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
// puppeteer-core, not puppeteer: the same launch and connect for a browser named by its path
// (keydata always names it), without puppeteer's configuration loader (cosmiconfig) and
// download manager, ~30-60 ms of every printing command's start. puppeteer itself is loaded
// only to find its own downloaded browser, when no other is found.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { UserError } from '../errors.js';
import { findBrowser, headlessModeOf, isExecutable, type FinderInput } from './browser-finder.js';
import { systemFontconfig, writeBrowserFontconfig } from './browser-fonts.js';
import {
  BROWSER_DIR_PREFIX,
  makeOwnedTempDir,
  sweepOrphansOnce,
  TEMP_PREFIXES,
} from './owned-temp.js';

/** Flags that work as root on a closed network (see ../shared/TOOLCHAIN.md). */
export const LAUNCH_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--disable-quic',
  '--font-render-hinting=none',
  // The GPU process (software compositing only here) and the network service (keydata loads
  // only files and data: URLs) run in the browser process instead of two processes of their
  // own: two fewer processes to start and feed on a 2-core machine (a launch and its first
  // page ~300 -> ~250 ms, 10 alternated runs); the same pages and PDFs.
  '--in-process-gpu',
  '--enable-features=NetworkServiceInProcess2',
];

/** The browser puppeteer downloaded, if it did (the last place the finder looks). */
async function puppeteerOwnPath(): Promise<string | undefined> {
  try {
    return (await import('puppeteer')).default.executablePath();
  } catch {
    return undefined;
  }
}

/** Connects to a running Chromium (browserless, a Kubernetes Chrome pool) instead of launching one. */
export async function connectBrowser(wsEndpoint: string): Promise<Browser> {
  try {
    return await puppeteer.connect({ browserWSEndpoint: wsEndpoint });
  } catch (err) {
    throw new UserError(
      `cannot connect to the browser at ${wsEndpoint}: ${(err as Error).message}`,
      1,
      { cause: err },
    );
  }
}

/**
 * Launches a browser of keydata's own. Given the environment (the CLI passes its own), the
 * browser starts with it plus keydata's fonts installed (browser-fonts.ts); without, it
 * inherits node's and loads the font files.
 */
export async function launchBrowser(
  finder: Omit<FinderInput, 'puppeteerPath'>,
  env?: NodeJS.ProcessEnv,
): Promise<Browser> {
  // Every place but puppeteer's own download first: only that one needs puppeteer loaded.
  let found = findBrowser(finder);
  if (!found) {
    const own = await puppeteerOwnPath();
    found = findBrowser({ ...finder, puppeteerPath: () => own });
  }
  if (!found) {
    throw new UserError(
      'no Chromium or Chrome found: install one (Debian: apt-get install chromium-headless-shell), or set PUPPETEER_EXECUTABLE_PATH',
    );
  }
  if (found.source !== 'system' && !isExecutable(found.executablePath)) {
    throw new UserError(
      `browser from ${found.source} is not an executable file: ${found.executablePath}`,
    );
  }
  // Chromium refuses its sandbox as root; elsewhere keep it (README: Security).
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  await sweepOrphansOnce(TEMP_PREFIXES);
  const profileDir = await makeOwnedTempDir(BROWSER_DIR_PREFIX);
  try {
    // Best effort: without it the browser loads the font files, as a connected one does.
    const fontconfig = env
      ? await writeBrowserFontconfig(profileDir, systemFontconfig(env)).catch(() => undefined)
      : undefined;
    const browser = await puppeteer.launch({
      executablePath: found.executablePath,
      headless: headlessModeOf(found.executablePath),
      // Over a pipe, not a DevTools port: no other local process can drive this browser
      // (unsandboxed as root, it could read any file), and when keydata dies, even by
      // kill -9, the pipe closes and Chromium exits with it.
      pipe: true,
      userDataDir: profileDir,
      // keydata's commands handle Ctrl-C, SIGTERM and SIGHUP themselves (a build finishes
      // the profiles in progress) and close the browser when done. Puppeteer's handlers
      // would close the browser and let the build go on with a new one.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [...LAUNCH_ARGS, ...(asRoot ? ['--no-sandbox'] : [])],
      ...(env ? { env: fontconfig ? { ...env, FONTCONFIG_FILE: fontconfig } : env } : {}),
    });
    if (fontconfig) withKeydataFonts.add(browser);
    browser.once('disconnected', () => {
      void rm(profileDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    });
    return browser;
  } catch (err) {
    await rm(profileDir, { recursive: true, force: true }).catch(() => undefined);
    throw err;
  }
}

/** Browsers launched with keydata's fonts installed as their own (browser-fonts.ts). */
const withKeydataFonts = new WeakSet<Browser>();

/** Whether documents printed in this browser may ask for keydata's fonts by name. */
export function hasKeydataFonts(browser: Browser): boolean {
  return withKeydataFonts.has(browser);
}

/** Pages kept open between prints: opening a page and wiring its guards costs ~100 ms. */
const idlePages = new WeakMap<Browser, Page[]>();
/** What each page may load, set before each use. */
const allowedFor = new WeakMap<Page, string[]>();
const MAX_IDLE_PAGES = 8;

async function openGuardedPage(browser: Browser): Promise<Page> {
  // Nothing keydata prints is ever shown, and drawing it was a third of Chromium's CPU: a
  // visible tab composites ~60 frames a second while it loads and lays out, and so does the
  // browser's own window (tab strip) while a tab in it is busy. So each page is a hidden tab,
  // and the window of a browser keydata started is minimized (a browser it connects to is
  // not its own to change; the headless shell has none). Not a window per page: each new
  // window loads the omnibox's web UI in a renderer of its own. Printing, layout and
  // measuring do not use frames.
  const page = await browser.newPage({ background: true });
  if (browser.process() !== null && !minimized.has(browser)) {
    minimized.add(browser);
    await minimizeWindowOf(page);
  }
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    const allowed = allowedFor.get(page) ?? [];
    if (url.startsWith('data:') || url === 'about:blank' || allowed.some((a) => url.startsWith(a)))
      void req.continue();
    else void req.abort('blockedbyclient');
  });
  return page;
}

/** Browsers whose window keydata has minimized. */
const minimized = new WeakSet<Browser>();

/** Best effort: drawn frames cost time, not correctness. */
async function minimizeWindowOf(page: Page): Promise<void> {
  try {
    const cdp = await page.createCDPSession();
    const { windowId } = await cdp.send('Browser.getWindowForTarget');
    await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'minimized' } });
    await cdp.detach();
  } catch {
    // A browser that refuses keeps drawing: slower, the same PDFs.
  }
}

/**
 * A page that loads nothing from the network and runs no script of the document's: only
 * data: URLs and files under `allowedDirs` (the document itself, the bundled fonts) load;
 * any other request is refused. Pages are reused; one that fails or is closed is dropped.
 */
export async function withPage<T>(
  browser: Browser,
  fn: (page: Page) => Promise<T>,
  allowedDirs: readonly string[] = [],
): Promise<T> {
  const idle = idlePages.get(browser) ?? [];
  idlePages.set(browser, idle);
  let page = idle.pop();
  if (!page || page.isClosed()) page = await openGuardedPage(browser);
  allowedFor.set(
    page,
    allowedDirs.map((d) => pathToFileURL(d.endsWith(path.sep) ? d : d + path.sep).href),
  );
  let healthy = false;
  try {
    const result = await fn(page);
    healthy = true;
    return result;
  } finally {
    allowedFor.set(page, []);
    if (healthy && !page.isClosed() && browser.connected && idle.length < MAX_IDLE_PAGES)
      idle.push(page);
    else await page.close().catch(() => undefined);
  }
}

/**
 * Opens a page before the first print asks for one, kept for withPage: a browser's first
 * page starts its renderer (0.2-0.8 s on a loaded 2-core machine), which can then happen
 * while node renders the first profile rather than after.
 */
export async function openPageAhead(browser: Browser): Promise<void> {
  const idle = idlePages.get(browser) ?? [];
  idlePages.set(browser, idle);
  if (idle.length === 0) idle.push(await openGuardedPage(browser));
}

/**
 * Closes the pages kept open for reuse: before disconnecting from a browser keydata did not
 * start (a remote pool), whose tabs would otherwise outlive the build.
 */
export async function closeIdlePages(browser: Browser): Promise<void> {
  const idle = idlePages.get(browser) ?? [];
  idlePages.delete(browser);
  // Best effort, and bounded: a remote browser that does not answer must not hold the
  // command's end (the disconnect that follows ends our side anyway).
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(idle.map((p) => p.close().catch(() => undefined))),
    new Promise((resolve) => {
      timer = setTimeout(resolve, CLOSE_PAGES_MS);
    }),
  ]);
  clearTimeout(timer);
}

/** How long closing the kept pages of a connected browser may take. */
const CLOSE_PAGES_MS = 5_000;
