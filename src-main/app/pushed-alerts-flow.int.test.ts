import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IncidentEntry } from '../../shared/domain/incident';
import type { StateUpdates } from '../../shared/domain/state-updates';
import { silentLogger } from '../core/logger';
import { createMemorySettingsStore } from '../core/settings';
import { startBoothCore, type BoothCore, type BoothCoreOptions } from './booth-core';
import { watch } from './test-support/watch-feed';

const operator = { role: 'operator' } as const;
let cores: BoothCore[] = [];
afterEach(async () => {
  for (const c of cores) await c.close();
  cores = [];
});

/** Channel and flow polls effectively off (once a minute): what reaches the console came by event. */
async function start(extra: Partial<BoothCoreOptions> = {}): Promise<BoothCore> {
  const core = await startBoothCore({
    settings: createMemorySettingsStore(),
    logger: silentLogger,
    env: {},
    simulator: { timings: { channelStartMs: 300, channelStopMs: 200, failoverMs: 100, metricSampleMs: 200 } },
    monitor: {
      fastIntervalMs: 60_000,
      slowIntervalMs: 60_000,
      reconcileIntervalMs: 60_000,
      pushMovingIntervalMs: 60_000,
    },
    flow: { steadyIntervalMs: 60_000, pushSteadyIntervalMs: 60_000, fastIntervalMs: 200, afterEventFastMs: 3_000 },
    events: { retryMs: 30, maxRetryMs: 60 },
    ...extra,
  });
  cores.push(core);
  return core;
}

async function invoke<T>(
  booth: BoothCore,
  channel: 'updates.snapshot' | 'incidents.list' | 'flow.snapshot',
): Promise<T> {
  const r = await booth.router.invoke(channel, {}, operator);
  if (!r.ok) throw new Error(r.message);
  return r.data as T;
}

const untilEvents = (booth: BoothCore) =>
  vi.waitFor(
    async () => {
      const u = await invoke<StateUpdates>(booth, 'updates.snapshot');
      if (u.mode !== 'events') throw new Error(`still ${u.mode}: ${u.reason ?? ''}`);
    },
    { timeout: 5_000, interval: 20 },
  );

const channelOf = (booth: BoothCore, id: string) =>
  booth.simulator?.topology.destinations.find((d) => d.id === id)?.channelId ?? '';

const incidents = async (booth: BoothCore) =>
  (await invoke<{ entries: IncidentEntry[] }>(booth, 'incidents.list')).entries;

/** Every message on this console's seat queue has been read and deleted. */
const drained = (booth: BoothCore) =>
  vi.waitFor(
    () => {
      const seat = booth.simulator?.topology.events.queues[0];
      if (booth.simulator?.control.queues().some((q) => q.name === seat && q.visible + q.inFlight > 0))
        throw new Error('not read yet');
    },
    { timeout: 5_000, interval: 20 },
  );

describe('MediaLive alerts pushed by AWS', () => {
  it('SET: an AWS ALERT alarm on the tile and an alarm in the incident log, once however often it is delivered; CLEARED: marked cleared', async () => {
    const booth = await start();
    const feed = await watch(booth);
    await untilEvents(booth);
    const control = booth.simulator!.control;
    control.setEventDelivery({ duplicateRate: 1 });
    const { alarmId } = control.channelAlert(channelOf(booth, 'youtube'), {
      state: 'SET',
      type: 'Failed to Create Output File or Socket',
      message: 'RTMP push to the platform refused.',
    });
    await feed.until(() => feed.tiles.get('youtube')?.alarm?.kind === 'aws-alert');
    const alarm = feed.tiles.get('youtube')?.alarm;
    expect(alarm?.message).toContain('Failed to Create Output File or Socket: RTMP push to the platform refused.');
    expect(alarm?.recoveredAt).toBeNull();
    await drained(booth);
    const raised = (await incidents(booth)).filter((e) => e.title.includes('MediaLive alert'));
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ kind: 'alarm', level: 'warning', destinationId: 'youtube' });
    expect(raised[0]?.detail).not.toMatch(/arn:/);
    // The state did not change: an alert is not a state.
    expect(feed.tiles.get('youtube')?.state).toBe('IDLE');

    control.channelAlert(channelOf(booth, 'youtube'), { state: 'CLEARED', alarmId });
    await feed.until(
      () =>
        feed.tiles.get('youtube')?.alarm?.recoveredAt !== null &&
        feed.tiles.get('youtube')?.alarm?.recoveredAt !== undefined,
    );
    await drained(booth);
    expect((await incidents(booth)).filter((e) => e.title.includes('MediaLive alert cleared'))).toHaveLength(1);
    // The latch stays until the operator acknowledges it.
    expect(feed.tiles.get('youtube')?.alarm?.kind).toBe('aws-alert');
    const ack = await booth.router.invoke('channels.acknowledgeAlarm', { destinationId: 'youtube' }, operator);
    expect(ack.ok).toBe(true);
    await feed.until(() => feed.tiles.get('youtube')?.alarm === null);
  });

  it("an alert on a channel that is not the booth's changes no tile and logs nothing", async () => {
    const booth = await start({ simulator: { neighbours: { channels: 1 } } });
    const feed = await watch(booth);
    await untilEvents(booth);
    const before = (await incidents(booth)).length;
    const known = new Set(booth.simulator!.topology.destinations.map((d) => d.channelId));
    const neighbour = booth.simulator!.control.state().channels.find((c) => !known.has(c.id));
    expect(neighbour).toBeDefined();
    booth.simulator!.control.channelAlert(neighbour?.id ?? '', { state: 'SET' });
    await drained(booth);
    expect([...feed.tiles.values()].every((t) => t.alarm === null)).toBe(true);
    expect((await incidents(booth)).length).toBe(before);
  });
});

