import type { ClientFrame } from '../../shared/ipc/bridge';
import type { IpcFailure } from '../../shared/ipc/contract';

/**
 * Limits of the web-preview socket. A request the console accepts is far below MAX_REQUEST_BYTES (the largest
 * is a preset draft, a few KiB); a frame between it and MAX_FRAME_BYTES is read and answered with a typed
 * refusal; anything larger is refused by the WebSocket layer itself, which closes only that socket.
 */
export const SOCKET_LIMITS = {
  maxRequestBytes: 256 * 1024,
  maxFrameBytes: 1024 * 1024,
  /** Requests one window may have unanswered at once; more are refused, never queued without bound. */
  maxInFlight: 32,
  /** Frames that cannot be tied to a request; past this many, the socket is closed as misbehaving. */
  maxUnanswerable: 20,
} as const;

export type FrameVerdict =
  | { kind: 'invoke'; frame: ClientFrame }
  /** A frame that cannot be served; `id` is set when it can still be answered. */
  | { kind: 'refuse'; id: number | null; reason: string };

const kib = (bytes: number) => `${Math.ceil(bytes / 1024)} KiB`;

function byteLength(data: Buffer | ArrayBuffer | Buffer[]): number {
  if (Array.isArray(data)) return data.reduce((sum, chunk) => sum + chunk.length, 0);
  return data.byteLength;
}

function asText(data: Buffer | ArrayBuffer | Buffer[]): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('utf8');
}

function requestId(value: unknown): number | null {
  if (typeof value !== 'object' || value === null) return null;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : null;
}

/** Reads one socket message as an invoke request, or says why it cannot be served (and whether it can be answered). */
export function readClientFrame(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): FrameVerdict {
  if (isBinary) return { kind: 'refuse', id: null, reason: 'binary frame' };
  const size = byteLength(data);
  let parsed: unknown;
  try {
    parsed = JSON.parse(asText(data));
  } catch {
    return { kind: 'refuse', id: null, reason: 'not JSON' };
  }
  const id = requestId(parsed);
  if (size > SOCKET_LIMITS.maxRequestBytes) {
    return {
      kind: 'refuse',
      id,
      reason: `This request is too large (${kib(size)}; the console accepts up to ${kib(SOCKET_LIMITS.maxRequestBytes)}). Shorten what was typed and try again.`,
    };
  }
  const frame = parsed as Partial<ClientFrame>;
  if (id === null || frame.type !== 'invoke' || typeof frame.channel !== 'string') {
    return { kind: 'refuse', id, reason: 'This request is not a console request (type, id and channel are required).' };
  }
  return { kind: 'invoke', frame: { type: 'invoke', id, channel: frame.channel, payload: frame.payload } };
}

export function refusal(reason: string, code: IpcFailure['code'] = 'invalid-input'): IpcFailure {
  return { ok: false, code, message: reason };
}
