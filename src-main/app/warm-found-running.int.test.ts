import {
  BatchUpdateScheduleCommand,
  DescribeChannelCommand,
  MediaLiveClient,
  StartChannelCommand,
} from '@aws-sdk/client-medialive';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DestinationsFeed, DestinationStatus } from '../../shared/domain/destination';
import type { Notification } from '../../shared/domain/notification';
import type { ShowSnapshot } from '../../shared/domain/show-time';
import { startSimulator, type RunningSimulator } from '../simulator/index';
import type { BoothCore } from './booth-core';
import { TEST_CADENCES, useBoothCore, WARM_TEST_TIMINGS, externalSimulatorEnv } from './test-support/booth-core-rig';

const operator = { role: 'operator' } as const;

// Registered before the rig's hook: hooks after a test run last-registered first, so the console closes before its
// simulator does.
let sim: RunningSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});
const startCore = useBoothCore();

/**
 * A simulated AWS account whose YouTube channel is already RUNNING on its slate, as a console that ran before (or
 * another one) left it: the slate switch scheduled, then StartChannel, with nothing of it in this console's settings.
 */
async function worldWithStandby(): Promise<{ w: RunningSimulator; channelId: string; slate: string }> {
  sim = await startSimulator({ slateDestinations: ['youtube'], timings: WARM_TEST_TIMINGS });
  const w = sim;
  const youtube = w.topology.destinations.find((d) => d.id === 'youtube')!;
  const medialive = new MediaLiveClient({
    region: w.region,
    endpoint: w.endpoint,
    credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' },
  });
  try {
    await medialive.send(
      new BatchUpdateScheduleCommand({
        ChannelId: youtube.channelId,
        Creates: {
          ScheduleActions: [
            {
              ActionName: 'earlier-run-slate',
              ScheduleActionStartSettings: { ImmediateModeScheduleActionStartSettings: {} },
              ScheduleActionSettings: {
                InputSwitchSettings: { InputAttachmentNameReference: youtube.slate!.attachmentName },
              },
            },
          ],
        },
      }),
    );
    await medialive.send(new StartChannelCommand({ ChannelId: youtube.channelId }));
    await w.control.waitForChannelState(youtube.channelId, 'RUNNING', 5_000);
    // What AWS says before this console starts: running, on the slate.
    const described = await medialive.send(new DescribeChannelCommand({ ChannelId: youtube.channelId }));
    expect(described.PipelineDetails?.[0]?.ActiveInputAttachmentName).toBe(youtube.slate!.attachmentName);
  } finally {
    medialive.destroy();
  }
  return { w, channelId: youtube.channelId, slate: youtube.slate!.attachmentName };
}

function startConsole(w: RunningSimulator): Promise<BoothCore> {
  return startCore({
    env: externalSimulatorEnv(w),
    ...TEST_CADENCES,
    retry: { retries: 1, minTimeoutMs: 5, maxTimeoutMs: 20 },
  });
}

async function recentNotifications(booth: BoothCore): Promise<Notification[]> {
  const answer = await booth.router.invoke('notifications.recent', {}, operator);
  if (!answer.ok) throw new Error(answer.message);
  return (answer.data as { notifications: Notification[] }).notifications;
}

async function youtubeTimeline(booth: BoothCore) {
  const answer = await booth.router.invoke('show.snapshot', {}, operator);
  if (!answer.ok) throw new Error(answer.message);
  return (answer.data as ShowSnapshot).timeline.destinations.find((d) => d.id === 'youtube') ?? null;
}

/** A window on the console from its first snapshot: every YouTube tile it is given, in order. */
async function follow(booth: BoothCore): Promise<{ first: DestinationStatus; tiles: DestinationStatus[] }> {
  const tiles: DestinationStatus[] = [];
  const answer = await booth.router.invoke('destinations.snapshot', {}, operator);
  if (!answer.ok) throw new Error(answer.message);
  const first = (answer.data as { destinations: DestinationStatus[] }).destinations.find((d) => d.id === 'youtube')!;
  tiles.push(first);
  booth.router.attach('operator', (channel, payload) => {
    if (channel !== 'destinations.feed') return;
    const feed = payload as DestinationsFeed;
    for (const d of feed.kind === 'snapshot' ? feed.destinations : feed.changed) if (d.id === 'youtube') tiles.push(d);
  });
  return { first, tiles };
}

