import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StateUpdates } from '../../shared/domain/state-updates';
import { silentLogger } from '../core/logger';
import { createMemorySettingsStore } from '../core/settings';
import { startBoothCore, type BoothCore, type BoothCoreOptions } from './booth-core';
import { startSimulator, type RunningSimulator } from '../simulator/index';
import { watch } from './test-support/watch-feed';
import { externalSimulatorEnv } from './test-support/booth-core-rig';

const operator = { role: 'operator' } as const;
let cores: BoothCore[] = [];
const sims: RunningSimulator[] = [];
afterEach(async () => {
  for (const c of cores) await c.close();
  cores = [];
  for (const s of sims.splice(0)) await s.close();
});

/** Polls effectively off (once a minute) unless a test says otherwise: what reaches the tiles came by event. */
async function start(extra: Partial<BoothCoreOptions> = {}): Promise<BoothCore> {
  const core = await startBoothCore({
    settings: createMemorySettingsStore(),
    logger: silentLogger,
    env: {},
    simulator: { timings: { channelStartMs: 300, channelStopMs: 200 } },
    monitor: {
      fastIntervalMs: 60_000,
      slowIntervalMs: 60_000,
      reconcileIntervalMs: 60_000,
      pushMovingIntervalMs: 60_000,
    },
    events: { retryMs: 30, maxRetryMs: 60 },
    costTickMs: 1_000,
    ...extra,
  });
  cores.push(core);
  return core;
}

async function updates(booth: BoothCore): Promise<StateUpdates> {
  const r = await booth.router.invoke('updates.snapshot', {}, operator);
  if (!r.ok) throw new Error(r.message);
  return r.data as StateUpdates;
}

const untilMode = (booth: BoothCore, mode: StateUpdates['mode']) =>
  vi.waitFor(
    async () => {
      const u = await updates(booth);
      if (u.mode !== mode) throw new Error(`still ${u.mode}: ${u.reason ?? ''}`);
      return u;
    },
    { timeout: 5_000, interval: 20 },
  );

const channelOf = (booth: BoothCore, id: string) =>
  booth.simulator?.topology.destinations.find((d) => d.id === id)?.channelId ?? '';
const listCalls = (booth: BoothCore) =>
  booth.simulator?.control.requests({ service: 'medialive', operation: 'ListChannels' }).length ?? 0;

