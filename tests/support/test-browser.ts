/**
 * A Chromium that build sessions connect to over its DevTools port, as a build does with
 * --browser-ws-endpoint: the run's shared browser (tests/setup/shared-browser.ts) and the
 * one a test owns when it counts the pages open in it (other test files print with the
 * shared browser at the same time).
 */
import puppeteer, { type Browser } from 'puppeteer';
import { findBrowser, headlessModeOf } from '../../src/pdf/browser-finder.js';
import { LAUNCH_ARGS } from '../../src/pdf/browser.js';

export async function launchTestBrowser(): Promise<Browser> {
  const found = findBrowser({
    envPath: process.env.PUPPETEER_EXECUTABLE_PATH || undefined,
    puppeteerPath: () => undefined,
  });
  if (!found) throw new Error('no Chromium found for the tests (apt-get install chromium)');
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return puppeteer.launch({
    executablePath: found.executablePath,
    headless: headlessModeOf(found.executablePath),
    // The flags keydata launches with, so pages print the same; a DevTools port on
    // 127.0.0.1 (puppeteer's default without `pipe`) for builds to connect to.
    args: [...LAUNCH_ARGS, ...(asRoot ? ['--no-sandbox'] : [])],
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}
