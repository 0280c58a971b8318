import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';

vi.mock('electron', async () => (await import('./test-support/electron-fake')).electronModule);
// The real store would write to userData; these tests use the in-memory one.
vi.mock('./settings-store', () => ({ createElectronSettingsStore: () => createMemorySettingsStore() }));

import { ELECTRON_CHANNEL_PREFIX, INVOKE_CHANNELS } from '../../shared/ipc/channels';
import { createMemorySettingsStore } from '../core/settings';
import { silentLogger } from '../core/logger';
import type { Router } from '../ipc/router';
import { pageUrl } from './app-url';
import { DEFAULT_OPERATOR_SETTINGS } from '../../shared/domain/operator-settings';
import { FAKE_TILE } from '../ipc/test-support/fake-handlers';
import { SIMULATED_CONNECTION } from '../../shared/domain/test-support/connection';
import { runShell, type CoreHandle } from './bootstrap';
import { fake, fakeEvent, FakeBrowserWindow, resetElectronFake } from './test-support/electron-fake';

function fakeCore(): CoreHandle & { close: Mock<() => Promise<void>> } {
  const router: Router = {
    invoke: vi.fn(async () => ({ ok: true as const, data: null })),
    publish: vi.fn(),
    attach: vi.fn(() => () => {}),
  };
  return {
    router,
    connection: { ...SIMULATED_CONNECTION, accountId: null, stackName: 's' },
    onConnectionChanged: () => () => {},
    settings: {
      get: () => DEFAULT_OPERATOR_SETTINGS,
      update: () => DEFAULT_OPERATOR_SETTINGS,
      onChange: () => () => {},
    },
    destinationIds: () => ['primary', 'youtube'],
    close: vi.fn(async () => {}),
  };
}

