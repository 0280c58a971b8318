import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { connect as connectTcp, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerFrame } from '../../shared/ipc/bridge';
import { silentLogger } from '../core/logger';
import { createRouter, type Router } from '../ipc/router';
import { fakeHandlers } from '../ipc/test-support/fake-handlers';
import { startWebPreview, type WebPreview } from './preview-server';
import { SOCKET_LIMITS } from './socket-frames';

/**
 * What an attacker (or a runaway window) can put on the web-preview socket. Every case ends with a fresh socket
 * that still gets an answer: an unhandled socket error would end the process, and with it the whole console.
 */
const rendererDir = mkdtempSync(path.join(tmpdir(), 'booth-renderer-'));
let preview: WebPreview | null = null;
const raw: Socket[] = [];
afterEach(async () => {
  for (const socket of raw.splice(0)) socket.destroy();
  await preview?.close();
  preview = null;
});

async function start(router: Router = createRouter(fakeHandlers(), silentLogger)) {
  preview = await startWebPreview({ router, logger: silentLogger, rendererDir });
  return preview;
}

const tokenOf = (url: string) => new URL(url).hash.replace('#token=', '');

function openSocket(p: WebPreview): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${p.origin.replace('http', 'ws')}/ipc?token=${tokenOf(p.operatorUrl)}`, {
      headers: { Origin: p.origin },
    });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function nextResult(ws: WebSocket, id: number): Promise<ServerFrame & { type: 'result' }> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const frame = JSON.parse(data.toString('utf8')) as ServerFrame;
      if (frame.type === 'result' && frame.id === id) {
        ws.off('message', onMessage);
        resolve(frame);
      }
    };
    ws.on('message', onMessage);
  });
}

async function stillAnswers(p: WebPreview): Promise<void> {
  const ws = await openSocket(p);
  const answer = nextResult(ws, 7);
  ws.send(JSON.stringify({ type: 'invoke', id: 7, channel: 'destinations.snapshot', payload: {} }));
  expect((await answer).result.ok).toBe(true);
  ws.close();
}

/** A hand-made handshake, so the test can then write frames no well-behaved client would. */
async function rawSocket(p: WebPreview): Promise<Socket> {
  const { port } = new URL(p.origin);
  const socket = connectTcp(Number(port), '127.0.0.1');
  raw.push(socket);
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(
    [
      `GET /ipc?token=${tokenOf(p.operatorUrl)} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      `Origin: ${p.origin}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
  );
  await new Promise<void>((resolve, reject) =>
    socket.once('data', (chunk: Buffer) =>
      chunk.toString('latin1').startsWith('HTTP/1.1 101') ? resolve() : reject(new Error(chunk.toString('latin1'))),
    ),
  );
  return socket;
}

interface RawFrame {
  opcode: number;
  payload: Buffer;
  rsv1?: boolean;
  masked?: boolean;
  /** A length field that lies about the payload (announces more than is sent). */
  announcedLength?: number;
}

function encodeFrame({ opcode, payload, rsv1 = false, masked = true, announcedLength }: RawFrame): Buffer {
  const length = announcedLength ?? payload.length;
  const head = [0x80 | (rsv1 ? 0x40 : 0) | opcode];
  const maskBit = masked ? 0x80 : 0;
  let extended = Buffer.alloc(0);
  if (length < 126) head.push(maskBit | length);
  else if (length < 65_536) {
    head.push(maskBit | 126);
    extended = Buffer.alloc(2);
    extended.writeUInt16BE(length);
  } else {
    head.push(maskBit | 127);
    extended = Buffer.alloc(8);
    extended.writeBigUInt64BE(BigInt(length));
  }
  if (!masked) return Buffer.concat([Buffer.from(head), extended, payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([Buffer.from(head), extended, mask, body]);
}

/** Resolves when the server ends the connection (close frame or TCP end). */
function ended(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) resolve();
    socket.once('close', () => resolve());
  });
}

/** A text frame's request; `pad` makes it as large as a test needs (the channel refuses it, but answers). */
const invokeText = (id: number, pad?: string) =>
  JSON.stringify({ type: 'invoke', id, channel: 'destinations.snapshot', payload: pad === undefined ? {} : { pad } });

describe('web preview socket under attack', () => {
  const protocolViolations: Array<[string, RawFrame]> = [
    ['invalid UTF-8 in a text frame', { opcode: 0x1, payload: Buffer.from([0xc3, 0x28, 0xff]) }],
    ['RSV1 set without an extension', { opcode: 0x1, payload: Buffer.from(invokeText(1)), rsv1: true }],
    ['an unmasked client frame', { opcode: 0x1, payload: Buffer.from(invokeText(1)), masked: false }],
    ['a reserved opcode', { opcode: 0x3, payload: Buffer.from('x') }],
    ['close code 999', { opcode: 0x8, payload: Buffer.from([0x03, 0xe7]) }],
    ['a 10 MB frame', { opcode: 0x1, payload: Buffer.alloc(10 * 1024 * 1024, 0x20) }],
    ['a header announcing 1 GB', { opcode: 0x1, payload: Buffer.alloc(64), announcedLength: 1024 ** 3 }],
  ];

  it.each(protocolViolations)('%s closes only that socket; the console keeps answering', async (_name, frame) => {
    const p = await start();
    const bystander = await openSocket(p);
    const socket = await rawSocket(p);
    socket.on('error', () => {});
    socket.write(encodeFrame(frame));
    await ended(socket);
    expect(bystander.readyState).toBe(WebSocket.OPEN);
    await stillAnswers(p);
    bystander.close();
  });

  it('answers a 300 KB request with a typed refusal and keeps the socket', async () => {
    const p = await start();
    const ws = await openSocket(p);
    const answer = nextResult(ws, 41);
    ws.send(invokeText(41, 'x'.repeat(300_000)));
    expect((await answer).result).toMatchObject({ ok: false, code: 'invalid-input', message: /too large/ });
    const next = nextResult(ws, 42);
    ws.send(invokeText(42));
    expect((await next).result.ok).toBe(true);
    ws.close();
  });

  it('answers a malformed request that names its id, and drops one that does not, keeping the socket', async () => {
    const p = await start();
    const ws = await openSocket(p);
    ws.send('not json');
    ws.send(JSON.stringify({ type: 'something', channel: 'destinations.snapshot' }));
    const refused = nextResult(ws, 5);
    ws.send(JSON.stringify({ type: 'invoke', id: 5 }));
    expect((await refused).result).toMatchObject({ ok: false, code: 'invalid-input' });
    const fine = nextResult(ws, 6);
    ws.send(invokeText(6));
    expect((await fine).result.ok).toBe(true);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });

  it('closes a socket that keeps sending frames it cannot answer', async () => {
    const p = await start();
    const ws = await openSocket(p);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    for (let i = 0; i <= SOCKET_LIMITS.maxUnanswerable; i += 1) ws.send('garbage');
    expect(await closed).toBe(1008);
    await stillAnswers(p);
  });

  it(`refuses requests past ${SOCKET_LIMITS.maxInFlight} in flight per window instead of queueing them`, async () => {
    const base = createRouter(fakeHandlers(), silentLogger);
    const never = new Promise<never>(() => {});
    const p = await start({ ...base, invoke: () => never });
    const ws = await openSocket(p);
    const extra = 5;
    const refusals: Array<Promise<ServerFrame & { type: 'result' }>> = [];
    for (let id = 1; id <= SOCKET_LIMITS.maxInFlight + extra; id += 1) {
      if (id > SOCKET_LIMITS.maxInFlight) refusals.push(nextResult(ws, id));
      ws.send(invokeText(id));
    }
    const answered = await Promise.all(refusals);
    expect(answered.map((f) => f.result)).toEqual(
      Array.from({ length: extra }, () => expect.objectContaining({ ok: false, code: 'throttled' })),
    );
    ws.close();
  });
});
