import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The CLI tests run bin/keydata.js, which loads dist/: compile it when the sources are newer.
    // The second fails the run if a browser the tests started is still alive at the end.
    globalSetup: ['tests/setup/compile-cli.ts', 'tests/setup/no-browser-left.ts'],
    environment: 'node',
    // Integration tests print PDFs with Chromium; a cold browser start can take a while.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
