import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBoothCore } from '../app/booth-core';
import { rehearsalSimulator } from '../app/rehearsal';
import { createConsoleLogger } from '../core/logger';
import { installProcessGuard } from '../core/process-guard';
import { runShell } from './bootstrap';

// Bundled to out/main/main.mjs, so `..` is out/, which holds renderer/ and preload/ (inside app.asar when packaged).
const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Electron would otherwise show a dialog for an escaped error and may leave the operator without a console.
installProcessGuard(createConsoleLogger('info'));

void runShell({
  startCore: (options) => startBoothCore({ ...options, simulator: rehearsalSimulator(process.env) }),
  outDir,
});
