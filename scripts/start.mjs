// `npm start`: build renderer + main and launch the desktop app. On a machine without the
// Electron binary (offline install, CI image), say so plainly and run the web preview instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronMissingHint } from './electron-hint.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

/** Whether npm left the electron package in node_modules (it removes a failed optional dependency whole). */
function electronPackagePresent() {
  try {
    require.resolve('electron/package.json');
    return true;
  } catch {
    return false;
  }
}

/** The Electron version package.json pins. */
function pinnedElectron() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  return pkg.optionalDependencies?.electron ?? pkg.devDependencies?.electron ?? null;
}

/** The Electron binary's path, or null with the reason. */
function findElectron() {
  try {
    const binary = require('electron'); // throws when the binary was never downloaded
    return existsSync(binary) ? { binary } : { reason: `${binary} does not exist` };
  } catch (error) {
    return { reason: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

/** Runs an npm script with the same npm that runs us. */
function npmRun(script) {
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli ? [process.execPath, [npmCli, 'run', script]] : ['npm', ['run', script]];
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: !npmCli && process.platform === 'win32' });
}

function run(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = findElectron();
if ('reason' in electron) {
  const lines = electronMissingHint({
    packagePresent: electronPackagePresent(),
    pinnedVersion: pinnedElectron(),
    reason: electron.reason,
    skipDownload: Boolean(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD),
  });
  console.warn(['', ...lines, ''].join('\n'));
  const npmCli = process.env.npm_execpath;
  run(npmCli ? process.execPath : 'npm', npmCli ? [npmCli, 'run', 'web'] : ['run', 'web']);
} else {
  const built = npmRun('build');
  if (built.status !== 0) process.exit(built.status ?? 1);
  // ELECTRON_RUN_AS_NODE inherited from a tool would turn the app into a plain node process.
  const { ELECTRON_RUN_AS_NODE: _ignored, ...env } = process.env;
  run(electron.binary, ['.'], env);
}