describe('shell bootstrap', () => {
  let outDir: string;

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), 'lunora-out-'));
    await mkdir(path.join(outDir, 'renderer', 'operator'), { recursive: true });
    await writeFile(path.join(outDir, 'renderer', 'operator', 'index.html'), '<!doctype html>');
  });
  afterAll(() => rm(outDir, { recursive: true, force: true }));
  beforeEach(() => resetElectronFake());

  it('quits without starting anything when another instance holds the lock', async () => {
    fake.app.singleInstanceLock = false;
    const startCore = vi.fn();
    const shell = await runShell({ startCore, outDir, logger: silentLogger });
    expect(shell).toBeNull();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(startCore).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('starts the core, serves app://, binds IPC, sets the menu and opens the operator window', async () => {
    const core = fakeCore();
    const shell = await runShell({ startCore: async () => core, outDir, logger: silentLogger });
    expect(shell).not.toBeNull();
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, codeCache: true } },
    ]);
    const served = await fake.protocol.handlers.get('app')?.(new Request('app://booth/operator/index.html'));
    expect(served?.status).toBe(200);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(
      INVOKE_CHANNELS.map((c) => ELECTRON_CHANNEL_PREFIX + c).sort(),
    );
    expect(fake.appMenu).not.toBeNull();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const operator = FakeBrowserWindow.instances[0]!;
    expect(operator.webContents.getURL()).toBe(pageUrl('operator'));
    expect(operator.options.webPreferences.preload).toBe(path.join(outDir, 'preload', 'operator.cjs'));
    expect(core.router.attach).toHaveBeenCalledWith('operator', expect.any(Function));
    expect(fake.session.defaultSession.permissionCheckHandler?.({}, 'media', 'app://booth', {})).toBe(false);
  });

  it('focuses the existing operator window when a second instance starts', async () => {
    await runShell({ startCore: async () => fakeCore(), outDir, logger: silentLogger });
    const operator = FakeBrowserWindow.instances[0]!;
    operator.minimize();
    fake.app.emit('second-instance', fakeEvent({}), [], '/');
    expect(operator.minimized).toBe(false);
    expect(operator.focused).toBe(true);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('reopens the operator window on a second instance if it was closed', async () => {
    await runShell({ startCore: async () => fakeCore(), outDir, logger: silentLogger });
    FakeBrowserWindow.instances[0]!.close();
    fake.app.emit('second-instance', fakeEvent({}), [], '/');
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('waits for core.close() before quitting, and unbinds IPC', async () => {
    const core = fakeCore();
    let release!: () => void;
    core.close.mockImplementation(() => new Promise<void>((resolve) => (release = resolve)));
    await runShell({ startCore: async () => core, outDir, logger: silentLogger });

    fake.app.quit();
    expect(fake.app.quitted).toBe(false);
    await vi.waitFor(() => expect(core.close).toHaveBeenCalledTimes(1));
    expect(fake.ipcMain.handlers.size).toBe(0);
    fake.app.quit(); // a second request while closing does not close twice
    expect(core.close).toHaveBeenCalledTimes(1);

    release();
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
  });

  it('still quits when the core fails to close', async () => {
    const core = fakeCore();
    core.close.mockRejectedValue(new Error('socket stuck'));
    await runShell({ startCore: async () => core, outDir, logger: silentLogger });
    fake.app.quit();
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
  });

  it('shows an error and exits when the core cannot start', async () => {
    const shell = await runShell({
      startCore: async () => {
        throw new Error('stack lunora-booth not found');
      },
      outDir,
      logger: silentLogger,
    });
    expect(shell).toBeNull();
    expect(fake.showErrorBox).toHaveBeenCalledWith('Lunora Booth could not start', 'stack lunora-booth not found');
    expect(fake.app.exit).toHaveBeenCalledWith(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('takes userData from LUNORA_USER_DATA before taking the lock, and passes the env to the core', async () => {
    const startCore = vi.fn(async () => fakeCore());
    const env = { LUNORA_USER_DATA: 'tmp/booth-e2e', LUNORA_MODE: 'simulation' };
    await runShell({ startCore, outDir, logger: silentLogger, env });
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', path.resolve('tmp/booth-e2e'));
    expect(fake.app.setPath.mock.invocationCallOrder[0]!).toBeLessThan(
      fake.app.requestSingleInstanceLock.mock.invocationCallOrder[0]!,
    );
    expect(startCore).toHaveBeenCalledWith(expect.objectContaining({ env }));
  });

  it('leaves userData alone without LUNORA_USER_DATA', async () => {
    await runShell({ startCore: async () => fakeCore(), outDir, logger: silentLogger, env: {} });
    expect(fake.app.setPath).not.toHaveBeenCalled();
  });

  it('denies popups and webviews in any webContents, even ones it did not create', async () => {
    await runShell({ startCore: async () => fakeCore(), outDir, logger: silentLogger });
    const stray = new (await import('./test-support/electron-fake')).FakeWebContents();
    expect(stray.windowOpenHandler?.({ url: 'https://docs.aws.amazon.com/' })).toEqual({ action: 'deny' });
    const event = fakeEvent({});
    stray.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('asks before quitting while channels still bill, and quits only on an explicit choice', async () => {
    const core = fakeCore();
    const running = { ...FAKE_TILE, state: 'RUNNING' as const, name: 'YouTube' };
    vi.mocked(core.router.invoke).mockResolvedValue({
      ok: true,
      data: { kind: 'snapshot', seq: 1, at: 1, destinations: [running] },
    });
    await runShell({ startCore: async () => core, outDir, logger: silentLogger });

    fake.showMessageBox.mockResolvedValueOnce({ response: 0 });
    fake.app.quit();
    await vi.waitFor(() => expect(fake.showMessageBox).toHaveBeenCalledTimes(1));
    expect(fake.showMessageBox.mock.calls[0]![0]).toMatchObject({
      message: 'YouTube is still running in AWS',
      defaultId: 0,
      cancelId: 0,
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(core.close).not.toHaveBeenCalled();

    fake.showMessageBox.mockResolvedValueOnce({ response: 1 });
    fake.app.quit();
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
    expect(core.close).toHaveBeenCalledTimes(1);
  });

  it('registers global shortcuts only when enabled, and they publish the same two-step actions', async () => {
    const core = fakeCore();
    let enabled = false;
    const listeners: Array<() => void> = [];
    core.settings = {
      get: () => ({ ...DEFAULT_OPERATOR_SETTINGS, globalShortcuts: { enabled, modifier: 'CommandOrControl+Alt' } }),
      update: () => DEFAULT_OPERATOR_SETTINGS,
      onChange: (listener) => (listeners.push(() => listener(DEFAULT_OPERATOR_SETTINGS)), () => {}),
    };
    await runShell({ startCore: async () => core, outDir, logger: silentLogger });
    expect(fake.shortcuts.size).toBe(0);
    enabled = true;
    for (const listener of listeners) listener();
    fake.shortcuts.get('CommandOrControl+Alt+2')!();
    expect(core.router.publish).toHaveBeenCalledWith('shortcuts.global', { action: 'arm', destinationId: 'youtube' });
  });

  it('raises a desktop alert for alerts, not for routine outcomes', async () => {
    const core = fakeCore();
    await runShell({ startCore: async () => core, outDir, logger: silentLogger });
    const sinks = vi.mocked(core.router.attach).mock.calls.map(([, sink]) => sink);
    const base = { id: 'n', at: 1, destinationId: 'youtube', message: 'detail' };
    for (const sink of sinks) {
      sink('notifications.feed', { ...base, level: 'success', kind: 'action', title: 'YouTube: going live' });
      sink('notifications.feed', { ...base, level: 'error', kind: 'alert', title: 'YouTube went off air' });
    }
    expect(fake.notifications).toEqual([{ title: 'YouTube went off air', body: 'detail' }]);
  });
});
