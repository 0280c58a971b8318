import type { BoothBridge, ClientFrame, ServerFrame } from '../../shared/ipc/bridge';
import { WEB_PREVIEW_SOCKET_PATH } from '../../shared/ipc/bridge';
import type { IpcResult } from '../../shared/ipc/contract';
import type { Role } from '../../shared/domain/roles';

/**
 * How the link to main looks from the renderer; the status bar shows it. 'restarted': the page's server answers but
 * refuses this window's token, which belongs to an earlier run of the core (each run makes new ones): this window
 * can never reconnect; the new run printed new addresses.
 */
export type LinkStatus = 'connecting' | 'connected' | 'disconnected' | 'restarted';

/** A BoothBridge that can also say whether its link is up (the Electron preload always is). */
export interface LinkAwareBridge extends BoothBridge {
  readonly status: LinkStatus;
  /** Called on every status change; returns the unsubscribe function. */
  onStatus(listener: (status: LinkStatus) => void): () => void;
  close(): void;
}

export interface WebBridgeOptions {
  role: Role;
  /** The web-preview token (bound to a role server-side). */
  token: string;
  /** e.g. `ws://127.0.0.1:5555`; defaults to the page's own origin. */
  origin?: string;
  /** Reconnect backoff bounds (ms). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** A request without an answer after this long fails as 'timeout'. */
  requestTimeoutMs?: number;
  /** Injected for tests. */
  WebSocketImpl?: typeof WebSocket;
  /**
   * Asked after a socket that never opened: whether the page's server answers and refuses this window's token (a
   * new run of the core). Injected for tests; by default a HEAD of the socket path with the token.
   */
  tokenRefused?: () => Promise<boolean>;
}

/** 403 from the socket path: the server runs and this token is not one of its run's. Anything else: not known. */
async function serverRefusesToken(origin: string | undefined, token: string): Promise<boolean> {
  try {
    const base = origin ? origin.replace(/^ws/, 'http') : location.origin;
    const url = new URL(`${WEB_PREVIEW_SOCKET_PATH}?token=${encodeURIComponent(token)}`, base);
    const response = await fetch(url, { method: 'HEAD', cache: 'no-store' });
    return response.status === 403;
  } catch {
    return false;
  }
}

interface Pending {
  frame: ClientFrame;
  sent: boolean;
  resolve: (result: IpcResult<unknown>) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** Reads `token` from a location fragment such as `#token=abc` (the fragment never reaches the server's logs). */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('token');
  return token && token.length > 0 ? token : null;
}

function socketUrl(origin: string | undefined, token: string): string {
  const base = origin ?? `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}`;
  return `${base}${WEB_PREVIEW_SOCKET_PATH}?token=${encodeURIComponent(token)}`;
}

function isServerFrame(value: unknown): value is ServerFrame {
  if (value === null || typeof value !== 'object') return false;
  const frame = value as Record<string, unknown>;
  if (frame.type === 'result')
    return typeof frame.id === 'number' && typeof frame.result === 'object' && frame.result !== null;
  if (frame.type === 'event') return typeof frame.channel === 'string';
  return false;
}

/**
 * The web-preview transport: the same BoothBridge as the Electron preload, over a loopback
 * WebSocket. Request ids pair answers with requests; the socket reconnects with backoff and
 * jitter; whatever was in flight when the link dropped fails as `{ ok: false, code: 'network' }`
 * (never re-sent: a start or stop must not be sent twice behind the operator's back).
 */
export function createWebBridge(options: WebBridgeOptions): LinkAwareBridge {
  const WS = options.WebSocketImpl ?? WebSocket;
  const minBackoff = options.minBackoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 5_000;
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const url = socketUrl(options.origin, options.token);
  const tokenRefused = options.tokenRefused ?? (() => serverRefusesToken(options.origin, options.token));

  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const statusListeners = new Set<(status: LinkStatus) => void>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let status: LinkStatus = 'connecting';
  let attempt = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  function setStatus(next: LinkStatus) {
    if (next === status) return;
    status = next;
    for (const listener of [...statusListeners]) listener(next);
  }

  function settle(id: number, result: IpcResult<unknown>) {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(result);
  }

  function flush() {
    if (!socket || socket.readyState !== WS.OPEN) return;
    for (const entry of pending.values()) {
      if (entry.sent) continue;
      entry.sent = true;
      socket.send(JSON.stringify(entry.frame));
    }
  }

  function failAll(message: string) {
    for (const id of [...pending.keys()]) settle(id, { ok: false, code: 'network', message });
  }

  function connect() {
    if (closed) return;
    setStatus('connecting');
    const ws = new WS(url);
    socket = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      attempt = 0;
      setStatus('connected');
      flush();
    };
    ws.onmessage = (message: MessageEvent) => {
      let frame: unknown;
      try {
        frame = JSON.parse(typeof message.data === 'string' ? message.data : '');
      } catch {
        return;
      }
      if (!isServerFrame(frame)) return;
      if (frame.type === 'result') {
        settle(frame.id, frame.result);
        return;
      }
      for (const listener of [...(listeners.get(frame.channel) ?? [])]) {
        try {
          listener(frame.payload);
        } catch (error) {
          console.warn(`listener for ${frame.channel} failed`, error);
        }
      }
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failAll('The link to the console core dropped before an answer came; check the state before trying again.');
      if (closed) {
        setStatus('disconnected');
        return;
      }
      setStatus('disconnected');
      const base = Math.min(maxBackoff, minBackoff * 2 ** attempt);
      attempt += 1;
      const delay = base / 2 + Math.random() * (base / 2);
      const retry = () => {
        if (closed) return;
        reconnectTimer = setTimeout(() => {
          reconnectTimer = null;
          connect();
        }, delay);
      };
      if (opened) {
        retry();
        return;
      }
      // Refused before it opened: if the server says this token is not its run's, the core restarted since this
      // window opened. Retrying cannot help; say so instead.
      void tokenRefused().then((refused) => {
        if (closed || socket !== null) return;
        if (refused) setStatus('restarted');
        else retry();
      });
    };
    // 'error' is always followed by 'close', which does the work.
    ws.onerror = () => {};
  }

  connect();

  return {
    role: options.role,
    get status() {
      return status;
    },
    invoke(channel: string, payload: unknown): Promise<IpcResult<unknown>> {
      if (closed)
        return Promise.resolve({ ok: false, code: 'network', message: 'The link to the console core is closed.' });
      // Queued only while a connection attempt is under way; with the link down, fail now rather
      // than send the request whenever the link comes back.
      if (status === 'restarted') {
        return Promise.resolve({
          ok: false,
          code: 'network',
          message: 'The console core restarted; this window belongs to its previous run. Nothing was sent.',
        });
      }
      if (status === 'disconnected') {
        return Promise.resolve({
          ok: false,
          code: 'network',
          message: 'No link to the console core; nothing was sent.',
        });
      }
      const id = nextId++;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          settle(id, {
            ok: false,
            code: 'timeout',
            message: `No answer from the console core for ${channel}; check the state before trying again.`,
          });
        }, requestTimeout);
        pending.set(id, { frame: { type: 'invoke', id, channel, payload }, sent: false, resolve, timer });
        flush();
      });
    },
    on(channel: string, listener: (payload: unknown) => void): () => void {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => {
        statusListeners.delete(listener);
      };
    },
    close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      socket?.close();
      failAll('The link to the console core was closed.');
      setStatus('disconnected');
    },
  };
}