describe('the flow events pushed by AWS', () => {
  it('a source lost behind the console reaches the main card by event, while the flow poll runs once a minute', async () => {
    const booth = await start();
    await untilEvents(booth);
    const control = booth.simulator!.control;
    const describes = () => control.requests({ service: 'mediaconnect', operation: 'DescribeFlow' }).length;
    const before = describes();
    control.loseSource('main');
    // Source Health and Flow Health arrive; the flow is polled at once (not a minute later) and goes fast a while.
    await vi.waitFor(() => expect(describes()).toBeGreaterThan(before), { timeout: 3_000, interval: 20 });
    await vi.waitFor(
      async () => {
        const snap = await invoke<{ flow: { sources: { role: string; grade: string }[] } }>(booth, 'flow.snapshot');
        expect(snap.flow.sources.find((s) => s.role === 'main')?.grade).toBe('lost');
      },
      { timeout: 5_000, interval: 50 },
    );
  });
});

describe("the stack's source alarms pushed by CloudWatch", () => {
  it('with a channel on air the flow is read once a minute; packet loss that keeps the source connected alarms, and the card shows it at once', async () => {
    const booth = await start({
      simulator: {
        timings: { channelStartMs: 300, channelStopMs: 200, metricSampleMs: 200, alarmPeriodMs: 1_000 },
      },
      flow: {
        steadyIntervalMs: 60_000,
        pushSteadyIntervalMs: 60_000,
        fastIntervalMs: 200,
        afterEventFastMs: 3_000,
        periodSec: 1,
        thresholds: { lossWindowMs: 2_000 },
      },
    });
    await untilEvents(booth);
    const control = booth.simulator!.control;
    const channel = channelOf(booth, 'youtube');
    control.startChannel(channel);
    await control.waitForChannelState(channel, 'RUNNING', 5_000);
    const grade = async () =>
      (
        await invoke<{ flow: { sources: { role: string; grade: string }[] } }>(booth, 'flow.snapshot')
      ).flow.sources.find((s) => s.role === 'main')?.grade;
    // On air with the source alarms delivered there is no 15 s on-air poll: only the alarm's event brings the loss soon.
    control.rampPacketLoss('main', { toPercent: 4, overMs: 200 });
    await vi.waitFor(
      () =>
        expect(
          control.events().some((e) => e.detailType === 'CloudWatch Alarm State Change' && /ALARM/.test(e.summary)),
        ).toBe(true),
      { timeout: 5_000, interval: 50 },
    );
    await vi.waitFor(async () => expect(await grade()).toBe('degraded'), { timeout: 5_000, interval: 50 });
  });
});

describe('a take while events keep the tiles fresh', () => {
  const medialiveOps = (booth: BoothCore) =>
    booth
      .simulator!.control.requests({ service: 'medialive' })
      .map((r) => (r as { operation?: string }).operation)
      .filter((op) => op !== 'ListChannels' && op !== 'ListTagsForResource' && op !== 'CreateTags');

  it('is one request, StartChannel, with no DescribeChannel before it; polling, it reads the channel first', async () => {
    const booth = await start();
    const feed = await watch(booth);
    await untilEvents(booth);
    booth.simulator!.control.clearRequests();
    const r = await booth.router.invoke('channels.start', { destinationId: 'youtube' }, operator);
    expect(r.ok).toBe(true);
    expect(medialiveOps(booth)).toEqual(['StartChannel']);
    await feed.until(() => feed.tiles.get('youtube')?.state === 'RUNNING');

    booth.simulator!.control.deleteQueue(booth.simulator!.topology.events.queues[0] ?? '');
    await vi.waitFor(async () => expect((await invoke<StateUpdates>(booth, 'updates.snapshot')).mode).toBe('polling'), {
      timeout: 5_000,
      interval: 20,
    });
    booth.simulator!.control.clearRequests();
    expect((await booth.router.invoke('channels.start', { destinationId: 'twitch' }, operator)).ok).toBe(true);
    expect(medialiveOps(booth)).toEqual(['DescribeChannel', 'StartChannel']);
  });

  it('a stale IDLE (its event still on its way): AWS refuses the start, the console re-reads and says it is already on its way', async () => {
    const booth = await start();
    await watch(booth);
    await untilEvents(booth);
    const control = booth.simulator!.control;
    // The change behind the console's back reaches it late: its tile still says IDLE when the take comes.
    control.setEventDelivery({ minDelayMs: 3_000, maxDelayMs: 3_000 });
    control.startChannel(channelOf(booth, 'linkedin'));
    control.clearRequests();
    const r = await booth.router.invoke('channels.start', { destinationId: 'linkedin' }, operator);
    expect(r).toMatchObject({ ok: true, data: { outcome: 'already' } });
    expect(medialiveOps(booth)).toEqual(['StartChannel', 'DescribeChannel']);
  });
});