describe('channel states pushed by AWS (EventBridge -> SQS -> tiles)', () => {
  it('a change made behind the console reaches the tile without a poll, and the status says "events"', async () => {
    const booth = await start();
    const feed = await watch(booth);
    await untilMode(booth, 'events');
    const polls = listCalls(booth);
    booth.simulator?.control.startChannel(channelOf(booth, 'youtube'));
    await feed.until(() => feed.tiles.get('youtube')?.state === 'RUNNING');
    expect(feed.seen.filter((s) => s.id === 'youtube').map((s) => s.state)).toEqual(['STARTING', 'RUNNING']);
    expect(listCalls(booth)).toBe(polls);
    // A change nobody at this console asked for is still an alarm, whether it came by poll or by event.
    expect(feed.tiles.get('youtube')?.alarm).not.toBeNull();
    expect(await updates(booth)).toMatchObject({ mode: 'events', reason: null, pollEveryMs: 60_000 });
  });

  it('two consoles of one booth both see one change (one seat queue each)', async () => {
    const sim = await startSimulator({ timings: { channelStartMs: 300, channelStopMs: 200 } });
    sims.push(sim);
    const env = (name: string) => externalSimulatorEnv(sim, name);
    const first = await start({ env: env('booth-a') });
    const second = await start({ env: env('booth-b') });
    const a = await watch(first);
    const b = await watch(second);
    await untilMode(first, 'events');
    await untilMode(second, 'events');
    // A third console finds both seats taken and says so (it polls).
    const third = await start({ env: env('booth-c') });
    expect((await untilMode(third, 'polling')).reason).toMatch(/Every event seat \(2\) is in use/);
    sim.control.startChannel(sim.topology.destinations.find((d) => d.id === 'twitch')?.channelId ?? '');
    await a.until(() => a.tiles.get('twitch')?.state === 'RUNNING');
    await b.until(() => b.tiles.get('twitch')?.state === 'RUNNING');
  });

  it('duplicated and reordered deliveries: nothing applied twice, never a step back', async () => {
    const booth = await start();
    const feed = await watch(booth);
    await untilMode(booth, 'events');
    booth.simulator?.control.setEventDelivery({ duplicateRate: 1, reorder: true, reorderHoldMs: 100 });
    const id = channelOf(booth, 'linkedin');
    booth.simulator?.control.startChannel(id);
    await booth.simulator?.control.waitForChannelState(id, 'RUNNING');
    await feed.until(() => feed.tiles.get('linkedin')?.state === 'RUNNING');
    booth.simulator?.control.stopChannel(id);
    await feed.until(() => feed.tiles.get('linkedin')?.state === 'IDLE');
    // Every delivery (duplicates and the held, reordered one included) has been read before the tally is judged.
    await vi.waitFor(
      () => {
        if (booth.simulator?.control.queues().some((q) => q.name.endsWith('seat-1') && q.visible + q.inFlight > 0))
          throw new Error('deliveries still in the queue');
        if ((booth.simulator?.control.events().length ?? 0) === 0) throw new Error('no event yet');
      },
      { timeout: 5_000, interval: 20 },
    );
    const states = feed.seen.filter((s) => s.id === 'linkedin').map((s) => s.state);
    expect(states.at(-1)).toBe('IDLE');
    // Each state at most once per run: a duplicate or a late STARTING never shows again.
    expect(states.filter((s) => s === 'RUNNING')).toHaveLength(1);
    expect(states.filter((s) => s === 'STARTING').length).toBeLessThanOrEqual(1);
    expect(states.indexOf('STARTING')).toBeLessThan(Math.max(states.indexOf('RUNNING'), 0) + 1);
  });

  it('malformed, foreign, unknown-channel, unknown-state and other-service messages change nothing and crash nothing', async () => {
    const booth = await start();
    const feed = await watch(booth);
    await untilMode(booth, 'events');
    const before = JSON.stringify([...feed.tiles.values()].map((t) => [t.id, t.state]));
    const control = booth.simulator?.control;
    for (const kind of ['malformed', 'not-an-event', 'foreign-account', 'unknown-channel', 'other-service'] as const)
      control?.injectEvent(kind, channelOf(booth, 'youtube'));
    await vi.waitFor(() => {
      if (control?.queues().some((q) => q.visible + q.inFlight > 0 && q.name.endsWith('seat-1')))
        throw new Error('not read yet');
    });
    expect(JSON.stringify([...feed.tiles.values()].map((t) => [t.id, t.state]))).toBe(before);
    // A state word it has never heard of is not applied: the poll is asked to say what the channel is.
    const polls = listCalls(booth);
    control?.injectEvent('unknown-state', channelOf(booth, 'youtube'));
    await vi.waitFor(() => expect(listCalls(booth)).toBeGreaterThan(polls), { timeout: 5_000, interval: 20 });
    expect(feed.tiles.get('youtube')?.state).toBe('IDLE');
    expect((await updates(booth)).mode).toBe('events');
  });

  it('the queue deleted mid-show: falls back to polling at the usual cadence, says so, and comes back', async () => {
    const booth = await start({
      monitor: { fastIntervalMs: 50, slowIntervalMs: 100, reconcileIntervalMs: 60_000, pushMovingIntervalMs: 60_000 },
    });
    const feed = await watch(booth);
    await untilMode(booth, 'events');
    const queue = booth.simulator?.topology.events.queues[0] ?? '';
    booth.simulator?.control.deleteQueue(queue);
    const fallback = await untilMode(booth, 'polling');
    expect(fallback.reason).toMatch(/event queue does not exist/);
    expect(fallback.pollEveryMs).toBe(100);
    booth.simulator?.control.startChannel(channelOf(booth, 'custom'));
    await feed.until(() => feed.tiles.get('custom')?.state === 'RUNNING');
    booth.simulator?.control.restoreQueue(queue);
    expect((await untilMode(booth, 'events')).reason).toBeNull();
  });

  it('access denied on the queue: polling, in operator words', async () => {
    const booth = await start();
    await untilMode(booth, 'events');
    const fault = booth.simulator?.control.addFault({ service: 'sqs', kind: 'access-denied' });
    // The long poll under way answers first; the next read is refused.
    booth.simulator?.control.injectEvent('other-service');
    const denied = await untilMode(booth, 'polling');
    expect(denied.reason).toMatch(/may not read the event queue/);
    expect(denied.reason).not.toMatch(/arn:|AccessDenied/);
    if (fault) booth.simulator?.control.removeFault(fault.id);
    await untilMode(booth, 'events');
  });

  it('a long outage of the queue: tiles stay truthful by polling, and the backlog read afterwards is not applied twice', async () => {
    const booth = await start({
      monitor: { fastIntervalMs: 50, slowIntervalMs: 100, reconcileIntervalMs: 60_000, pushMovingIntervalMs: 60_000 },
    });
    const feed = await watch(booth);
    await untilMode(booth, 'events');
    const fault = booth.simulator?.control.addFault({
      service: 'sqs',
      operation: 'ReceiveMessage',
      kind: 'server-error',
      status: 503,
    });
    booth.simulator?.control.injectEvent('other-service');
    expect((await untilMode(booth, 'polling')).reason).toMatch(/cannot be read/);
    const id = channelOf(booth, 'primary');
    booth.simulator?.control.startChannel(id);
    await feed.until(() => feed.tiles.get('primary')?.state === 'RUNNING');
    if (fault) booth.simulator?.control.removeFault(fault.id);
    await untilMode(booth, 'events');
    await vi.waitFor(() => {
      if (
        booth.simulator?.control
          .queues()
          .some((q) => q.name === booth.simulator?.topology.events.queues[0] && q.visible > 0)
      )
        throw new Error('backlog not read yet');
    });
    const states = feed.seen.filter((s) => s.id === 'primary').map((s) => s.state);
    expect(states.filter((s) => s === 'RUNNING')).toHaveLength(1);
    expect(states.at(-1)).toBe('RUNNING');
  });
});

