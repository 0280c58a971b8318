import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./test-support/electron-fake')).electronModule);

const disk = vi.hoisted(() => ({ data: {}, options: [] as unknown[] }));

// A stand-in for electron-store: the real one writes under userData through Electron's app.
vi.mock('electron-store', async () => {
  const { fake } = await import('./test-support/electron-fake');
  return {
    default: class FakeStore {
      constructor(options: unknown) {
        disk.options.push(options);
        // What electron-store does on construction in the main process.
        fake.ipcMain.on('electron-store-get-data', () => {});
      }
      get store() {
        return structuredClone(disk.data);
      }
      set store(value: Record<string, unknown>) {
        disk.data = structuredClone(value);
      }
    },
  };
});

import { parseSettings } from '../core/settings';
import { createElectronSettingsStore } from './settings-store';
import { fake, resetElectronFake } from './test-support/electron-fake';

describe('electron settings store', () => {
  beforeEach(() => {
    resetElectronFake();
    disk.data = {};
    disk.options = [];
  });

  it('reads through the schema and falls back to defaults for garbage', () => {
    disk.data = { connection: { region: 42 }, windows: 'nope' };
    const store = createElectronSettingsStore();
    expect(store.get()).toEqual(parseSettings({}));
    // No saved region: it is resolved like the SDK's (AWS_REGION, AWS_DEFAULT_REGION, the profile's region).
    expect(store.get().connection).toEqual({
      profile: null,
      region: null,
      stackName: 'lunora-booth',
      ssoSessionMinutes: 480,
    });
    expect(disk.options).toEqual([{ name: 'settings', clearInvalidConfig: true }]);
  });

  it('writes validated settings and reads them back in a new instance', () => {
    const store = createElectronSettingsStore();
    store.update((s) => ({ ...s, windows: { operator: { x: 1, y: 2, width: 900, height: 700 } } }));
    expect(createElectronSettingsStore().get().windows.operator).toEqual({ x: 1, y: 2, width: 900, height: 700 });
  });

  it("removes electron-store's renderer listener so ipcMain answers only the contract", () => {
    createElectronSettingsStore();
    expect(fake.ipcMain.listenerCount('electron-store-get-data')).toBe(0);
  });
});
