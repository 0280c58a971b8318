import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBoothCore } from '../app/booth-core';
import { REHEARSAL_SIMULATOR } from '../app/rehearsal';
import { runShell } from './bootstrap';

// Bundled to out/main/main.mjs, so `..` is out/, which holds renderer/ and preload/ (inside app.asar when packaged).
const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

void runShell({ startCore: (options) => startBoothCore({ ...options, simulator: REHEARSAL_SIMULATOR }), outDir });