const latest = (tiles: readonly DestinationStatus[]) => tiles.at(-1)!;

/** Any notice that YouTube is on air (the state notices say "<name> is ON AIR"). */
const onAirNotices = async (booth: BoothCore) =>
  (await recentNotifications(booth)).filter((n) => n.destinationId === 'youtube' && /ON AIR/.test(n.title));

/** Neither IDLE, nor on air, nor standby claimed before AWS said which input: the last confirmed or unconfirmed. */
function neverAGuess(tiles: readonly DestinationStatus[]): void {
  for (const d of tiles) {
    expect(d.state).toBe('RUNNING');
    expect(['INPUT_UNCONFIRMED', 'STANDBY']).toContain(d.warm?.phase);
    if (d.warm?.phase === 'STANDBY') expect(d.warm.activeAttachment).toMatch(/slate/);
  }
}

describe('a console started while a warm channel already runs on its slate (simulator)', () => {
  it('shows RUNNING, input unconfirmed, while its input cannot be read; then STANDBY from the read: never IDLE or ON AIR', async () => {
    const { w, slate } = await worldWithStandby();
    // The console's reads of the active input are refused until the fault is lifted: the tile must say so.
    const refused = w.control.addFault({ service: 'medialive', operation: 'DescribeChannel', kind: 'access-denied' });
    const startedAt = Date.now();
    const booth = await startConsole(w);
    const { first, tiles } = await follow(booth);

    // The first state a window gets: running, its input unconfirmed since the console first saw it.
    expect(first.state).toBe('RUNNING');
    expect(first.unconfirmed).toBeNull();
    expect(first.warm).toMatchObject({ phase: 'INPUT_UNCONFIRMED', activeAttachment: null, slateAttachment: slate });
    expect(first.warm?.inputUnconfirmedSince).toBeGreaterThanOrEqual(startedAt);
    expect(w.control.faults()[0]?.hits).toBeGreaterThan(0);
    // Nothing counted on air, no ON AIR notice, while it is not known which input goes out.
    expect((await youtubeTimeline(booth))?.onAir ?? { since: null }).toMatchObject({ since: null });
    expect(await onAirNotices(booth)).toEqual([]);

    w.control.removeFault(refused.id);
    // The console tries an unread destination again after a few seconds.
    await vi.waitFor(() => expect(latest(tiles).warm?.phase).toBe('STANDBY'), { timeout: 10_000, interval: 50 });
    expect(latest(tiles).warm).toMatchObject({
      activeAttachment: slate,
      inputUnconfirmedSince: null,
      // A channel found on its slate is warm, whatever this console's settings said (none here).
      mode: 'warm',
    });
    neverAGuess(tiles);
    expect((await youtubeTimeline(booth))?.onAir ?? { ms: 0, since: null }).toMatchObject({ ms: 0, since: null });
    expect(await onAirNotices(booth)).toEqual([]);
  });

  it('with the read answering at once, the first state a window gets is already STANDBY on the slate', async () => {
    const { w, slate } = await worldWithStandby();
    const booth = await startConsole(w);
    const { first, tiles } = await follow(booth);
    expect(first.state).toBe('RUNNING');
    expect(first.warm).toMatchObject({ phase: 'STANDBY', activeAttachment: slate, inputUnconfirmedSince: null });
    // A few read-backs later it still says the same (each read confirms it; none turns it into a guess).
    const reads = () => w.control.requests({ service: 'medialive' }).filter((r) => r.operation === 'DescribeChannel');
    const before = reads().length;
    await vi.waitFor(() => expect(reads().length).toBeGreaterThanOrEqual(before + 3), { timeout: 5_000 });
    neverAGuess(tiles);
    expect(latest(tiles).warm?.phase).toBe('STANDBY');
    expect((await youtubeTimeline(booth))?.onAir ?? { since: null }).toMatchObject({ since: null });
  });
});
