import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { validateManifest, type ModuleManifest } from '@companion-module/base';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useBoothCore } from '../../src-main/app/test-support/booth-core-rig';
import { awsLog, FAST_CONSOLE, tokenFor } from './booth-console';
import { startModuleProcess } from './fake-companion-host';

/**
 * The package Companion installs, as `companion-module-build` (@companion-module/tools) makes it: one bundled
 * main.js with its manifest and help, run by the fake Companion host against a console on the simulator.
 */

const MODULE_DIR = path.resolve(import.meta.dirname, '..');
const version = (JSON.parse(readFileSync(path.join(MODULE_DIR, 'package.json'), 'utf8')) as { version: string })
  .version;
const TARBALL = path.join(MODULE_DIR, `lunora-booth-${version}.tgz`);

const run = promisify(execFile);
const startCore = useBoothCore();
const modules: ReturnType<typeof startModuleProcess>[] = [];
afterEach(async () => {
  for (const running of modules.splice(0)) await running.stop();
});

beforeAll(async () => {
  // The module's own package script: tsc, then companion-module-build (its licence check reported, not fatal: the
  // module is the booth's own, not one for Companion's public module list).
  await run('npm', ['run', 'package'], { cwd: MODULE_DIR, timeout: 170_000 });
}, 180_000);

describe('the Companion module package (companion-module-build)', () => {
  it('holds the bundled entry, the manifest Companion reads and the help, with no source or test in it', async () => {
    const { stdout } = await run('tar', ['-tzf', TARBALL]);
    const entries = stdout.trim().split('\n');
    expect(entries).toEqual(
      expect.arrayContaining([
        'pkg/main.js',
        'pkg/package.json',
        'pkg/companion/manifest.json',
        'pkg/companion/HELP.md',
      ]),
    );
    expect(entries.filter((e) => /\.ts$|test/.test(e))).toEqual([]);
    const manifest = JSON.parse(
      readFileSync(path.join(MODULE_DIR, 'pkg/companion/manifest.json'), 'utf8'),
    ) as ModuleManifest;
    expect(() => validateManifest(manifest, false)).not.toThrow();
    // The build points the entry at the bundle and stamps the module API version it was built against.
    expect(manifest.runtime).toMatchObject({ type: 'node22', api: 'nodejs-ipc', entrypoint: '../main.js' });
    expect(manifest.runtime.apiVersion).toMatch(/^1\.\d+\.\d+$/);
    expect(manifest.version).toBe(version);
  });

  it('runs as Companion runs it: connects (Ok), defines the 15-key page, arms and takes once', async () => {
    const core = await startCore(FAST_CONSOLE);
    const token = await tokenFor(core, 'Packaged deck', 'remote-operator');
    const companion = startModuleProcess('package');
    modules.push(companion);
    await companion.init({ host: '127.0.0.1', port: core.controlApi.port }, { token });
    const WAIT = { timeout: 10_000, interval: 25 };
    await vi.waitFor(() => expect(companion.lastStatus()?.status).toBe('ok'), WAIT);
    await vi.waitFor(() => {
      const presets = companion.sent('setPresetDefinitions').at(-1) as { presets: { id: string }[] } | undefined;
      expect(presets?.presets.filter((p) => p.id.startsWith('page_'))).toHaveLength(15);
    }, WAIT);
    const { sim, channelOf, goLives } = awsLog(core);
    expect(await companion.press('arm', { destination: 'twitch' })).toMatchObject({ success: true });
    expect(goLives('twitch')).toHaveLength(0);
    expect(await companion.press('take')).toMatchObject({ success: true });
    await sim.control.waitForChannelState(channelOf('twitch'), 'RUNNING', 5_000);
    expect(goLives('twitch').map((r) => r.operation)).toEqual(['StartChannel']);
    expect(JSON.stringify(companion.received)).not.toContain(token.split('.')[1]);
  });
});
