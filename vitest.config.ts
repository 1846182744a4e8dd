import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The CLI tests run bin/keydata.js, which loads dist/: compile it when the sources are newer.
    // The second fails the run if a browser the tests started is still alive at the end. The
    // third starts the one browser that tests printing with connect to (sharedBrowser()); the
    // fourth makes the folder of the sample build that files reading it share (sampleBuild()).
    globalSetup: [
      'tests/setup/compile-cli.ts',
      'tests/setup/no-browser-left.ts',
      'tests/setup/shared-browser.ts',
      'tests/setup/sample-build.ts',
    ],
    environment: 'node',
    // Integration tests print PDFs with Chromium; a cold browser start can take a while.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One test file per core at a time (vitest's default is one fewer: a single worker on the
    // 2-core CI machine). A file spends much of its time waiting for Chromium or a child
    // process, which the other file's work fills. Files never share a folder or a page: each
    // works in its own mkdtemp, and one that counts the pages of a browser uses its own.
    maxWorkers: '100%',
    // Test files share their worker's loaded modules (puppeteer, zod, Chart.js, the sources)
    // instead of importing them again each: the imports took more of the run than the tests
    // (103 s of 475 s). No test mocks modules or changes global state it does not restore.
    isolate: false,
  },
});
