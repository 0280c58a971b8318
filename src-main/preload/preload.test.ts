import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../shell/test-support/electron-fake')).electronModule);

import { ROLES, type Role } from '../../shared/domain/roles';
import type { BoothBridge } from '../../shared/ipc/bridge';
import { EVENT_CHANNELS, INVOKE_CHANNELS, eventChannelsFor, invokeChannelsFor } from '../../shared/ipc/channels';
import { fake, resetElectronFake } from '../shell/test-support/electron-fake';
import { exposeBridge } from './expose-bridge';

/** What `exposeBridge(role)` puts on `window`, through a fresh fake contextBridge. */
function exposed(role: Role): BoothBridge {
  exposeBridge(role);
  expect([...fake.exposed.keys()]).toEqual(['booth']);
  return fake.exposed.get('booth') as BoothBridge;
}

const ENTRIES: Record<Role, () => Promise<unknown>> = {
  operator: () => import('./operator'),
  admin: () => import('./admin'),
};

describe('preload entries', () => {
  beforeEach(() => resetElectronFake());

  it.each(ROLES)('%s.ts exposes window.booth for its own role', async (role) => {
    await ENTRIES[role]();
    expect([...fake.exposed.keys()]).toEqual(['booth']);
    expect((fake.exposed.get('booth') as BoothBridge).role).toBe(role);
  });
});

describe.each(ROLES)('%s preload', (role) => {
  beforeEach(() => resetElectronFake());

  it('exposes only role, invoke and on', async () => {
    const bridge = exposed(role);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on', 'role']);
    expect(bridge.role).toBe(role);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.on).toBe('function');
    expect(JSON.stringify(bridge)).not.toMatch(/ipcRenderer|process|env/);
  });

  it('forwards allowed invoke channels with the booth: prefix and returns the answer', async () => {
    const bridge = exposed(role);
    fake.ipcRenderer.invoke.mockResolvedValue({ ok: true, data: { presets: [] } });
    for (const channel of invokeChannelsFor(role)) {
      await expect(bridge.invoke(channel, { a: 1 })).resolves.toEqual({ ok: true, data: { presets: [] } });
      expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(`booth:${channel}`, { a: 1 });
    }
  });

  it('refuses locally every invoke channel outside its role, without touching IPC', async () => {
    const bridge = exposed(role);
    const refused = [
      ...INVOKE_CHANNELS.filter((c) => !invokeChannelsFor(role).includes(c)),
      'secrets.dump',
      'booth:connection.describe',
      '__proto__',
      'constructor',
    ];
    for (const channel of refused) {
      await expect(bridge.invoke(channel, {})).resolves.toMatchObject({ ok: false, code: 'unknown-channel' });
    }
    await expect(bridge.invoke(42 as unknown as string, {})).resolves.toMatchObject({
      ok: false,
      code: 'unknown-channel',
    });
    expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('turns a broken IPC into an internal failure instead of a rejection', async () => {
    const bridge = exposed(role);
    fake.ipcRenderer.invoke.mockRejectedValue(new Error("No handler registered for 'booth:x'"));
    await expect(bridge.invoke(invokeChannelsFor(role)[0]!, {})).resolves.toMatchObject({
      ok: false,
      code: 'internal',
    });
  });

  it('gives listeners the payload only, and unsubscribes', async () => {
    const bridge = exposed(role);
    const channel = eventChannelsFor(role)[0]!;
    const listener = vi.fn();
    const unsubscribe = bridge.on(channel, listener);
    fake.ipcRenderer.deliver(`booth:${channel}`, { kind: 'snapshot' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ kind: 'snapshot' });
    unsubscribe();
    unsubscribe();
    fake.ipcRenderer.deliver(`booth:${channel}`, { kind: 'delta' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(fake.ipcRenderer.listenerCount(`booth:${channel}`)).toBe(0);
  });

  it('refuses to listen to channels outside its role', async () => {
    const bridge = exposed(role);
    const refused = [
      ...EVENT_CHANNELS.filter((c) => !eventChannelsFor(role).includes(c)),
      'booth:destinations.feed',
      'electron-store-get-data',
      'connection.describe',
    ];
    for (const channel of refused) expect(() => bridge.on(channel, () => {}), channel).toThrow(/cannot listen/);
    expect(fake.ipcRenderer.eventNames()).toEqual([]);
  });
});
