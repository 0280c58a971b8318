import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Role } from '../../shared/domain/roles';
import type { BoothBridge } from '../../shared/ipc/bridge';
import type { IpcResult } from '../../shared/ipc/contract';
import { ELECTRON_CHANNEL_PREFIX, eventChannelsFor, invokeChannelsFor } from '../../shared/ipc/channels';

/**
 * Builds `window.booth` for one role. Only three members cross the bridge: no ipcRenderer,
 * no process.env (AWS_* variables must never reach a page), no raw IPC events. The channel
 * allow-list here is a courtesy that fails fast; main enforces the same rules again.
 * Imports only the schema-free channel list: a sandboxed preload is one bundled file.
 */
function createBridge(role: Role): BoothBridge {
  const invokable = new Set<string>(invokeChannelsFor(role));
  const listenable = new Set<string>(eventChannelsFor(role));

  return {
    role,
    invoke(channel: string, payload: unknown): Promise<IpcResult<unknown>> {
      if (typeof channel !== 'string' || !invokable.has(channel)) {
        return Promise.resolve({
          ok: false,
          code: 'unknown-channel',
          message: `The ${role} window has no request called ${String(channel).slice(0, 80)}.`,
        });
      }
      // Main's handlers answer with data and never throw; a rejection means the IPC itself broke.
      return (ipcRenderer.invoke(ELECTRON_CHANNEL_PREFIX + channel, payload) as Promise<IpcResult<unknown>>).catch(
        () => ({
          ok: false,
          code: 'internal',
          message: 'The console did not answer; the details are in the log.',
        }),
      );
    },
    on(channel: string, listener: (payload: unknown) => void): () => void {
      if (typeof channel !== 'string' || !listenable.has(channel)) {
        throw new Error(`The ${role} window cannot listen to ${String(channel).slice(0, 80)}.`);
      }
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      // The page gets the payload only: the IpcRendererEvent carries `sender` (ipcRenderer itself).
      const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      const name = ELECTRON_CHANNEL_PREFIX + channel;
      ipcRenderer.on(name, wrapped);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipcRenderer.removeListener(name, wrapped);
      };
    },
  };
}

export function exposeBridge(role: Role): void {
  contextBridge.exposeInMainWorld('booth', createBridge(role));
}
