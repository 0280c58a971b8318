import { ipcMain } from 'electron';
import Store from 'electron-store';
import { parseSettings, type SettingsStore } from '../core/settings';

/** electron-store answers this synchronous message from any renderer with the userData path. */
const ELECTRON_STORE_RENDERER_CHANNEL = 'electron-store-get-data';

/**
 * Settings persisted as JSON in userData. Whatever is on disk goes through `parseSettings`,
 * so a hand-edited or older file falls back to defaults instead of crashing the shell, and
 * only validated settings are ever written back.
 */
export function createElectronSettingsStore(options: { name?: string; cwd?: string } = {}): SettingsStore {
  const store = new Store<Record<string, unknown>>({
    name: options.name ?? 'settings',
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    // A file that is not even JSON is replaced rather than thrown at startup.
    clearInvalidConfig: true,
  });
  // Our renderers never read the store; drop the listener so ipcMain answers only the contract.
  ipcMain.removeAllListeners(ELECTRON_STORE_RENDERER_CHANNEL);
  let current = parseSettings(store.store);
  return {
    get: () => current,
    update(patch) {
      current = parseSettings(patch(current));
      store.store = current;
      return current;
    },
  };
}
