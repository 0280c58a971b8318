import { defineConfig } from 'vitest/config';

/**
 * Files that replace modules (vi.mock of electron in the shell and preload) or change process-wide
 * state (AWS profile files and environment, external processes) get a fresh module graph each.
 */
const ISOLATED = ['src-main/shell/**/*.test.ts', 'src-main/preload/**/*.test.ts', 'src-main/aws/**/*.test.ts'];

// Unit and integration tests (plain Node). The Chromium e2e suite has its own config: vitest.e2e.config.ts.
export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', 'e2e/**', 'out/**'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Two cores: integration tests start simulators and servers; keep the load predictable.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'isolated',
          include: [...ISOLATED, 'cloudformation/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'shared-modules',
          include: [
            'shared/**/*.test.ts',
            'src-main/**/*.test.ts',
            'src-renderer/**/*.test.ts',
            'companion-module/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**', ...ISOLATED],
          // These tests mock no module and restore what they change, so the files of one worker share
          // its loaded modules: the AWS SDK and the simulator are loaded once per worker rather than
          // once per file, which was most of the suite's CPU time.
          isolate: false,
        },
      },
    ],
  },
});
