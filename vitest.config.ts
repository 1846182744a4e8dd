import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Integration tests print PDFs with Chromium; a cold browser start can take a while.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Fails the run if a browser the tests started is still alive at the end.
    globalSetup: ['tests/global-setup.ts'],
  },
});
