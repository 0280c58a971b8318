import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const repo = path.resolve(import.meta.dirname, '../..');

/**
 * Builds the renderer once before the e2e files run, so `vitest run --config vitest.e2e.config.ts`
 * never tests a stale bundle. LUNORA_E2E_SKIP_BUILD=1 skips it when the caller just built.
 */
export default async function setup(): Promise<void> {
  const built = existsSync(path.join(repo, 'out/renderer/operator/index.html'));
  if (process.env['LUNORA_E2E_SKIP_BUILD'] === '1' && built) return;
  await build({ configFile: path.join(repo, 'vite.config.ts'), logLevel: 'warn' });
}
