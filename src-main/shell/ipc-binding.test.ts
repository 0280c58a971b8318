import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./test-support/electron-fake')).electronModule);

import { ELECTRON_CHANNEL_PREFIX, INVOKE_CHANNELS } from '../../shared/ipc/channels';
import { silentLogger } from '../core/logger';
import { createRouter } from '../ipc/router';
import { fakeHandlers } from '../ipc/test-support/fake-handlers';

const SNAPSHOT = { kind: 'snapshot', seq: 1, at: 1, destinations: [] } as const;
import { pageUrl } from './app-url';
import { bindIpc, callerFor } from './ipc-binding';
import { createWindowRegistry, type WindowRegistry } from './window-registry';
import { fake, FakeFrame, FakeWebContents, resetElectronFake } from './test-support/electron-fake';
import type { WebContents } from 'electron';

function windowContents(registry: WindowRegistry, role: 'operator' | 'admin'): FakeWebContents {
  const contents = new FakeWebContents();
  contents.mainFrame.url = pageUrl(role);
  registry.register(contents.id, role);
  return contents;
}

const asContents = (contents: FakeWebContents) => contents as unknown as WebContents;

describe('ipc binding', () => {
  let registry: WindowRegistry;
  const router = () => createRouter(fakeHandlers(), silentLogger);

  beforeEach(() => {
    resetElectronFake();
    registry = createWindowRegistry();
  });

  it('binds exactly one handler per contract invoke channel, and nothing else', () => {
    const binding = bindIpc(router(), registry, silentLogger);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(
      INVOKE_CHANNELS.map((c) => ELECTRON_CHANNEL_PREFIX + c).sort(),
    );
    expect(fake.ipcMain.eventNames()).toEqual([]);
    binding.dispose();
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('answers the right window with data', async () => {
    bindIpc(router(), registry, silentLogger);
    const operator = windowContents(registry, 'operator');
    const result = await fake.ipcMain.invokeFrom('booth:connection.describe', operator, operator.mainFrame, {});
    expect(result).toEqual({ ok: true, data: await fakeHandlers()['connection.describe']({}, { role: 'operator' }) });
  });

  it('lets the operator start a channel with a valid payload', async () => {
    bindIpc(router(), registry, silentLogger);
    const operator = windowContents(registry, 'operator');
    const result = await fake.ipcMain.invokeFrom('booth:channels.start', operator, operator.mainFrame, {
      destinationId: 'youtube',
    });
    expect(result).toEqual({ ok: true, data: { outcome: 'requested', state: 'STARTING' } });
  });

  it('refuses a sub-frame of our window', async () => {
    bindIpc(router(), registry, silentLogger);
    const operator = windowContents(registry, 'operator');
    const child = new FakeFrame(pageUrl('operator'), operator.mainFrame);
    const result = await fake.ipcMain.invokeFrom('booth:connection.describe', operator, child, {});
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('refuses a webContents that is not one of our windows', async () => {
    bindIpc(router(), registry, silentLogger);
    const foreign = new FakeWebContents();
    foreign.mainFrame.url = pageUrl('operator');
    const result = await fake.ipcMain.invokeFrom('booth:connection.describe', foreign, foreign.mainFrame, {});
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('refuses our window once its top frame is not on app://', async () => {
    bindIpc(router(), registry, silentLogger);
    const operator = windowContents(registry, 'operator');
    for (const url of [
      'https://evil.example/operator/index.html',
      'file:///tmp/operator/index.html',
      'app://elsewhere/operator/index.html',
    ]) {
      operator.mainFrame.url = url;
      const result = await fake.ipcMain.invokeFrom('booth:connection.describe', operator, operator.mainFrame, {});
      expect(result, url).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });

  it("refuses a window showing another role's page", async () => {
    bindIpc(router(), registry, silentLogger);
    const operator = windowContents(registry, 'operator');
    operator.mainFrame.url = pageUrl('admin');
    const result = await fake.ipcMain.invokeFrom('booth:connection.describe', operator, operator.mainFrame, {});
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('refuses a sender whose frame is gone (null senderFrame)', async () => {
    bindIpc(router(), registry, silentLogger);
    const operator = windowContents(registry, 'operator');
    const result = await fake.ipcMain.invokeFrom('booth:connection.describe', operator, null, {});
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('refuses an admin-only channel from the operator window, and serves it to the admin window', async () => {
    bindIpc(router(), registry, silentLogger);
    const operator = windowContents(registry, 'operator');
    const admin = windowContents(registry, 'admin');
    expect(await fake.ipcMain.invokeFrom('booth:presets.listAll', operator, operator.mainFrame, {})).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await fake.ipcMain.invokeFrom('booth:presets.listAll', admin, admin.mainFrame, {})).toEqual({
      ok: true,
      data: { presets: [] },
    });
  });

  it('takes the role from the registry, never from the payload', async () => {
    bindIpc(router(), registry, silentLogger);
    const operator = windowContents(registry, 'operator');
    const result = await fake.ipcMain.invokeFrom('booth:presets.listAll', operator, operator.mainFrame, {
      role: 'admin',
    });
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('has no handler for channels outside the contract', async () => {
    bindIpc(router(), registry, silentLogger);
    const operator = windowContents(registry, 'operator');
    await expect(fake.ipcMain.invokeFrom('booth:secrets.dump', operator, operator.mainFrame, {})).rejects.toThrow(
      /No handler/,
    );
    await expect(fake.ipcMain.invokeFrom('connection.describe', operator, operator.mainFrame, {})).rejects.toThrow(
      /No handler/,
    );
  });

  it('callerFor vouches only for the top frame of a registered window on its page', () => {
    const operator = windowContents(registry, 'operator');
    const call = (frame: unknown) => callerFor({ sender: asContents(operator), senderFrame: frame as never }, registry);
    expect(call(operator.mainFrame)).toEqual({ role: 'operator' });
    // Electron may pass a distinct object for the same frame: same frameTreeNodeId is what counts.
    expect(call(new FakeFrame(pageUrl('operator'), null, operator.mainFrame.frameTreeNodeId))).toEqual({
      role: 'operator',
    });
    // A parentless frame that is not this webContents' main frame (e.g. a fenced frame).
    expect(call(new FakeFrame(pageUrl('operator')))).toBeNull();
    // The old document of a frame that navigated away, still sending while it unloads.
    const unloading = new FakeFrame(pageUrl('operator'), null, operator.mainFrame.frameTreeNodeId);
    unloading.detached = true;
    expect(call(unloading)).toBeNull();
    // A disposed frame throws when read.
    const disposed = {
      get parent(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(call(disposed)).toBeNull();
  });

  it('delivers events only to windows whose role may receive them, and stops after the window is destroyed', () => {
    const r = router();
    const binding = bindIpc(r, registry, silentLogger);
    const operator = windowContents(registry, 'operator');
    const admin = windowContents(registry, 'admin');
    binding.attachWindow(asContents(operator), 'operator');
    binding.attachWindow(asContents(admin), 'admin');

    r.publish('destinations.feed', { ...SNAPSHOT, destinations: [] });
    expect(operator.sent).toEqual([{ channel: 'booth:destinations.feed', payload: SNAPSHOT }]);
    expect(admin.sent).toEqual([{ channel: 'booth:destinations.feed', payload: SNAPSHOT }]);

    operator.destroy();
    r.publish('destinations.feed', { ...SNAPSHOT, seq: 2, destinations: [] });
    expect(operator.sent).toHaveLength(1);
    expect(admin.sent).toHaveLength(2);
  });
});
