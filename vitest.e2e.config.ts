import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the real core (simulation mode) and web preview in-process, the built
 * renderer in Chromium (playwright-core). One file at a time, in one fork: a browser and a
 * simulator per file are plenty for two cores.
 */
export default defineConfig({
  test: {
    root: '.',
    include: ['e2e/**/*.e2e.test.ts'],
    exclude: ['e2e/electron/**', '**/node_modules/**'],
    environment: 'node',
    globalSetup: ['e2e/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
  },
});
