/**
 * The browser suite (`npm run test:browser`): test/browser/** drive the built
 * app in the system Chromium through playwright-core. Kept out of the default
 * `vitest run` (vitest.config.ts excludes test/browser/**). One file at a time
 * in one worker: every file starts its own Chromium.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/browser/support/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    sequence: { concurrent: false },
  },
});
