/**
 * The real-engine suite (`npm run test:real`): test/real/** start the Dockyard
 * server with a dockerd per session and drive it as the browser does. Needs
 * root, Debian's docker.io and the stand-in images (test/real/fixture/setup.sh).
 * One file at a time: each starts several daemons. The load test runs only
 * with DOCKYARD_LOAD=1 (npm run test:real:load).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // the load test (20 daemons for a minute) only when asked: npm run test:real:load
    include: process.env.DOCKYARD_LOAD ? ['test/real/load.test.ts'] : ['test/real/**/*.test.ts'],
    exclude: process.env.DOCKYARD_LOAD ? [] : ['test/real/load.test.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
