import { createServer } from 'node:net';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { IncidentLog } from '../core/incidents/incident-log';
import type { Logger } from '../core/logger';
import { createMemorySettingsStore } from '../core/settings';
import { createRouter } from '../ipc/router';
import { fakeHandlers } from '../ipc/test-support/fake-handlers';
import { createRemoteControl, type RemoteControl } from './remote-control';

/** Everything logged, as text, so a test can prove a secret never reached it. */
function recordingLogger(): Logger & { text(): string } {
  const lines: string[] = [];
  const log = (message: string, fields?: unknown) => void lines.push(`${message} ${JSON.stringify(fields ?? {})}`);
  return { debug: log, info: log, warn: log, error: log, text: () => lines.join('\n') };
}

function get(port: number, path: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { Authorization: `Bearer ${token}` } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

let running: RemoteControl | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

async function boot(port = 0) {
  const settings = createMemorySettingsStore();
  const logger = recordingLogger();
  const incidents = new IncidentLog(() => {});
  const published: unknown[] = [];
  const remote = createRemoteControl({
    settings,
    logger,
    incidents,
    publish: (channel, payload) => published.push({ channel, payload }),
    port,
  });
  await remote.start(createRouter(fakeHandlers(remote.handlers), logger));
  running = remote;
  return { remote, settings, logger, incidents, published };
}

describe('remote control in the core', () => {
  it('listens on loopback at a free port and says where', async () => {
    const { remote, published } = await boot();
    const status = await remote.handlers['remote.status']({}, { role: 'admin' });
    expect(status).toMatchObject({ listening: true, lan: false, problem: null });
    expect(status.address).toBe(`http://127.0.0.1:${status.port}`);
    expect(published).toContainEqual({ channel: 'remote.statusFeed', payload: status });
  });

  it('shows the secret once, keeps only its hash, never logs it, and revoking it closes its open socket', async () => {
    const { remote, settings, logger, incidents } = await boot();
    const made = await remote.handlers['remote.createToken'](
      { name: 'Stream Deck', role: 'remote-operator' },
      { role: 'admin' },
    );
    expect(made.secret).toMatch(/^lbr_/);
    const stored = JSON.stringify(settings.get());
    expect(stored).not.toContain(made.secret);
    expect(stored).not.toContain(made.secret.split('.')[1]);
    expect(settings.get().remote.tokens[0]).toMatchObject({ name: 'Stream Deck', role: 'remote-operator' });
    const listed = await remote.handlers['remote.tokens']({}, { role: 'admin' });
    expect(JSON.stringify(listed)).not.toContain(made.secret.split('.')[1]);
    expect(incidents.list().map((e) => e.title)).toContain('Control token created (Stream Deck)');

    const port = remote.status().port;
    expect(await get(port, '/api/v1/destinations.snapshot', made.secret)).toBe(200);
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/socket`, {
      headers: { Authorization: `Bearer ${made.secret}` },
    });
    await new Promise((resolve) => ws.once('message', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await remote.handlers['remote.revokeToken']({ id: made.token.id }, { role: 'admin' });
    expect(await closed).toBe(1008);
    expect(await get(port, '/api/v1/destinations.snapshot', made.secret)).toBe(401);
    expect(logger.text()).not.toContain(made.secret.split('.')[1]);
    await expect(remote.handlers['remote.revokeToken']({ id: made.token.id }, { role: 'admin' })).rejects.toThrow(
      /already revoked/,
    );
  });

  it('refuses a second token of the same name', async () => {
    const { remote } = await boot();
    await remote.handlers['remote.createToken']({ name: 'Deck', role: 'remote-viewer' }, { role: 'admin' });
    await expect(
      remote.handlers['remote.createToken']({ name: 'deck', role: 'remote-operator' }, { role: 'admin' }),
    ).rejects.toThrow(/exists/);
  });

  it('a port taken by another program is said in words, and the console goes on', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const { remote } = await boot(taken);
      expect(remote.status()).toMatchObject({ listening: false, address: null });
      expect(remote.status().problem).toMatch(new RegExp(`Port ${taken} is used by another program`));
    } finally {
      blocker.close();
    }
  });

  it('opening to the LAN is the admin’s act, stored, logged, and said in the status', async () => {
    const { remote, settings, incidents } = await boot();
    const free = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const status = await remote.handlers['remote.configure']({ port: free, lan: true }, { role: 'admin' });
    expect(status).toMatchObject({ listening: true, lan: true, port: free });
    expect(settings.get().remote).toMatchObject({ port: free, lan: true });
    expect(incidents.list().map((e) => e.title)).toContain('Control API opened to the LAN');
    const back = await remote.handlers['remote.configure']({ port: free, lan: false }, { role: 'admin' });
    expect(back).toMatchObject({ lan: false, address: `http://127.0.0.1:${free}` });
  });
});
