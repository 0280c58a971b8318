import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerFrame } from '../../shared/ipc/bridge';
import { silentLogger } from '../core/logger';
import { createRouter } from '../ipc/router';
import { FAKE_TILE, fakeHandlers } from '../ipc/test-support/fake-handlers';
import { resolveStaticPath, startWebPreview, type WebPreview } from './preview-server';

const rendererDir = mkdtempSync(path.join(tmpdir(), 'booth-renderer-'));
mkdirSync(path.join(rendererDir, 'operator'));
writeFileSync(path.join(rendererDir, 'operator', 'index.html'), '<!doctype html><title>operator</title>');
writeFileSync(path.join(tmpdir(), 'booth-outside.txt'), 'outside');

let preview: WebPreview | null = null;
afterEach(async () => {
  await preview?.close();
  preview = null;
});

async function start() {
  const router = createRouter(fakeHandlers(), silentLogger);
  preview = await startWebPreview({ router, logger: silentLogger, rendererDir });
  return { router, preview };
}

const tokenOf = (url: string) => new URL(url).hash.replace('#token=', '');

function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens the socket; resolves with it when open, or with the HTTP status of the refusal. */
function connect(origin: string, token: string, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/ipc?token=${encodeURIComponent(token)}`, {
      headers: { Origin: origin, ...headers },
    });
    ws.on('open', () => resolve(ws));
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
}

function call(ws: WebSocket, id: number, channel: string, payload: unknown): Promise<ServerFrame> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse((data as Buffer).toString('utf8')) as ServerFrame;
      if (frame.type === 'result' && frame.id === id) {
        ws.off('message', onMessage);
        resolve(frame);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'invoke', id, channel, payload }));
  });
}

describe('web preview server', () => {
  it('listens on loopback only and serves the renderer with the CSP', async () => {
    const { preview } = await start();
    expect(new URL(preview.origin).hostname).toBe('127.0.0.1');
    const page = await get(`${preview.origin}/operator/`);
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'none'");
  });

  it('refuses path traversal and a Host that is not loopback (DNS rebinding)', async () => {
    const { preview } = await start();
    // Dot segments are resolved against the root, never above it.
    for (const attempt of [
      '/../booth-outside.txt',
      '/%2e%2e/booth-outside.txt',
      '/operator/../../booth-outside.txt',
      '/..%5c..%5cbooth-outside.txt',
    ]) {
      const resolved = resolveStaticPath(rendererDir, attempt);
      expect(resolved === null || resolved.startsWith(rendererDir + path.sep), attempt).toBe(true);
    }
    expect(resolveStaticPath(rendererDir, '/operator/%00')).toBeNull();
    expect((await get(`${preview.origin}/..%2f..%2fbooth-outside.txt`)).status).toBe(404);
    expect((await get(`${preview.origin}/operator/`, { Host: 'evil.example:80' })).status).toBe(421);
  });

  it('opens the socket only with a valid token, our Origin and a loopback Host; the token fixes the role', async () => {
    const { preview } = await start();
    expect(await connect(preview.origin, 'wrong-token')).toBe(403);
    expect(await connect(preview.origin, '')).toBe(403);
    const foreign = await new Promise<WebSocket | number>((resolve) => {
      const ws = new WebSocket(`${preview.origin.replace('http', 'ws')}/ipc?token=${tokenOf(preview.operatorUrl)}`, {
        headers: { Origin: 'https://evil.example' },
      });
      ws.on('open', () => resolve(ws));
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    });
    expect(foreign).toBe(403);

    const operator = await connect(preview.origin, tokenOf(preview.operatorUrl));
    expect(operator).toBeInstanceOf(WebSocket);
    const ws = operator as WebSocket;
    expect(await call(ws, 1, 'destinations.snapshot', {})).toMatchObject({ type: 'result', result: { ok: true } });
    expect(await call(ws, 2, 'presets.listAll', {})).toMatchObject({ result: { ok: false, code: 'forbidden' } });
    ws.close();
    const admin = (await connect(preview.origin, tokenOf(preview.adminUrl))) as WebSocket;
    expect(await call(admin, 1, 'presets.listAll', {})).toMatchObject({ result: { ok: true } });
    expect(await call(admin, 2, 'channels.start', { destinationId: 'youtube' })).toMatchObject({
      result: { ok: false, code: 'forbidden' },
    });
    admin.close();
  });

  it('pushes events to the socket as the router publishes them', async () => {
    const { preview, router } = await start();
    const ws = (await connect(preview.origin, tokenOf(preview.operatorUrl))) as WebSocket;
    const event = new Promise<ServerFrame>((resolve) =>
      ws.once('message', (data) => resolve(JSON.parse((data as Buffer).toString('utf8')) as ServerFrame)),
    );
    router.publish('destinations.feed', { kind: 'delta', seq: 2, at: 2, changed: [FAKE_TILE], removed: [] });
    expect(await event).toMatchObject({ type: 'event', channel: 'destinations.feed', payload: { seq: 2 } });
    ws.close();
  });
});
