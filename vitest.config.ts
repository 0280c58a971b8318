import { defineConfig } from 'vitest/config';

// Unit and integration tests (plain Node). The Chromium e2e suite has its own config: vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'src-main/**/*.test.ts',
      'src-renderer/**/*.test.ts',
      'cloudformation/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', 'e2e/**', 'out/**'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Two cores: integration tests start simulators and servers; keep the load predictable.
    maxWorkers: 2,
  },
});
