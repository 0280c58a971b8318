import WebSocket from 'ws';
import type { Result, SocketFrame } from './wire.js';

/** The link to the console as Companion's connection status says it. */
export type LinkStatus =
  | { kind: 'connecting' }
  | { kind: 'ok' }
  | { kind: 'connection-failure'; message: string }
  | { kind: 'auth-failure'; message: string };

export interface BoothClientOptions {
  /** http://host:port of the console's control API. */
  baseUrl: string;
  token: string;
  onStatus(status: LinkStatus): void;
  onFrame(frame: SocketFrame): void;
  /** Wait before reconnecting after the console went away (a refused token waits five times as long). */
  retryMs?: number;
}

const SOCKET_PATH = '/api/v1/socket';

/**
 * The control API as this module uses it: one WebSocket for the state (a snapshot, then the console's events),
 * reopened when it drops, and plain HTTP POSTs for the acts (each answered with the console's own result).
 */
export class BoothClient {
  #ws: WebSocket | null = null;
  #retry: ReturnType<typeof setTimeout> | null = null;
  #stopped = false;
  #status: LinkStatus = { kind: 'connecting' };

  constructor(private readonly options: BoothClientOptions) {}

  get status(): LinkStatus {
    return this.#status;
  }

  start(): void {
    this.#stopped = false;
    this.#open();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = null;
    this.#ws?.removeAllListeners();
    this.#ws?.on('error', () => {});
    this.#ws?.terminate();
    this.#ws = null;
  }

  /** One act (`remote.arm`…): the console's answer, or why it could not be asked, never a throw. */
  async call<T>(channel: string, body: Record<string, unknown> = {}): Promise<Result<T>> {
    let response: Response;
    try {
      response = await fetch(`${this.options.baseUrl}/api/v1/${channel}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${this.options.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      const message = `The console does not answer at ${this.options.baseUrl} (${causeOf(error)}).`;
      this.#setStatus({ kind: 'connection-failure', message });
      return { ok: false, code: 'unreachable', message };
    }
    const result = (await response.json().catch(() => null)) as Result<T> | null;
    if (response.status === 401) this.#setStatus({ kind: 'auth-failure', message: refusedToken(result) });
    return result ?? { ok: false, code: 'internal', message: `The console answered ${response.status}.` };
  }

  #open(): void {
    if (this.#stopped) return;
    const url = `${this.options.baseUrl.replace(/^http/, 'ws')}${SOCKET_PATH}`;
    const ws = new WebSocket(url, {
      headers: { Authorization: `Bearer ${this.options.token}` },
      handshakeTimeout: 5_000,
    });
    this.#ws = ws;
    let refusal: LinkStatus | null = null;
    ws.on('unexpected-response', (_req, res) => {
      refusal =
        res.statusCode === 401
          ? { kind: 'auth-failure', message: refusedToken(null) }
          : { kind: 'connection-failure', message: `The console refused the connection (HTTP ${res.statusCode}).` };
      res.resume();
      ws.terminate();
    });
    ws.on('message', (data: Buffer) => {
      let frame: SocketFrame;
      try {
        frame = JSON.parse(data.toString('utf8')) as SocketFrame;
      } catch {
        return;
      }
      if (frame.type === 'snapshot') this.#setStatus({ kind: 'ok' });
      this.options.onFrame(frame);
    });
    ws.on('error', (error) => {
      refusal ??= { kind: 'connection-failure', message: `The console does not answer at ${url} (${causeOf(error)}).` };
    });
    ws.on('close', (code) => {
      if (this.#ws !== ws) return;
      this.#ws = null;
      const status: LinkStatus =
        refusal ??
        (code === 1008
          ? { kind: 'auth-failure', message: 'The console revoked this control token.' }
          : { kind: 'connection-failure', message: 'The console closed the connection.' });
      this.#setStatus(status);
      this.#schedule(status.kind === 'auth-failure' ? 5 : 1);
    });
  }

  #schedule(factor: number): void {
    if (this.#stopped) return;
    this.#retry = setTimeout(() => this.#open(), (this.options.retryMs ?? 2_000) * factor);
  }

  #setStatus(status: LinkStatus): void {
    const same = JSON.stringify(status) === JSON.stringify(this.#status);
    this.#status = status;
    if (!same) this.options.onStatus(status);
  }
}

function refusedToken(result: Result<unknown> | null): string {
  return result && !result.ok ? result.message : 'The console refused this control token (wrong, or revoked).';
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string } } | null)?.cause?.code ?? (error as { code?: string }).code;
  return cause ?? (error instanceof Error ? error.message : String(error));
}
