// Bundles the Electron main process and the preloads with esbuild.
//   main:     src-main/shell/main.ts      -> out/main/main.mjs     (ESM: electron-store is ESM-only)
//   preloads: src-main/preload/<role>.ts  -> out/preload/<role>.cjs (CJS, self-contained: a sandboxed
//             preload can require only 'electron' and a few built-ins, never a file of ours)
// Usage: node scripts/build-main.mjs [--watch]
import { build, context } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const production = process.env.NODE_ENV === 'production';
const ROLES = ['operator', 'admin'];

/** @type {import('esbuild').BuildOptions} */
const shared = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  logLevel: 'info',
  legalComments: 'none',
};

/** @type {import('esbuild').BuildOptions} */
const main = {
  ...shared,
  entryPoints: { main: 'src-main/shell/main.ts' },
  outdir: 'out/main',
  outExtension: { '.js': '.mjs' },
  format: 'esm',
  // node_modules ship inside the app (electron-builder copies production dependencies), so
  // they stay external: the AWS SDK and electron-store load as themselves, and 'electron'
  // is provided by the runtime.
  packages: 'external',
  external: ['electron'],
};

/** @type {import('esbuild').BuildOptions} */
const preloads = {
  ...shared,
  entryPoints: Object.fromEntries(ROLES.map((role) => [role, `src-main/preload/${role}.ts`])),
  outdir: 'out/preload',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  external: ['electron'],
  // The sandboxed preload runs in a renderer process: browser-like, no Node globals beyond the polyfilled few.
  platform: 'browser',
  target: 'chrome130',
};

await rm(path.join(root, 'out/main'), { recursive: true, force: true });
await rm(path.join(root, 'out/preload'), { recursive: true, force: true });

if (watch) {
  const contexts = await Promise.all([context(main), context(preloads)]);
  await Promise.all(contexts.map((ctx) => ctx.watch()));
  console.log('build-main: watching src-main/ and shared/ …');
} else {
  await Promise.all([build(main), build(preloads)]);
}
