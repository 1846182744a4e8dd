/**
 * One Chromium for the whole run, for the tests that only need a browser to print with:
 * they connect to it (`sharedBrowser()` in tests/support/shared-browser.ts), as a build does
 * with --browser-ws-endpoint, instead of starting their own for every build (a start and a
 * close cost about a second of the two cores each). Tests of launching, relaunching and
 * killing browsers keep their own. Listed after no-browser-left.ts, so it is closed before
 * that check runs, and started with the run's marker, so a leak would be caught.
 */
import puppeteer from 'puppeteer';
import type { TestProject } from 'vitest/node';
import { findBrowser } from '../../src/pdf/browser-finder.js';
import { LAUNCH_ARGS } from '../../src/pdf/browser.js';

declare module 'vitest' {
  export interface ProvidedContext {
    sharedBrowserWsEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const found = findBrowser({
    envPath: process.env.PUPPETEER_EXECUTABLE_PATH || undefined,
    puppeteerPath: () => undefined,
  });
  if (!found) throw new Error('no Chromium found for the tests (apt-get install chromium)');
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const browser = await puppeteer.launch({
    executablePath: found.executablePath,
    headless: true,
    // The flags keydata launches with, so pages print the same; a DevTools port on
    // 127.0.0.1 (puppeteer's default without `pipe`) for the test workers to connect to.
    args: [...LAUNCH_ARGS, ...(asRoot ? ['--no-sandbox'] : [])],
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  project.provide('sharedBrowserWsEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
  };
}
