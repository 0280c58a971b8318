import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ErrorCode } from '../../shared/domain/errors';
import type { IpcFailure, IpcResult } from '../../shared/ipc/contract';
import type { Logger } from '../core/logger';
import type { Router } from '../ipc/router';
import { readClientFrame, refusal } from '../web/socket-frames';
import { controlApiOpenApi } from './openapi';
import { RateLimiter } from './rate-limit';
import { tokenIdOf, type RemoteTokenInfo, type RemoteTokens } from './remote-tokens';

export const CONTROL_API_LIMITS = {
  /** The largest remote request is an arm (a destination id): 16 KiB is generous and bounds what is read. */
  maxBodyBytes: 16 * 1024,
  /** A Stream Deck page pressed fast stays well under this; a script looping is refused, never queued. */
  rate: { burst: 20, perSecond: 10 },
  /** A client that does not read its socket is dropped once this much is waiting for it. */
  maxBufferedBytes: 1024 * 1024,
} as const;

export interface ControlApiOptions {
  router: Router;
  tokens: RemoteTokens;
  logger: Logger;
  port?: number;
  /** Off by default: loopback only. On: the admin opted in, the API listens on every interface. */
  lan?: boolean;
  now?: () => number;
}

export interface ControlApi {
  /** The address to give a Companion instance: loopback, or the first LAN address when LAN is on. */
  address: string;
  port: number;
  lan: boolean;
  close(): Promise<void>;
}

const CONTROL_API_PATHS = { invoke: '/api/v1/', socket: '/api/v1/socket', openapi: '/openapi.json' } as const;

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  'unknown-channel': 404,
  forbidden: 403,
  'invalid-input': 400,
  throttled: 429,
  'not-found': 404,
  conflict: 409,
  'invalid-state': 409,
  internal: 500,
};

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i !== undefined && i.family === 'IPv4' && !i.internal)
    .map((i) => i!.address);
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer (\S+)$/.exec(header);
  return match?.[1] ?? null;
}

/**
 * The control API: a third transport for the router, beside ipcMain and the web preview. Every request is
 * refused before the router unless its Host names us (DNS rebinding), it carries no Origin (a browser page
 * cannot drive the console), it comes from loopback unless LAN is on, its token is valid, and the token is
 * under its rate. Then the router runs its usual checks with the token's role.
 */
