import { describe, expect, it } from 'vitest';
import type { Notification } from '../../shared/domain/notification';
import type { BoothCore } from './booth-core';
import { useBoothCore, TEST_CADENCES, WARM_TEST_TIMINGS } from './test-support/booth-core-rig';
import { watch } from './test-support/watch-feed';

const operator = { role: 'operator' } as const;
const startCore = useBoothCore();

async function start(): Promise<BoothCore> {
  return startCore({
    simulator: {
      slateDestinations: ['youtube', 'twitch'],
      timings: WARM_TEST_TIMINGS,
    },
    ...TEST_CADENCES,
    retry: { retries: 2, minTimeoutMs: 20, maxTimeoutMs: 40 },
    costTickMs: 50,
  });
}

const medialiveWrites = (booth: BoothCore, channelId: string) =>
  booth
    .simulator!.control.requests({ service: 'medialive' })
    .filter((r) => ['StartChannel', 'StopChannel', 'BatchUpdateSchedule'].includes(r.operation))
    .filter((r) => r.params['channelId'] === channelId)
    .map((r) => r.operation);

describe('warm standby against the simulator', () => {
  it('standby on the slate, a take that is one input switch (no StartChannel), back to slate, stop', async () => {
    const booth = await start();
    const feed = await watch(booth);
    const youtube = booth.simulator!.topology.destinations.find((d) => d.id === 'youtube')!;
    await feed.until(() => feed.tiles.get('youtube')?.warm?.capable === true);
    expect(feed.tiles.get('linkedin')?.warm).toMatchObject({ capable: false, mode: 'cold' });
    expect(feed.tiles.get('linkedin')?.warm?.whyNot).toMatch(/no slate input attached/);

    expect(await booth.router.invoke('warm.setMode', { destinationId: 'youtube', mode: 'warm' }, operator)).toEqual({
      ok: true,
      data: { mode: 'warm' },
    });
    // A warm take on an idle channel is refused, with nothing sent (never a silent StartChannel).
    const early = await booth.router.invoke('channels.start', { destinationId: 'youtube' }, operator);
    expect(early).toMatchObject({ ok: false, code: 'invalid-state' });
    expect(early.ok ? '' : early.message).toMatch(/Put it in standby first; nothing was sent/);
    expect(medialiveWrites(booth, youtube.channelId)).toEqual([]);

    await booth.router.invoke('warm.standby', { destinationId: 'youtube' }, operator);
    await feed.until(() => feed.tiles.get('youtube')?.warm?.phase === 'STANDBY');
    // The tile said STARTING TO STANDBY while the channel started (published, whatever the machine's load).
    expect(feed.phasesOf('youtube')).toContain('STARTING_TO_STANDBY');
    const standby = feed.tiles.get('youtube')!.warm!;
    expect(standby.activeAttachment).toBe(youtube.slate!.attachmentName);
    expect(standby.standbySince).toEqual(expect.any(Number));
    expect(standby.standbyPerHour).toBeGreaterThan(0);
    expect(booth.simulator!.control.state().channels.find((c) => c.id === youtube.channelId)?.picture).toBe('FILE');
    expect(medialiveWrites(booth, youtube.channelId)).toEqual(['BatchUpdateSchedule', 'StartChannel']);

    // The take: exactly one BatchUpdateSchedule, then the tile turns ON AIR when the pipeline reports the live input.
    const take = await booth.router.invoke('channels.start', { destinationId: 'youtube' }, operator);
    expect(take).toMatchObject({ ok: true, data: { outcome: 'requested', state: 'RUNNING' } });
    await feed.until(() => feed.tiles.get('youtube')?.warm?.phase === 'ON_AIR');
    // SWITCHING while the switch was on its way, then ON AIR once the pipeline reported the live input.
    expect(feed.phasesOf('youtube').slice(-2)).toEqual(['SWITCHING', 'ON_AIR']);
    expect(medialiveWrites(booth, youtube.channelId)).toEqual([
      'BatchUpdateSchedule',
      'StartChannel',
      'BatchUpdateSchedule',
    ]);
    // A second take while on air sends nothing.
    expect(await booth.router.invoke('channels.start', { destinationId: 'youtube' }, operator)).toMatchObject({
      ok: true,
      data: { outcome: 'already' },
    });

    await booth.router.invoke('warm.backToSlate', { destinationId: 'youtube' }, operator);
    await feed.until(() => feed.tiles.get('youtube')?.warm?.phase === 'STANDBY');
    await booth.router.invoke('channels.stop', { destinationId: 'youtube' }, operator);
    await feed.until(() => feed.tiles.get('youtube')?.state === 'IDLE');
    expect(feed.tiles.get('youtube')?.warm?.phase).toBe('OFF');
    const afterTake = medialiveWrites(booth, youtube.channelId).slice(3);
    expect(afterTake.slice(0, 2)).toEqual(['BatchUpdateSchedule', 'StopChannel']);
    // Once IDLE the console deletes its executed input switches from the schedule (a BatchUpdateSchedule of deletes
    // that may land before or after the tile reads IDLE): never a start.
    expect(afterTake.slice(2).every((op) => op === 'BatchUpdateSchedule')).toBe(true);
  });

  it('clears its own switches once the channel is idle, so a cold take after a warm show starts on the live input', async () => {
    const booth = await start();
    const feed = await watch(booth);
    const youtube = booth.simulator!.topology.destinations.find((d) => d.id === 'youtube')!;
    await feed.until(() => feed.tiles.get('youtube')?.warm?.capable === true);
    await booth.router.invoke('warm.setMode', { destinationId: 'youtube', mode: 'warm' }, operator);
    await booth.router.invoke('warm.standby', { destinationId: 'youtube' }, operator);
    await feed.until(() => feed.tiles.get('youtube')?.warm?.phase === 'STANDBY');
    await booth.router.invoke('channels.stop', { destinationId: 'youtube' }, operator);
    await feed.until(() => feed.tiles.get('youtube')?.state === 'IDLE');
    await booth.router.invoke('warm.setMode', { destinationId: 'youtube', mode: 'cold' }, operator);
    // The slate switch is deleted from the schedule (a BatchUpdateSchedule with Deletes), then the cold take.
    await feed.until(() =>
      booth
        .simulator!.control.requests({ service: 'medialive' })
        .some((r) => r.operation === 'DescribeSchedule' && r.params['channelId'] === youtube.channelId),
    );
    await feed.until(() => medialiveWrites(booth, youtube.channelId).length === 4);
    await booth.router.invoke('channels.start', { destinationId: 'youtube' }, operator);
    await feed.until(() => feed.tiles.get('youtube')?.warm?.phase === 'ON_AIR');
    expect(booth.simulator!.control.state().channels.find((c) => c.id === youtube.channelId)?.picture).toBe('LIVE');
  });

  it('a refused switch: one clear message, latched on the tile, sent once, the input read again', async () => {
    const booth = await start();
    const notes: Notification[] = [];
    booth.router.attach('operator', (c, payload) => {
      if (c === 'notifications.feed') notes.push(payload as Notification);
    });
    const feed = await watch(booth);
    const twitch = booth.simulator!.topology.destinations.find((d) => d.id === 'twitch')!;
    await feed.until(() => feed.tiles.get('twitch')?.warm?.capable === true);
    await booth.router.invoke('warm.setMode', { destinationId: 'twitch', mode: 'warm' }, operator);
    await booth.router.invoke('warm.standby', { destinationId: 'twitch' }, operator);
    await feed.until(() => feed.tiles.get('twitch')?.warm?.phase === 'STANDBY');
    booth.simulator!.control.addFault({
      service: 'medialive',
      operation: 'BatchUpdateSchedule',
      kind: 'access-denied',
      count: 1,
    });
    const take = await booth.router.invoke('channels.start', { destinationId: 'twitch' }, operator);
    expect(take).toMatchObject({ ok: false });
    expect(take.ok ? '' : take.message).toMatch(/^Go live Twitch: AWS refused the input switch/);
    expect(medialiveWrites(booth, twitch.channelId)).toEqual([
      'BatchUpdateSchedule',
      'StartChannel',
      'BatchUpdateSchedule',
    ]);
    expect(feed.tiles.get('twitch')?.lastError).toMatchObject({ action: 'start' });
    await feed.until(() => feed.tiles.get('twitch')?.warm?.phase === 'STANDBY');
    const error = notes.find((n) => n.destinationId === 'twitch' && n.level === 'error');
    expect(error?.title).toBe('Twitch: DID NOT GO LIVE — permission denied');
    expect(error?.title).not.toMatch(/Exception/);
  });

  it('refuses warm on a channel deployed without a slate, and a cold choice while running warm', async () => {
    const booth = await start();
    const feed = await watch(booth);
    await feed.until(() => feed.tiles.get('linkedin')?.warm !== undefined);
    const refused = await booth.router.invoke('warm.setMode', { destinationId: 'linkedin', mode: 'warm' }, operator);
    expect(refused).toMatchObject({ ok: false, code: 'invalid-state' });
    expect(refused.ok ? '' : refused.message).toMatch(/^LinkedIn Live cannot run warm: the channel has no slate/);
    await booth.router.invoke('warm.setMode', { destinationId: 'youtube', mode: 'warm' }, operator);
    await booth.router.invoke('warm.standby', { destinationId: 'youtube' }, operator);
    await feed.until(() => feed.tiles.get('youtube')?.warm?.phase === 'STANDBY');
    const cold = await booth.router.invoke('warm.setMode', { destinationId: 'youtube', mode: 'cold' }, operator);
    expect(cold.ok ? '' : cold.message).toMatch(/running warm: stop the channel before choosing cold/);
  });
});
