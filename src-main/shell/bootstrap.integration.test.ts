import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./test-support/electron-fake')).electronModule);
vi.mock('./settings-store', () => ({ createElectronSettingsStore: () => createMemorySettingsStore() }));

import { startBoothCore } from '../app/booth-core';
import { silentLogger } from '../core/logger';
import { createMemorySettingsStore } from '../core/settings';
import { runShell, type ShellHandle } from './bootstrap';
import { fake, FakeBrowserWindow, FakeFrame, resetElectronFake } from './test-support/electron-fake';

/**
 * The shell wired to the real core (simulation mode): what the operator window's preload
 * would send over ipcMain gets real answers, and the admin-only channel stays closed to it.
 */
describe('shell + real core (simulation)', () => {
  let shell: ShellHandle | null;

  beforeAll(async () => {
    resetElectronFake();
    shell = await runShell({
      startCore: startBoothCore,
      outDir: path.resolve('out'),
      logger: silentLogger,
      env: { LUNORA_MODE: 'simulation' },
    });
  });
  afterAll(async () => {
    fake.app.quit();
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true), { timeout: 10_000 });
  });

  it('serves the operator window real data and refuses it what is not its own', async () => {
    expect(shell).not.toBeNull();
    const operator = FakeBrowserWindow.instances[0]!.webContents;
    const describe = (await fake.ipcMain.invokeFrom('booth:connection.describe', operator, operator.mainFrame, {})) as {
      ok: boolean;
      data: { mode: string };
    };
    expect(describe).toMatchObject({ ok: true, data: { mode: 'simulation' } });

    const snapshot = (await fake.ipcMain.invokeFrom(
      'booth:destinations.snapshot',
      operator,
      operator.mainFrame,
      {},
    )) as {
      ok: true;
      data: { kind: string; destinations: unknown[] };
    };
    expect(snapshot.ok).toBe(true);
    expect(snapshot.data.kind).toBe('snapshot');
    expect(snapshot.data.destinations).toHaveLength(5);

    expect(await fake.ipcMain.invokeFrom('booth:presets.listAll', operator, operator.mainFrame, {})).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const iframe = new FakeFrame(operator.mainFrame.url, operator.mainFrame);
    expect(await fake.ipcMain.invokeFrom('booth:destinations.snapshot', operator, iframe, {})).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it('serves the admin window its presets', async () => {
    shell!.windows.open('admin');
    const admin = FakeBrowserWindow.instances[1]!.webContents;
    const presets = (await fake.ipcMain.invokeFrom('booth:presets.listAll', admin, admin.mainFrame, {})) as {
      ok: boolean;
      data: { presets: unknown[] };
    };
    expect(presets.ok).toBe(true);
    expect(presets.data.presets.length).toBeGreaterThan(0);
  });
});