describe('readiness of the pushed state', () => {
  type Item = { id: string; status: string; detail: string };
  const run = async (booth: BoothCore): Promise<Item[]> => {
    const r = await booth.router.invoke('readiness.run', {}, operator);
    if (!r.ok) throw new Error(r.message);
    return (r.data as { items: Item[] }).items;
  };

  it('checks that the rule exists and that every seat queue may be read, and warns in words when not', async () => {
    const booth = await start();
    const ok = await run(booth);
    expect(ok.find((i) => i.id === 'events-rule')).toMatchObject({ status: 'pass' });
    expect(ok.find((i) => i.id === 'events-flow-rule')).toMatchObject({
      status: 'pass',
      detail: 'EventBridge rule lunora-booth-flow-events is enabled.',
    });
    expect(ok.find((i) => i.id === 'events-source-alarms')).toMatchObject({
      status: 'pass',
      detail: 'EventBridge rule lunora-booth-source-alarms is enabled.',
    });
    expect(ok.find((i) => i.id === 'perm-events')).toMatchObject({ status: 'pass' });
    const queues = booth.simulator?.topology.events.queues ?? [];
    booth.simulator?.control.deleteQueue(queues[1] ?? '');
    booth.simulator?.control.addFault({ service: 'sqs', operation: 'ReceiveMessage', kind: 'access-denied', count: 1 });
    const bad = (await run(booth)).find((i) => i.id === 'perm-events');
    expect(bad?.status).toBe('warn');
    expect(bad?.detail).toContain(`${queues[1]}: does not exist`);
    expect(bad?.detail).toMatch(/not allowed|denied|permission/i);
    booth.simulator?.control.addFault({ service: 'eventbridge', kind: 'access-denied', count: 1 });
    expect((await run(booth)).find((i) => i.id === 'events-rule')?.status).toBe('warn');
    booth.simulator?.control.addFault({ service: 'eventbridge', kind: 'access-denied', count: 2 });
    const denied = (await run(booth)).find((i) => i.id === 'events-flow-rule');
    expect(denied?.status).toBe('warn');
    expect(denied?.detail).not.toMatch(/AccessDenied|arn:/);
  });
});
