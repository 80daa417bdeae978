import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/browser/**', 'test/real-engine/**', 'test/real/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60000,
  },
});
