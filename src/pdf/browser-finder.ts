import { accessSync, constants } from 'node:fs';

/** Where a browser came from, for messages. */
export interface FoundBrowser {
  executablePath: string;
  source: 'option' | 'PUPPETEER_EXECUTABLE_PATH' | 'system' | 'puppeteer';
}

const SYSTEM_BROWSERS = [
  // Chromium's headless shell first: the same engine without the browser's interface, so it
  // starts faster and its browser process does a third of the work per print (README:
  // Performance). Debian: apt-get install chromium-headless-shell.
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * The headless mode puppeteer must ask of a browser: the headless shell (Debian's
 * chromium-headless-shell, Chrome for Testing's chrome-headless-shell) has only the old
 * headless mode; a full Chromium or Chrome runs the new one.
 */
export function headlessModeOf(executablePath: string): 'shell' | true {
  return /headless[-_]shell(\.exe)?$/i.test(executablePath) ? 'shell' : true;
}

export function isExecutable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface FinderInput {
  /** An explicit --browser option. */
  explicit?: string | undefined;
  /** The PUPPETEER_EXECUTABLE_PATH value, read by the CLI, not here. */
  envPath?: string | undefined;
  /** puppeteer's own downloaded browser, when it has one. */
  puppeteerPath?: () => string | undefined;
  exists?: (p: string) => boolean;
}

/**
 * The browser finder chain, first hit wins: explicit option, PUPPETEER_EXECUTABLE_PATH,
 * a system Chromium or Chrome, then puppeteer's own download.
 */
export function findBrowser(input: FinderInput): FoundBrowser | undefined {
  const exists = input.exists ?? isExecutable;
  if (input.explicit) return { executablePath: input.explicit, source: 'option' };
  if (input.envPath) return { executablePath: input.envPath, source: 'PUPPETEER_EXECUTABLE_PATH' };
  const system = SYSTEM_BROWSERS.find(exists);
  if (system) return { executablePath: system, source: 'system' };
  const own = input.puppeteerPath?.();
  if (own && exists(own)) return { executablePath: own, source: 'puppeteer' };
  return undefined;
}
