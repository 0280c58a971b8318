import type { Role } from '../domain/roles';
import type { IpcResult } from './contract';

/**
 * What a window's preload exposes as `window.booth` (Electron), and what the web-preview
 * socket client implements. Untyped on purpose: the typed client in the renderer wraps it,
 * and main validates everything anyway.
 */
export interface BoothBridge {
  readonly role: Role;
  invoke(channel: string, payload: unknown): Promise<IpcResult<unknown>>;
  /** Subscribes to one event channel; returns the unsubscribe function. */
  on(channel: string, listener: (payload: unknown) => void): () => void;
}

/** Web-preview socket frames (renderer <-> main over a loopback WebSocket). */
export type ClientFrame = { type: 'invoke'; id: number; channel: string; payload: unknown };
export type ServerFrame =
  { type: 'result'; id: number; result: IpcResult<unknown> } | { type: 'event'; channel: string; payload: unknown };

export const WEB_PREVIEW_SOCKET_PATH = '/ipc';
