import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { ELECTRON_CHANNEL_PREFIX, INVOKE_CHANNELS } from '../../shared/ipc/channels';
import type { Role } from '../../shared/domain/roles';
import type { CallerIdentity, Router } from '../ipc/router';
import type { Logger } from '../core/logger';
import { isRolePage } from './app-url';
import type { WindowRegistry } from './window-registry';

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * Establishes who sent an IPC message, or null when we cannot vouch for it: the frame must be
 * the top frame of a webContents we registered, showing that role's own app:// page. A
 * sub-frame, a foreign webContents, or a page that somehow left app:// gets null, and the
 * router refuses null.
 *
 * Frames are compared by frameTreeNodeId, not by object identity: Electron may hand IPC a
 * WebFrameMain pinned to the sending document, distinct from `webContents.mainFrame`. A
 * `detached` frame is a document being unloaded after a navigation; its messages are refused.
 * Reading a disposed frame throws, which also means "cannot vouch".
 */
export function callerFor(event: SenderEvent, registry: WindowRegistry): CallerIdentity | null {
  try {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || frame.detached) return null;
    const role = registry.roleOf(event.sender.id);
    if (role === null) return null;
    if (frame.frameTreeNodeId !== event.sender.mainFrame.frameTreeNodeId) return null;
    if (!isRolePage(frame.url, role)) return null;
    return { role };
  } catch {
    return null;
  }
}

export interface IpcBinding {
  /** Delivers the router's events for `role` to this window until it is destroyed. */
  attachWindow(webContents: WebContents, role: Role): () => void;
  dispose(): void;
}

/**
 * Binds the router to ipcMain: one handler per contract channel and nothing else, so an
 * unknown channel never reaches our code (Electron answers it with "no handler registered").
 * The channel name is taken from the closure, not from the message.
 */
export function bindIpc(router: Router, registry: WindowRegistry, logger: Logger): IpcBinding {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(ELECTRON_CHANNEL_PREFIX + channel, (event, payload: unknown) =>
      router.invoke(channel, payload, callerFor(event, registry)),
    );
  }

  const detachers = new Set<() => void>();

  function attachWindow(webContents: WebContents, role: Role): () => void {
    const detachRouter = router.attach(role, (channel, payload) => {
      if (webContents.isDestroyed()) return;
      webContents.send(ELECTRON_CHANNEL_PREFIX + channel, payload);
    });
    const detach = () => {
      if (!detachers.delete(detach)) return;
      detachRouter();
      logger.debug('ipc: window detached', { role });
    };
    detachers.add(detach);
    webContents.once('destroyed', detach);
    return detach;
  }

  function dispose(): void {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(ELECTRON_CHANNEL_PREFIX + channel);
    for (const detach of [...detachers]) detach();
  }

  return { attachWindow, dispose };
}
