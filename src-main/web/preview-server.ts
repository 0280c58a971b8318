import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { WEB_PREVIEW_SOCKET_PATH, type ServerFrame } from '../../shared/ipc/bridge';
import type { Role } from '../../shared/domain/roles';
import type { Logger } from '../core/logger';
import type { Router } from '../ipc/router';
import { CONTENT_SECURITY_POLICY } from '../app/content-security-policy';
import { readClientFrame, refusal, SOCKET_LIMITS } from './socket-frames';

export interface WebPreviewOptions {
  router: Router;
  logger: Logger;
  /** The built renderer (vite build output). */
  rendererDir?: string;
  /** 0 (default) picks a free port. */
  port?: number;
}

export interface WebPreview {
  origin: string;
  operatorUrl: string;
  adminUrl: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Resolves a URL path inside the renderer folder, or null for anything that would leave it. */
export function resolveStaticPath(rendererDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const withIndex = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const root = path.resolve(rendererDir);
  const resolved = path.resolve(root, `.${path.posix.normalize(`/${withIndex}`)}`);
  return resolved.startsWith(root + path.sep) ? resolved : null;
}

/**
 * The web preview: the same router as Electron's ipcMain binding, over a loopback WebSocket.
 * Listens on 127.0.0.1 only; the socket needs a per-run random token (which also fixes the role),
 * an Origin equal to the preview's own, and a Host header naming loopback (no DNS rebinding).
 */
export async function startWebPreview(options: WebPreviewOptions): Promise<WebPreview> {
  const rendererDir = options.rendererDir ?? path.resolve('out/renderer');
  const { router, logger } = options;
  const tokens: Record<Role, string> = {
    operator: randomBytes(24).toString('base64url'),
    admin: randomBytes(24).toString('base64url'),
  };
  let origin = '';
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const server = createServer((req, res) => void serveStatic(req, res));

  async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(421).end('Misdirected request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === WEB_PREVIEW_SOCKET_PATH) {
      // A window whose socket was refused asks here whether its token is this run's (426: it is, the refusal was
      // something else; 403: it is not, the core restarted since). It learns nothing the upgrade does not tell.
      const fromPage = req.headers.origin === undefined || allowedOrigins.has(req.headers.origin);
      const known = Object.values(tokens).some((t) => sameSecret(t, url.searchParams.get('token') ?? ''));
      if (fromPage && known) res.writeHead(426, { Upgrade: 'websocket', 'Cache-Control': 'no-store' }).end();
      else res.writeHead(403, { 'Cache-Control': 'no-store' }).end();
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(302, { Location: '/operator/' }).end();
      return;
    }
    const file = resolveStaticPath(rendererDir, url.pathname);
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  // A client that sends garbage before the upgrade gets a 400 on its own connection; nothing else is touched.
  server.on('clientError', (error, socket) => {
    logger.warn('web-preview: malformed HTTP request', { message: error.message });
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: SOCKET_LIMITS.maxFrameBytes });
  sockets.on('error', (error) => logger.warn('web-preview: socket server error', { message: error.message }));
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const token = url.searchParams.get('token') ?? '';
    const role = (Object.keys(tokens) as Role[]).find((r) => sameSecret(tokens[r], token));
    const trusted =
      url.pathname === WEB_PREVIEW_SOCKET_PATH &&
      allowedOrigins.has(req.headers.origin ?? '') &&
      allowedHosts.has(req.headers.host ?? '') &&
      role;
    if (!trusted) {
      logger.warn('web-preview: refused a socket', { path: url.pathname, origin: req.headers.origin ?? null });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => bindSocket(ws, role));
  });

  function bindSocket(ws: WebSocket, role: Role): void {
    const send = (frame: ServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const detach = router.attach(role, (channel, payload) => send({ type: 'event', channel, payload }));
    ws.on('close', detach);
    // A protocol violation (oversize frame, invalid UTF-8, RSV bits, unmasked frame, bad opcode or close code)
    // makes ws emit 'error' and close this socket; without a listener the error would end the whole process.
    ws.on('error', (error) => {
      logger.warn('web-preview: closed a socket after a protocol error', { role, message: error.message });
      ws.terminate();
    });
    let inFlight = 0;
    let unanswerable = 0;
    ws.on('message', (data, isBinary) => {
      const verdict = readClientFrame(data, isBinary);
      if (verdict.kind === 'refuse') {
        if (verdict.id !== null) {
          send({ type: 'result', id: verdict.id, result: refusal(verdict.reason) });
          return;
        }
        unanswerable += 1;
        logger.warn('web-preview: dropped a frame that names no request', { role, reason: verdict.reason });
        if (unanswerable > SOCKET_LIMITS.maxUnanswerable) ws.close(1008, 'too many malformed frames');
        return;
      }
      const { frame } = verdict;
      if (inFlight >= SOCKET_LIMITS.maxInFlight) {
        send({
          type: 'result',
          id: frame.id,
          result: refusal(
            `This window has ${SOCKET_LIMITS.maxInFlight} requests waiting already; try again in a moment.`,
            'throttled',
          ),
        });
        return;
      }
      inFlight += 1;
      // The role is the socket's, fixed by its token; nothing in the frame can change it.
      void router
        .invoke(frame.channel, frame.payload, { role })
        .then((result) => send({ type: 'result', id: frame.id, result }))
        .finally(() => (inFlight -= 1));
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));

  return {
    origin,
    operatorUrl: `${origin}/operator/#token=${tokens.operator}`,
    adminUrl: `${origin}/admin/#token=${tokens.admin}`,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
