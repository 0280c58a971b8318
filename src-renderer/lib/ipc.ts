import type { BoothBridge } from '../../shared/ipc/bridge';
import type { EventChannel, InvokeChannel } from '../../shared/ipc/channels';
import type { EventPayload, InvokeInput, InvokeOutput, IpcResult } from '../../shared/ipc/contract';
import type { Role } from '../../shared/domain/roles';
import { createWebBridge, tokenFromHash, type LinkAwareBridge, type LinkStatus } from './web-bridge';

export type { LinkStatus } from './web-bridge';

/**
 * The typed face of a BoothBridge. Main validates every payload anyway; the types here keep
 * the renderer honest at compile time. Events are trusted as shaped by main's router, which
 * parsed them against the contract before sending.
 */
export interface IpcClient {
  readonly role: Role;
  invoke<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<IpcResult<InvokeOutput<C>>>;
  on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void;
  /** The link to main: always 'connected' under Electron; the socket's state in the web preview. */
  readonly link: LinkStatus;
  onLink(listener: (status: LinkStatus) => void): () => void;
}

function isLinkAware(bridge: BoothBridge): bridge is LinkAwareBridge {
  return typeof (bridge as Partial<LinkAwareBridge>).onStatus === 'function';
}

function createIpcClient(bridge: BoothBridge): IpcClient {
  return {
    role: bridge.role,
    async invoke(channel, input) {
      try {
        return (await bridge.invoke(channel, input)) as IpcResult<never>;
      } catch (error) {
        // A bridge should answer with data, never throw; if one does, keep the promise contract.
        return { ok: false, code: 'internal', message: error instanceof Error ? error.message : String(error) };
      }
    },
    on(channel, listener) {
      return bridge.on(channel, (payload) => listener(payload as never));
    },
    get link() {
      return isLinkAware(bridge) ? bridge.status : 'connected';
    },
    onLink(listener) {
      return isLinkAware(bridge) ? bridge.onStatus(listener) : () => {};
    },
  };
}

class MissingTokenError extends Error {
  constructor() {
    super('This page was opened without its access token; open it from the link the console printed.');
    this.name = 'MissingTokenError';
  }
}

/** `window.booth` under Electron; otherwise the web-preview socket, authenticated by the token in the URL fragment. */
export function connectBooth(role: Role): IpcClient {
  if (window.booth) return createIpcClient(window.booth);
  const token = tokenFromHash(location.hash);
  if (!token) throw new MissingTokenError();
  return createIpcClient(createWebBridge({ role, token }));
}
