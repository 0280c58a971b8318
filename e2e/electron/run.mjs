// Runs the `_electron` suite, or fails loudly: a missing Electron binary is an error here,
// never a silent skip, so a green run always means the app really ran in Electron.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));

function fail(lines) {
  console.error(['', 'test:electron FAILED — not skipped:', ...lines.map((line) => `  ${line}`), ''].join('\n'));
  process.exit(1);
}

let electronPath = null;
try {
  // node_modules/electron exports the binary's path, and throws when the download never happened.
  electronPath = require('electron');
} catch (error) {
  fail([
    'The Electron binary is missing (node_modules/electron has no dist/).',
    `electron said: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    'Install it on a machine with network access: `node node_modules/electron/install.js`',
    '(or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron), then run `npm run test:electron` again.',
    'Without Electron, `npm run test:e2e` covers the renderer and the router through the web preview.',
  ]);
}
if (typeof electronPath !== 'string' || !existsSync(electronPath)) {
  fail([
    `The Electron binary is missing: ${String(electronPath)} does not exist.`,
    'Reinstall it: `node node_modules/electron/install.js`.',
  ]);
}

for (const built of [
  'out/main/main.mjs',
  'out/preload/operator.cjs',
  'out/preload/admin.cjs',
  'out/renderer/operator/index.html',
]) {
  if (!existsSync(path.join(root, built)))
    fail([`${built} is missing: run \`npm run build\` first (npm run test:electron does).`]);
}

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail(['No display: Electron needs one. Run it under a virtual display, e.g. `xvfb-run -a npm run test:electron`.']);
}

console.log(`test:electron: using ${electronPath}`);
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(
  process.execPath,
  [vitest, 'run', '--config', path.join(root, 'e2e/electron/vitest.config.ts')],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (result.error) fail([`could not start vitest: ${result.error.message}`]);
process.exit(result.status ?? 1);
