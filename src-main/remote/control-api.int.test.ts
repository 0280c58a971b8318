import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { startBoothCore, type BoothCore } from '../app/booth-core';
import { silentLogger } from '../core/logger';
import { createMemorySettingsStore } from '../core/settings';
import type { InvokeOutput } from '../../shared/ipc/contract';
import { controlClient } from './test-support/control-client';

/** The control API of a whole console (core, real SDK clients) on the simulator, as a Companion module meets it. */

const FAST = { channelStartMs: 300, channelStopMs: 200, channelUpdateMs: 100 };
const MONITOR = { fastIntervalMs: 50, slowIntervalMs: 200, staleAfterFailures: 2, maxBackoffMs: 200 };
const admin = { role: 'admin' } as const;

let core: BoothCore | null = null;
const clients: { close(): void }[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await core?.close();
  core = null;
});

async function boot() {
  core = await startBoothCore({
    settings: createMemorySettingsStore(),
    logger: silentLogger,
    env: {},
    simulator: { timings: FAST },
    monitor: MONITOR,
    controlPort: 0,
  });
  const token = async (name: string, role: 'remote-operator' | 'remote-viewer') => {
    const made = await core!.router.invoke('remote.createToken', { name, role }, admin);
    if (!made.ok) throw new Error(made.message);
    const { secret } = made.data as InvokeOutput<'remote.createToken'>;
    const client = controlClient(core!.controlApi.address!, secret);
    clients.push(client);
    return { client, secret };
  };
  const sim = core.simulator!;
  const channelOf = (id: string) => sim.topology.destinations.find((d) => d.id === id)!.channelId;
  const starts = (id: string) =>
    sim.control.requests({ operation: 'StartChannel' }).filter((r) => JSON.stringify(r).includes(channelOf(id)));
  return { core, sim, token, channelOf, starts };
}

describe('control API on a console running on the simulator', () => {
  it('arm then take sends one StartChannel; the channel goes on air; the incident log names the token', async () => {
    const { core, sim, token, channelOf, starts } = await boot();
    const { client: deck } = await token('Deck A', 'remote-operator');
    const snapshot = await deck.call('destinations.snapshot');
    expect(snapshot.status).toBe(200);
    expect(JSON.stringify(snapshot.body)).toContain('youtube');

    expect((await deck.call('remote.take')).status).toBe(409);
    expect(await deck.call('remote.arm', { destinationId: 'youtube' })).toMatchObject({ status: 200 });
    expect(starts('youtube')).toHaveLength(0);
    const [first, second] = await Promise.all([deck.call('remote.take'), deck.call('remote.take')]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    expect(starts('youtube')).toHaveLength(1);
    await sim.control.waitForChannelState(channelOf('youtube'), 'RUNNING', 5_000);

    const incidents = await core.router.invoke('incidents.list', {}, { role: 'operator' });
    if (!incidents.ok) throw new Error(incidents.message);
    const { entries } = incidents.data as InvokeOutput<'incidents.list'>;
    const titles = entries.map((e) => e.title);
    expect(titles).toEqual(expect.arrayContaining(['Armed from remote (Deck A)', 'Take from remote (Deck A)']));
    expect(entries.find((e) => e.title === 'Take from remote (Deck A)')?.detail).toMatch(/go-live sent to AWS/);
  });

  it('an arm of a destination that is not in the show, or by a viewer, is refused; nothing reaches AWS', async () => {
    const { token, sim } = await boot();
    const { client: deck } = await token('Deck A', 'remote-operator');
    const { client: wall } = await token('Wall', 'remote-viewer');
    expect(await deck.call('remote.arm', { destinationId: 'nowhere' })).toMatchObject({
      status: 404,
      body: { code: 'not-found' },
    });
    expect((await wall.call('remote.arm', { destinationId: 'youtube' })).status).toBe(403);
    expect((await wall.call('channels.start', { destinationId: 'youtube' })).status).toBe(403);
    expect((await deck.call('channels.endAll', {})).status).toBe(403);
    expect((await deck.call('remote.createToken', { name: 'x', role: 'remote-operator' })).status).toBe(403);
    expect(sim.control.requests({ operation: 'StartChannel' })).toHaveLength(0);
  });

  it('the socket sends a snapshot of the real destinations, then the deltas of a take', async () => {
    const { core, token } = await boot();
    const { client: deck, secret } = await token('Deck A', 'remote-operator');
    const ws = new WebSocket(`ws://127.0.0.1:${core.controlApi.port}/api/v1/socket`, {
      headers: { Authorization: `Bearer ${secret}` },
    });
    const frames: { type: string; channel?: string; payload?: unknown }[] = [];
    ws.on('message', (data) => frames.push(JSON.parse((data as Buffer).toString()) as (typeof frames)[number]));
    await vi.waitFor(() => expect(frames[0]?.type).toBe('snapshot'));
    expect(JSON.stringify(frames[0])).toContain('youtube');
    await deck.call('remote.arm', { destinationId: 'twitch' });
    await deck.call('remote.take');
    await vi.waitFor(
      () => {
        expect(frames.some((f) => f.channel === 'remote.armedFeed')).toBe(true);
        expect(
          frames.some((f) => f.channel === 'destinations.feed' && JSON.stringify(f.payload).includes('STARTING')),
        ).toBe(true);
      },
      { timeout: 5_000 },
    );
    // No frame ever carries a token's secret.
    expect(JSON.stringify(frames)).not.toContain(secret.split('.')[1]);
    ws.close();
  });
});
