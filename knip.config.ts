import type { KnipConfig } from 'knip';

/**
 * Dead-code check (`npm run knip`): files nothing imports, exports nobody imports, unused or unlisted packages.
 * Knip's plugins already find the entries that configs name: the npm scripts (`tsx src-main/web/main.ts`,
 * bench/run.ts, cloudformation/generate.ts, e2e/electron/run.mjs), each window's index.html script (vite.config.ts)
 * and the test files and global setup of the vitest configs. The entries below are the ones no config names.
 */
const config: KnipConfig = {
  workspaces: {
    '.': {
      entry: [
        // esbuild's entry points (scripts/build-main.mjs): the main process and one preload per window role.
        'src-main/shell/main.ts',
        'src-main/preload/operator.ts',
        'src-main/preload/admin.ts',
        'scripts/*.mjs',
        // Passed to vitest by e2e/electron/run.mjs on the command line, with the specs it runs.
        'e2e/electron/vitest.config.ts',
        'e2e/electron/*.electron.spec.ts',
      ],
      project: ['**/*.{ts,mts,js,mjs,svelte}'],
      // Declarations of plain-node scripts (start.mjs imports electron-hint.mjs): tsc reads them for the tests.
      ignore: ['scripts/*.d.mts'],
      // AWS's service models (aws-sdk/apis/*.min.json) are read as data files by the simulator's conformance test
      // support (require.resolve of a JSON path), which knip does not follow.
      // Clients being wired in this session's branches; each leaves this list when its first import lands.
      ignoreDependencies: ['aws-sdk'],
    },
    // The Companion module: Companion runs src/main.ts (built to dist/main.js, named by companion/manifest.json);
    // its tests run from the root vitest config.
    'companion-module': {
      entry: ['src/main.ts', 'src/**/*.test.ts', 'test/**/*.test.ts'],
      project: ['src/**/*.ts', 'test/**/*.ts'],
    },
  },
  // A Python tool (pip install cfn-lint), not an npm package.
  ignoreBinaries: ['cfn-lint'],
  // A type used in its own file is usually part of an exported signature (a parameter, a return type); exporting it
  // lets callers name it. Values get no such pass: an export only its own file uses is API nobody asked for.
  ignoreExportsUsedInFile: { interface: true, type: true },
};

export default config;
