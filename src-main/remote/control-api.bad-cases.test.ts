import { connect } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { IncidentLog } from '../core/incidents/incident-log';
import type { Logger } from '../core/logger';
import { createRouter } from '../ipc/router';
import { fakeHandlers } from '../ipc/test-support/fake-handlers';
import { createRemoteFeature } from '../app/remote-feature';
import { CONTROL_API_LIMITS, startControlApi, type ControlApi } from './control-api';
import { RemoteTokens } from './remote-tokens';
import { controlClient } from './test-support/control-client';

/**
 * The refusals the issue lists that control-api.test.ts does not already prove, each against the real server over
 * loopback, each followed by a good request that still works (the console unaffected).
 */

function recordingLogger(): Logger & { messages: string[] } {
  const messages: string[] = [];
  const log = (message: string) => void messages.push(message);
  return { debug: log, info: log, warn: log, error: log, messages };
}

let api: ControlApi | null = null;
afterEach(async () => {
  await api?.close();
  api = null;
});

async function boot(now?: () => number) {
  const logger = recordingLogger();
  const start = vi.fn(async () => ({ outcome: 'requested' as const, state: 'STARTING' as const }));
  let publish: ReturnType<typeof createRouter>['publish'] = () => {};
  const base = fakeHandlers({ 'channels.start': start });
  const remote = createRemoteFeature({
    now: Date.now,
    timeoutMs: () => 5_000,
    destinationIds: () => ['youtube'],
    stateOf: () => 'IDLE',
    operator: (channel) => base[channel],
    testBackup: base['flow.testBackup'],
    incidents: new IncidentLog(() => {}),
    publish: (channel, payload) => publish(channel, payload),
  });
  const router = createRouter({ ...base, ...remote.handlers }, logger);
  publish = router.publish;
  const tokens = new RemoteTokens();
  const operator = tokens.create('Stream Deck', 'remote-operator').token;
  api = await startControlApi({ router, tokens, logger, ...(now ? { now } : {}) });
  const client = controlClient(`http://127.0.0.1:${api.port}`, operator);
  const stillServes = async () => expect((await client.call('remote.armed')).status).toBe(200);
  return { api, router, operator, client, logger, start, stillServes };
}

describe('control API bad cases against the real server', () => {
  it('with LAN off it listens on loopback only, and a request from another address is refused in words', async () => {
    const { api, client, stillServes } = await boot();
    expect(api.lan).toBe(false);
    expect(api.address).toBe(`http://127.0.0.1:${api.port}`);
    // 127.0.0.2 is not 127.0.0.1: the gate refuses any peer but this computer's loopback while LAN is off.
    const fromElsewhere = await client.call('remote.armed', {}, { localAddress: '127.0.0.2' });
    expect(fromElsewhere).toMatchObject({ status: 403, body: { ok: false, code: 'forbidden' } });
    expect(fromElsewhere.body.message).toMatch(/this computer only; an admin can open it to the LAN/);
    await stillServes();
    client.close();
  });

  it('a flood of guesses at one token’s secret is refused cheaply (the rate is spent before the hash)', async () => {
    const { api, operator, client } = await boot(() => 1_000); // a frozen clock: nothing refills
    const guess = `${operator.slice(0, -6)}ZZZZZZ`;
    const guesser = controlClient(`http://127.0.0.1:${api.port}`, guess);
    const statuses: number[] = [];
    for (let i = 0; i < CONTROL_API_LIMITS.rate.burst + 10; i += 1)
      statuses.push((await guesser.call('remote.armed')).status);
    expect(statuses.slice(0, CONTROL_API_LIMITS.rate.burst).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(CONTROL_API_LIMITS.rate.burst)).toContain(429);
    guesser.close();
    // The guessed token is throttled for a moment; a garbage token never reaches the hash and is 401 at once.
    const garbage = controlClient(`http://127.0.0.1:${api.port}`, 'lbr_nonsense');
    expect((await garbage.call('remote.armed')).status).toBe(401);
    garbage.close();
    client.close();
  });

  it('a socket with a foreign Host (DNS rebinding) is refused; an oversize frame closes only that socket', async () => {
    const { api, operator, client, stillServes } = await boot();
    const rebinding = new WebSocket(`ws://127.0.0.1:${api.port}/api/v1/socket`, {
      headers: { Authorization: `Bearer ${operator}`, Host: `evil.example:${api.port}` },
    });
    const refused = await new Promise<string>((resolve) => {
      rebinding.on('open', () => resolve('open'));
      rebinding.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
      rebinding.on('error', () => resolve('refused'));
    });
    expect(refused).toBe('421');

    const ws = new WebSocket(`ws://127.0.0.1:${api.port}/api/v1/socket`, {
      headers: { Authorization: `Bearer ${operator}` },
    });
    await new Promise((resolve) => ws.once('message', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'remote.arm', payload: 'x'.repeat(64 * 1024) }));
    expect(await closed).toBe(1009);
    await stillServes();
    client.close();
  });

  it('a malformed socket frame is answered with a typed refusal; a viewer-only socket cannot arm', async () => {
    const { api, operator, client, start } = await boot();
    const ws = new WebSocket(`ws://127.0.0.1:${api.port}/api/v1/socket`, {
      headers: { Authorization: `Bearer ${operator}` },
    });
    const frames: { type: string; id?: number; result?: { ok: boolean; code?: string } }[] = [];
    ws.on('message', (data) => frames.push(JSON.parse((data as Buffer).toString()) as (typeof frames)[number]));
    await vi.waitFor(() => expect(frames[0]?.type).toBe('snapshot'));
    ws.send(JSON.stringify({ type: 'invoke', id: 7, channel: 'remote.arm', payload: { destinationId: 42 } }));
    ws.send(
      JSON.stringify({ type: 'invoke', id: 8, channel: 'channels.start', payload: { destinationId: 'youtube' } }),
    );
    await vi.waitFor(() => expect(frames.filter((f) => f.type === 'result')).toHaveLength(2));
    expect(frames.find((f) => f.id === 7)?.result).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(frames.find((f) => f.id === 8)?.result).toMatchObject({ ok: false, code: 'forbidden' });
    expect(start).not.toHaveBeenCalled();
    ws.close();
    client.close();
  });

  it('a client that never reads its socket is dropped once too much waits for it; the console goes on', async () => {
    const { api, router, operator, client, logger, stillServes } = await boot();
    // A raw socket that does the WebSocket handshake and then never reads another byte.
    const raw = connect(api.port, '127.0.0.1');
    await new Promise((resolve) => raw.once('connect', resolve));
    raw.write(
      [
        'GET /api/v1/socket HTTP/1.1',
        `Host: 127.0.0.1:${api.port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Version: 13',
        `Authorization: Bearer ${operator}`,
        '',
        '',
      ].join('\r\n'),
    );
    await new Promise((resolve) => raw.once('data', resolve));
    raw.pause();
    // Large deltas, far past what the kernel's buffers and the limit hold together.
    const by = 'x'.repeat(60_000);
    await vi.waitFor(
      () => {
        for (let i = 0; i < 40; i += 1)
          router.publish('remote.armedFeed', {
            armed: {
              id: 'a',
              destinationId: 'youtube',
              action: 'start',
              by,
              surface: 'remote',
              armedAt: 1,
              expiresAt: 2,
            },
            switchArmed: null,
          });
        expect(logger.messages).toContain('control-api: dropped a client that does not read its socket');
      },
      { timeout: 15_000, interval: 20 },
    );
    raw.destroy();
    await stillServes();
    client.close();
  });
});
