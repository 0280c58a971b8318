import { request } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { silentLogger } from '../core/logger';
import { IncidentLog } from '../core/incidents/incident-log';
import { createRouter, type InvokeHandlers } from '../ipc/router';
import { fakeHandlers } from '../ipc/test-support/fake-handlers';
import { createRemoteFeature } from '../app/remote-feature';
import { CONTROL_API_LIMITS, startControlApi, type ControlApi } from './control-api';
import { RemoteTokens } from './remote-tokens';

interface Reply {
  status: number;
  body: { ok: boolean; code?: string; message?: string; data?: unknown } & Record<string, unknown>;
}

function call(
  api: ControlApi,
  path: string,
  options: { token?: string; body?: string; headers?: Record<string, string>; method?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: api.port,
        path,
        method: options.method ?? 'POST',
        headers: {
          ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
          'Content-Type': 'application/json',
          ...options.headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Reply['body'] }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let api: ControlApi | null = null;
afterEach(async () => {
  await api?.close();
  api = null;
});

async function boot(overrides: Partial<InvokeHandlers> = {}) {
  const start = vi.fn(async () => ({ outcome: 'requested' as const, state: 'STARTING' as const }));
  const incidents = new IncidentLog(() => {});
  let publish: ReturnType<typeof createRouter>['publish'] = () => {};
  const base = fakeHandlers({ 'channels.start': start, ...overrides });
  const remote = createRemoteFeature({
    now: Date.now,
    timeoutMs: () => 5_000,
    destinationIds: () => ['youtube', 'twitch'],
    stateOf: () => 'IDLE',
    operator: (channel) => base[channel],
    testBackup: base['flow.testBackup'],
    incidents,
    publish: (channel, payload) => publish(channel, payload),
  });
  const router = createRouter({ ...base, ...remote.handlers, ...overrides }, silentLogger);
  publish = router.publish;
  const tokens = new RemoteTokens();
  const operator = tokens.create('Stream Deck', 'remote-operator');
  const viewer = tokens.create('Wall screen', 'remote-viewer');
  api = await startControlApi({ router, tokens, logger: silentLogger });
  return { api, start, tokens, operator: operator.token, viewer: viewer.token, incidents, router };
}

describe('control API: refusals before the router', () => {
  it('refuses no token, a wrong token and a revoked token with a typed 401', async () => {
    const { api, tokens, operator } = await boot();
    expect(await call(api, '/api/v1/destinations.snapshot')).toMatchObject({
      status: 401,
      body: { code: 'forbidden' },
    });
    const wrong = `${operator.slice(0, -4)}AAAA`;
    expect((await call(api, '/api/v1/destinations.snapshot', { token: wrong })).status).toBe(401);
    expect((await call(api, '/api/v1/destinations.snapshot', { token: 'garbage' })).status).toBe(401);
    expect((await call(api, '/api/v1/destinations.snapshot', { token: operator })).status).toBe(200);
    tokens.revoke(tokens.list()[0]!.id);
    expect((await call(api, '/api/v1/destinations.snapshot', { token: operator })).status).toBe(401);
  });

  it('refuses a Host that is not ours (DNS rebinding) and any browser Origin', async () => {
    const { api, operator } = await boot();
    const rebinding = await call(api, '/api/v1/destinations.snapshot', {
      token: operator,
      headers: { Host: `evil.example:${api.port}` },
    });
    expect(rebinding).toMatchObject({ status: 421, body: { ok: false, code: 'forbidden' } });
    const crossOrigin = await call(api, '/api/v1/destinations.snapshot', {
      token: operator,
      headers: { Origin: 'https://evil.example' },
    });
    expect(crossOrigin).toMatchObject({ status: 403, body: { ok: false, code: 'forbidden' } });
  });

  it('refuses malformed and oversize bodies, and a flood past the token rate', async () => {
    const { api, operator, viewer } = await boot();
    expect(await call(api, '/api/v1/remote.arm', { token: operator, body: '{not json' })).toMatchObject({
      status: 400,
      body: { code: 'invalid-input' },
    });
    expect(await call(api, '/api/v1/remote.arm', { token: operator, body: '{"destinationId":7}' })).toMatchObject({
      status: 400,
      body: { code: 'invalid-input' },
    });
    const huge = JSON.stringify({ destinationId: 'x'.repeat(CONTROL_API_LIMITS.maxBodyBytes) });
    expect((await call(api, '/api/v1/remote.arm', { token: operator, body: huge })).status).toBe(413);
    const replies = await Promise.all(
      Array.from({ length: CONTROL_API_LIMITS.rate.burst + 5 }, () =>
        call(api, '/api/v1/destinations.snapshot', { token: viewer }),
      ),
    );
    expect(replies.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    expect(replies.find((r) => r.status === 429)?.body.code).toBe('throttled');
    // The flood of one token leaves another untouched.
    expect((await call(api, '/api/v1/remote.armed', { token: operator })).status).toBe(200);
  });
});

describe('control API: roles through the router', () => {
  it('refuses a viewer arming or taking, and an operator token calling an admin or window-only channel', async () => {
    const { api, start, viewer, operator } = await boot();
    expect(await call(api, '/api/v1/remote.arm', { token: viewer, body: '{"destinationId":"youtube"}' })).toMatchObject(
      { status: 403, body: { code: 'forbidden' } },
    );
    expect((await call(api, '/api/v1/remote.take', { token: viewer })).status).toBe(403);
    for (const channel of ['settings.updateCosts', 'channels.start', 'channels.endAll', 'destinations.create']) {
      expect((await call(api, `/api/v1/${channel}`, { token: operator, body: '{}' })).status).toBe(403);
    }
    expect(start).not.toHaveBeenCalled();
  });

  it('takes only what was armed, one request per take, and logs the token name', async () => {
    const { api, start, operator, incidents } = await boot();
    expect(await call(api, '/api/v1/remote.take', { token: operator })).toMatchObject({
      status: 409,
      body: { code: 'invalid-state' },
    });
    expect(start).not.toHaveBeenCalled();
    const armed = await call(api, '/api/v1/remote.arm', { token: operator, body: '{"destinationId":"youtube"}' });
    expect(armed.body.data).toMatchObject({ armed: { destinationId: 'youtube', by: 'Stream Deck' } });
    // Two takes at once: the arm is consumed by the first, the second finds nothing armed.
    const [a, b] = await Promise.all([
      call(api, '/api/v1/remote.take', { token: operator }),
      call(api, '/api/v1/remote.take', { token: operator }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(start).toHaveBeenCalledTimes(1);
    expect(start).toHaveBeenCalledWith({ destinationId: 'youtube' }, expect.anything());
    const titles = incidents.list().map((e) => e.title);
    expect(titles).toEqual(
      expect.arrayContaining(['Armed from remote (Stream Deck)', 'Take from remote (Stream Deck)']),
    );
  });

  it('serves an OpenAPI description generated from the contract', async () => {
    const { api } = await boot();
    const reply = await call(api, '/openapi.json', { method: 'GET' });
    expect(reply.status).toBe(200);
    const paths = reply.body['paths'] as Record<string, unknown>;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/api/v1/remote.arm', '/api/v1/remote.take']));
    expect(Object.keys(paths)).not.toContain('/api/v1/channels.start');
  });
});

describe('control API: WebSocket', () => {
  it('sends a snapshot first, then deltas', async () => {
    const { api, operator } = await boot();
    const ws = new WebSocket(`ws://127.0.0.1:${api.port}/api/v1/socket`, {
      headers: { Authorization: `Bearer ${operator}` },
    });
    const frames: { type: string; channel?: string }[] = [];
    ws.on('message', (data) => frames.push(JSON.parse((data as Buffer).toString()) as { type: string }));
    await vi.waitFor(() => expect(frames[0]?.type).toBe('snapshot'));
    await call(api, '/api/v1/remote.arm', { token: operator, body: '{"destinationId":"twitch"}' });
    await vi.waitFor(() => expect(frames.some((f) => f.channel === 'remote.armedFeed')).toBe(true));
    ws.close();
  });

  it('refuses a socket without a token or with an Origin', async () => {
    const { api, operator } = await boot();
    for (const headers of [{}, { Authorization: `Bearer ${operator}`, Origin: 'https://evil.example' }]) {
      const ws = new WebSocket(`ws://127.0.0.1:${api.port}/api/v1/socket`, { headers });
      const outcome = await new Promise<string>((resolve) => {
        ws.on('open', () => resolve('open'));
        ws.on('error', () => resolve('refused'));
      });
      expect(outcome).toBe('refused');
    }
  });
});