export async function startControlApi(options: ControlApiOptions): Promise<ControlApi> {
  const { router, tokens, logger } = options;
  const lan = options.lan ?? false;
  const limiter = new RateLimiter(CONTROL_API_LIMITS.rate, options.now);
  let allowedHosts = new Set<string>();

  type Gate = { ok: true; token: RemoteTokenInfo } | { ok: false; status: number; failure: IpcFailure };
  const refuse = (status: number, code: ErrorCode, message: string): Gate => ({
    ok: false,
    status,
    failure: { ok: false, code, message },
  });

  /** The checks every request passes before anything else; no token, no router. */
  async function gate(req: IncomingMessage, needsToken: boolean): Promise<Gate | { ok: true; token: null }> {
    if (!lan && !isLoopback(req.socket.remoteAddress)) {
      return refuse(
        403,
        'forbidden',
        'The control API is open to this computer only; an admin can open it to the LAN.',
      );
    }
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      return refuse(421, 'forbidden', 'This request was addressed to another host name.');
    }
    if (req.headers.origin !== undefined) {
      return refuse(403, 'forbidden', 'Web pages may not drive the console; use a control client such as Companion.');
    }
    if (!needsToken) return { ok: true, token: null };
    const presented = bearer(req);
    if (presented === null) return refuse(401, 'forbidden', 'A control token is required (Authorization: Bearer …).');
    // The rate is spent before the (deliberately slow) hash is checked, so guessing at one token's secret
    // cannot hold the main process up: a flood is refused cheaply, a wrong secret counts against the token.
    const id = tokenIdOf(presented);
    if (id !== null && !limiter.take(id)) {
      return refuse(
        429,
        'throttled',
        'Too many requests with this control token; slow down and try again in a moment.',
      );
    }
    const token = id === null ? null : await tokens.verify(presented);
    if (!token) return refuse(401, 'forbidden', 'This control token is not valid (wrong, or revoked by an admin).');
    return { ok: true, token };
  }

  function answer(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(text);
  }

  function statusOf(result: IpcResult<unknown>): number {
    return result.ok ? 200 : (HTTP_STATUS[result.code] ?? 502);
  }

  async function readBody(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; gate: Gate }> {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > CONTROL_API_LIMITS.maxBodyBytes) {
      return { ok: false, gate: refuse(413, 'invalid-input', 'This request is too large for the control API.') };
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > CONTROL_API_LIMITS.maxBodyBytes) {
        return { ok: false, gate: refuse(413, 'invalid-input', 'This request is too large for the control API.') };
      }
      chunks.push(chunk);
    }
    const text = Buffer.concat(chunks).toString('utf8').trim();
    if (text === '') return { ok: true, value: {} };
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      return { ok: false, gate: refuse(400, 'invalid-input', 'The request body is not JSON.') };
    }
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://control.invalid');
    if (url.pathname === CONTROL_API_PATHS.openapi && req.method === 'GET') {
      const checked = await gate(req, false);
      if (!checked.ok) return answer(res, checked.status, checked.failure);
      return answer(res, 200, controlApiOpenApi());
    }
    if (!url.pathname.startsWith(CONTROL_API_PATHS.invoke)) {
      return answer(res, 404, refusal('There is nothing here; see /openapi.json.', 'not-found'));
    }
    const checked = await gate(req, true);
    if (!checked.ok) {
      req.resume();
      return answer(res, checked.status, checked.failure);
    }
    if (req.method !== 'POST') {
      req.resume();
      res.setHeader('Allow', 'POST');
      return answer(res, 405, refusal('Console requests are POSTed with a JSON body.'));
    }
    const body = await readBody(req);
    if (!body.ok) {
      const failed = body.gate as Extract<Gate, { ok: false }>;
      res.setHeader('Connection', 'close');
      return answer(res, failed.status, failed.failure);
    }
    const channel = url.pathname.slice(CONTROL_API_PATHS.invoke.length);
    const token = checked.token as RemoteTokenInfo;
    const result = await router.invoke(channel, body.value, { role: token.role, label: token.name });
    if (!result.ok) logger.info('control-api: refused a request', { channel, token: token.name, code: result.code });
    answer(res, statusOf(result), result);
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      logger.error('control-api: request failed', { message: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) answer(res, 500, refusal('The control API hit an unexpected error.', 'internal'));
    });
  });
  server.on('clientError', (error, socket) => {
    logger.warn('control-api: malformed HTTP request', { message: error.message });
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: CONTROL_API_LIMITS.maxBodyBytes });
  sockets.on('error', (error) => logger.warn('control-api: socket server error', { message: error.message }));
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://control.invalid');
    socket.on('error', () => socket.destroy());
    const checking = url.pathname === CONTROL_API_PATHS.socket ? gate(req, true) : refuse(404, 'not-found', '');
    void Promise.resolve(checking).then(
      (checked) => {
        if (socket.destroyed) return;
        if (!checked.ok || checked.token === null) {
          const status = checked.ok ? 401 : checked.status;
          socket.end(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\n\r\n`);
          return;
        }
        const token = checked.token;
        sockets.handleUpgrade(req, socket, head, (ws) => void bindSocket(ws, token));
      },
      () => socket.destroy(),
    );
  });

  const socketTokens = new Map<WebSocket, string>();
  const offRevoke = tokens.onRevoke((id) => {
    for (const [ws, tokenId] of socketTokens) if (tokenId === id) ws.close(1008, 'token revoked');
  });

  async function bindSocket(ws: WebSocket, token: RemoteTokenInfo): Promise<void> {
    const caller = { role: token.role, label: token.name };
    socketTokens.set(ws, token.id);
    ws.on('close', () => socketTokens.delete(ws));
    const send = (frame: unknown): void => {
      if (ws.readyState !== ws.OPEN) return;
      // A token revoked while its socket is open hears nothing more.
      if (!tokens.isActive(token.id)) {
        ws.close(1008, 'token revoked');
        return;
      }
      // A client that stopped reading is dropped rather than buffered without bound; the console goes on.
      if (ws.bufferedAmount > CONTROL_API_LIMITS.maxBufferedBytes) {
        logger.warn('control-api: dropped a client that does not read its socket', { token: token.name });
        ws.terminate();
        return;
      }
      ws.send(JSON.stringify(frame));
    };
    ws.on('error', () => ws.terminate());
    // Deltas that arrive while the snapshot is read are held, then sent after it: snapshot first, then deltas.
    const held: unknown[] = [];
    let live = false;
    const detach = router.attach(token.role, (channel, payload) => {
      const frame = { type: 'event', channel, payload };
      if (live) send(frame);
      else held.push(frame);
    });
    ws.on('close', detach);
    ws.on('message', (data, isBinary) => {
      const verdict = readClientFrame(data, isBinary);
      if (verdict.kind === 'refuse') {
        if (verdict.id !== null) send({ type: 'result', id: verdict.id, result: refusal(verdict.reason) });
        return;
      }
      const { frame } = verdict;
      // A token revoked while its socket is open stops there.
      if (!tokens.isActive(token.id)) {
        ws.close(1008, 'token revoked');
        return;
      }
      if (!limiter.take(token.id)) {
        send({ type: 'result', id: frame.id, result: refusal('Too many requests; slow down.', 'throttled') });
        return;
      }
      void router.invoke(frame.channel, frame.payload, caller).then((result) => {
        send({ type: 'result', id: frame.id, result });
      });
    });
    // What a control surface shows: the tiles, what is armed, and the costs (each an IpcResult, as an invoke's).
    const [destinations, armed, costs] = await Promise.all([
      router.invoke('destinations.snapshot', {}, caller),
      router.invoke('remote.armed', {}, caller),
      router.invoke('costs.snapshot', {}, caller),
    ]);
    send({ type: 'snapshot', destinations, armed, costs });
    live = true;
    for (const frame of held.splice(0)) send(frame);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, lan ? '0.0.0.0' : '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const lans = lan ? lanAddresses() : [];
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, ...lans.map((a) => `${a}:${port}`)]);
  const address = `http://${lans[0] ?? '127.0.0.1'}:${port}`;
  logger.info('control-api: listening', { address, lan });

  return {
    address,
    port,
    lan,
    async close() {
      offRevoke();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
