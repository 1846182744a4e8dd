/**
 * One Chromium for the whole run, for the tests that only need a browser to print with:
 * they connect to it (`sharedBrowser()` in tests/support/shared-browser.ts), as a build does
 * with --browser-ws-endpoint, instead of starting their own for every build (a start and a
 * close cost about a second of the two cores each). Tests of launching, relaunching and
 * killing browsers keep their own. Listed after no-browser-left.ts, so it is closed before
 * that check runs, and started with the run's marker, so a leak would be caught.
 */
import type { TestProject } from 'vitest/node';
import { launchTestBrowser } from '../support/test-browser.js';

declare module 'vitest' {
  export interface ProvidedContext {
    sharedBrowserWsEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const browser = await launchTestBrowser();
  project.provide('sharedBrowserWsEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
  };
}
