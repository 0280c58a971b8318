// ESLint flat config: type-aware TypeScript rules, Svelte windows, and the import zones that keep the layers apart.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

const NODE_BUILTINS = [...new Set(builtinModules.map((name) => name.replace(/^node:/, '')))];

/** Paths are relative to the repository; each zone is one rule of the layering. */
const LAYER_ZONES = [
  {
    target: './shared',
    from: ['./src-main', './src-renderer', './e2e', './bench', './scripts', './cloudformation'],
    message: 'shared/ imports nothing of the project but itself: both processes import it.',
  },
  {
    target: ['./src-main/core', './src-main/aws'],
    from: ['./src-main/shell', './src-main/web', './src-main/ipc', './src-main/app', './src-main/preload'],
    message:
      'core/ and aws/ are plain Node services: they never import the shell, the web preview, the IPC router or the composition root.',
  },
  {
    target: './src-renderer',
    from: ['./src-main', './e2e', './bench', './scripts', './cloudformation'],
    message: 'The renderer imports only shared/ and its own files; it reaches main through the typed IPC client.',
  },
  {
    target: ['./shared', './src-main', './src-renderer', './cloudformation'],
    from: './e2e',
    message:
      'Only the e2e suite and the benchmarks use e2e/ support code; put shared test helpers in a test-support/ folder.',
  },
  {
    target: './companion-module/src',
    from: ['./shared', './src-main', './src-renderer', './e2e', './bench', './scripts', './cloudformation'],
    message:
      'The Companion module is packaged on its own: it talks to the console over the control API, never through its code.',
  },
];

/** Imports a layer may not make, by package name (electron, Node built-ins). */
const electronBan = {
  name: 'electron',
  message: 'Only src-main/shell and src-main/preload import electron; the rest of the core runs in plain Node too.',
};
const nodeBuiltinBans = NODE_BUILTINS.flatMap((name) => [
  { name, message: 'This layer also runs in the renderer: no Node built-ins.' },
  { name: `node:${name}`, message: 'This layer also runs in the renderer: no Node built-ins.' },
]);
const testSupportBan = {
  regex: '(^|/)(test-support|e2e)(/|$)|\\.test$',
  message: 'Production code never imports test-support modules, tests or e2e/.',
};

const TEST_FILES = ['**/*.test.ts', '**/test-support/**', 'e2e/**', 'bench/**', 'scripts/**/*.test.ts'];

/** no-restricted-imports is one option per file, so each layer states its full list (test code drops the test-support ban). */
function restrictedImports(files, { ignores = [], paths = [], testCode = false }) {
  return {
    files,
    ignores,
    rules: {
      'no-restricted-imports': ['error', { paths, patterns: testCode ? [] : [testSupportBan] }],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'companion-module/dist/**',
      'companion-module/pkg/**',
      'release/**',
      'node_modules/**',
      'e2e/artifacts/**',
      'test-results/**',
      'lint-fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: LAYER_ZONES }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      eqeqeq: ['error', 'always'],
      // Handlers and fakes implement Promise-returning interfaces; an async function with nothing to await is the
      // plainest way to do that, so this rule would only ask for noise.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser },
    },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: [
      'src-main/**',
      'shared/**',
      'e2e/**',
      'bench/**',
      'scripts/**',
      'cloudformation/**',
      'companion-module/**',
      '*.config.*',
      '*.js',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    // Plain JavaScript (scripts, configs) is not in a tsconfig project: no type-aware rules there.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Tests poke at untyped wire frames, parsed templates and mocks on purpose; production code keeps these rules.
    files: TEST_FILES,
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // expect(fake.method).toHaveBeenCalled() reads a method without calling it.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  // Package bans per layer, production code first, then its tests.
  restrictedImports(['shared/**'], { ignores: TEST_FILES, paths: [electronBan, ...nodeBuiltinBans] }),
  restrictedImports(['shared/**/*.test.ts', 'shared/**/test-support/**'], { paths: [electronBan], testCode: true }),
  restrictedImports(['src-renderer/**'], { ignores: TEST_FILES, paths: [electronBan, ...nodeBuiltinBans] }),
  restrictedImports(['src-renderer/**/*.test.ts', 'src-renderer/**/test-support/**'], {
    paths: [electronBan, ...nodeBuiltinBans],
    testCode: true,
  }),
  restrictedImports(['src-main/**'], {
    ignores: [...TEST_FILES, 'src-main/shell/**', 'src-main/preload/**'],
    paths: [electronBan],
  }),
  restrictedImports(['src-main/**/*.test.ts', 'src-main/**/test-support/**'], {
    ignores: ['src-main/shell/**', 'src-main/preload/**'],
    paths: [electronBan],
    testCode: true,
  }),
  restrictedImports(['src-main/shell/**', 'src-main/preload/**'], { ignores: TEST_FILES }),
);
