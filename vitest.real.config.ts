/**
 * The real-engine suite (`npm run test:real`): test/real/** start the Dockyard
 * server with a dockerd per session and drive it as the browser does. Needs
 * root, Debian's docker.io and the stand-in images (test/real/fixture/setup.sh).
 * One file at a time: each starts several daemons.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/real/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
