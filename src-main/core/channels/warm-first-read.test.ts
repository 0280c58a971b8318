import { MediaLiveClient, type ChannelSummary, type DescribeChannelResponse } from '@aws-sdk/client-medialive';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DestinationStatus } from '../../../shared/domain/destination';
import { silentLogger } from '../logger';
import { SessionRecorder } from '../sessions/session-recorder';
import { ChannelMonitor, type ConfiguredDestination } from './channel-monitor';
import { StateNotifications } from './state-notifications';
import { WarmStandby } from './warm-standby';
import type { Notification } from '../../../shared/domain/notification';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const START = Date.UTC(2026, 11, 2, 18, 0, 0);

const destination = (id: string, channelId: string): ConfiguredDestination => ({
  id,
  platform: id,
  name: id === 'youtube' ? 'YouTube' : id === 'twitch' ? 'Twitch' : 'LinkedIn',
  channelId,
  presetSummary: null,
  bitrateBps: null,
  problem: null,
});

const attachments = (id: string, slate: boolean) => [
  { InputAttachmentName: `${id}-live`, InputId: `${id}-in` },
  ...(slate ? [{ InputAttachmentName: `${id}-slate`, InputId: `${id}-file` }] : []),
];

/** What AWS says of each channel: its summary (ListChannels) and the attachment its pipeline ingests. */
interface FakeChannel {
  id: string;
  destinationId: string;
  slate: boolean;
  state: 'IDLE' | 'RUNNING';
  active: string | null;
}

/**
 * A real MediaLive client (the paginator wants one) answering from `channels`; every DescribeChannel waits for the
 * gate, so what the tiles say before the first read is asserted with no race.
 */
function world(channels: FakeChannel[]) {
  let open!: () => void;
  let failing = false;
  let gate = new Promise<void>((resolve) => (open = resolve));
  const medialive = new MediaLiveClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  const describes: string[] = [];
  let inFlight = 0;
  medialive.send = vi.fn(async (command: { constructor: { name: string }; input: { ChannelId?: string } }) => {
    if (command.constructor.name === 'ListChannelsCommand') {
      const summaries: ChannelSummary[] = channels.map((c) => ({
        Id: c.id,
        State: c.state,
        InputAttachments: attachments(c.destinationId, c.slate),
        Destinations: [{ Id: 'out' }],
      }));
      return { Channels: summaries };
    }
    if (command.constructor.name === 'DescribeChannelCommand') {
      describes.push(command.input.ChannelId ?? '');
      inFlight += 1;
      await gate;
      inFlight -= 1;
      if (failing)
        throw Object.assign(new Error('denied'), { name: 'ForbiddenException', $metadata: { httpStatusCode: 403 } });
      const c = channels.find((x) => x.id === command.input.ChannelId)!;
      const answer: DescribeChannelResponse = {
        Id: c.id,
        State: c.state,
        ChannelClass: 'SINGLE_PIPELINE',
        InputAttachments: attachments(c.destinationId, c.slate),
        PipelineDetails:
          c.state === 'RUNNING' && c.active ? [{ PipelineId: '0', ActiveInputAttachmentName: c.active }] : [],
      };
      return answer;
    }
    throw new Error(`unexpected ${command.constructor.name}`);
  });
  return {
    medialive,
    describes,
    release: () => open(),
    /** Every DescribeChannel answered, and what the console does with the answers done (a turn of the event loop). */
    settled: async () => {
      await vi.waitFor(() => expect(inFlight).toBe(0));
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    },
    /** The reads from now on wait (a DescribeChannel that hangs) until `release`. */
    hold: () => {
      gate = new Promise<void>((resolve) => (open = resolve));
    },
    failReads: (value: boolean) => (failing = value),
  };
}

function consoleOn(channels: FakeChannel[]) {
  let t = START;
  const now = () => t;
  const aws = world(channels);
  const notes: Notification[] = [];
  const notifier = {
    notify: (n: Omit<Notification, 'id' | 'at'>) => void notes.push({ ...n, id: 'n', at: t }),
  };
  const recorder = new SessionRecorder({} as DynamoDBDocumentClient, null, 'test', silentLogger, { now });
  const notifications = new StateNotifications(notifier as never, now, (id) => warm.onSlate(id));
  const feeds: DestinationStatus[][] = [];
  const monitor: ChannelMonitor = new ChannelMonitor(
    aws.medialive,
    channels.map((c) => destination(c.destinationId, c.id)),
    (feed) => {
      const changed = feed.kind === 'snapshot' ? feed.destinations : feed.changed;
      feeds.push(changed);
      notifications.observe(changed);
      recorder.observe(changed);
      warm.observe(changed);
    },
    silentLogger,
    { now, review: (_previous, next) => warm.review(next) },
  );
  const warm: WarmStandby = new WarmStandby({
    medialive: aws.medialive,
    monitor,
    startChannel: () => Promise.reject(new Error('not in this test')),
    ratePerHour: () => 0.6,
    notifier: notifier as never,
    logger: silentLogger,
    now,
    readEveryMs: 20,
    switchReadEveryMs: 10,
    inputStaleAfterMs: 6_000,
  });
  return {
    aws,
    monitor,
    warm,
    recorder,
    notes,
    feeds,
    tile: (id: string) => monitor.status(id)!,
    at: (ms: number) => (t = START + ms),
    /** Channel events of a start made elsewhere: STARTING at `ms`, RUNNING 2 s later. */
    startedElsewhere(channelId: string, ms: number) {
      t = START + ms;
      monitor.applyChannelEvent(channelId, 'STARTING', START + ms);
      t = START + ms + 2_000;
      monitor.applyChannelEvent(channelId, 'RUNNING', START + ms + 2_000);
    },
  };
}

const CHANNELS = (): FakeChannel[] => [
  { id: '1', destinationId: 'youtube', slate: true, state: 'RUNNING', active: 'youtube-slate' },
  { id: '2', destinationId: 'twitch', slate: true, state: 'RUNNING', active: 'twitch-live' },
  { id: '3', destinationId: 'linkedin', slate: false, state: 'RUNNING', active: 'linkedin-live' },
];

describe('a channel with a slate found running before its input is read', () => {
  it('is RUNNING with its input unconfirmed (since first seen), never ON AIR or STANDBY, until the read says which', async () => {
    const booth = consoleOn(CHANNELS());
    await booth.monitor.refresh();
    const started = booth.warm.start();
    await vi.waitFor(() => expect(booth.aws.describes).toHaveLength(3));

    for (const id of ['youtube', 'twitch']) {
      expect(booth.tile(id).state).toBe('RUNNING');
      expect(booth.tile(id).warm).toMatchObject({
        phase: 'INPUT_UNCONFIRMED',
        activeAttachment: null,
        inputUnconfirmedSince: START,
        capable: true,
      });
    }
    // Every delta that carried RUNNING carried the unconfirmed input with it: no tile was ever published ON AIR first.
    const published = booth.feeds.flat().filter((d) => d.id !== 'linkedin' && d.state === 'RUNNING');
    expect(published.length).toBeGreaterThan(0);
    expect(published.every((d) => d.warm?.phase === 'INPUT_UNCONFIRMED')).toBe(true);
    // A channel with no slate cannot be on anything but its live input: on air as it runs.
    expect(booth.tile('linkedin').warm).toBeUndefined();
    // Nothing counted on air or in standby for them meanwhile; the cold one is on air.
    booth.at(5_000);
    const before = booth.recorder.timeline();
    const of = (id: string) => before.destinations.find((d) => d.id === id);
    expect(of('linkedin')).toMatchObject({ onAir: { ms: 0, since: START } });
    for (const id of ['youtube', 'twitch'])
      expect(of(id) ?? { onAir: { ms: 0, since: null } }).toMatchObject({ onAir: { ms: 0, since: null } });
    expect(before.onAir.since).toBe(START);

    booth.aws.release();
    await started;
    expect(booth.tile('youtube').warm).toMatchObject({
      phase: 'STANDBY',
      inputUnconfirmedSince: null,
      standbySince: START + 5_000,
    });
    expect(booth.tile('twitch').warm).toMatchObject({ phase: 'ON_AIR', inputUnconfirmedSince: null });
    booth.at(65_000);
    const timeline = booth.recorder.timeline();
    // Counted from the read that confirmed it, not from first seen: before it the channel may have been on its slate.
    expect(timeline.destinations.find((d) => d.id === 'twitch')).toMatchObject({
      onAir: { ms: 0, since: START + 5_000 },
    });
    expect(timeline.destinations.find((d) => d.id === 'youtube')).toMatchObject({
      onAir: { ms: 0, since: null },
      standby: { ms: 0, since: START + 5_000 },
    });
    booth.warm.stop();
  });

  it('a first read that fails keeps it unconfirmed (the time it was first seen), and a take or standby is refused', async () => {
    const booth = consoleOn(CHANNELS().slice(0, 1));
    booth.aws.failReads(true);
    booth.aws.release();
    await booth.monitor.refresh();
    booth.at(1_000);
    await booth.warm.start();
    booth.at(3_000);
    await booth.monitor.refresh();
    expect(booth.tile('youtube').warm).toMatchObject({ phase: 'INPUT_UNCONFIRMED', inputUnconfirmedSince: START });
    await expect(booth.warm.standby('youtube')).rejects.toThrow(
      /set to cold|its inputs could not be read|not confirmed yet/,
    );

    booth.aws.failReads(false);
    booth.at(6_000);
    await vi.waitFor(() => expect(booth.tile('youtube').warm?.phase).toBe('STANDBY'));
    // The mode comes back warm from the slate it runs on; the standby is dated from the read.
    expect(booth.tile('youtube').warm).toMatchObject({ mode: 'warm', standbySince: START + 6_000 });
    booth.warm.stop();
  });

  it('a channel read while IDLE then started elsewhere is unconfirmed until read again; the notice waits for the read', async () => {
    const channels = CHANNELS().slice(1, 2);
    channels[0]!.state = 'IDLE';
    const booth = consoleOn(channels);
    booth.aws.release();
    await booth.monitor.refresh();
    await booth.warm.start();
    booth.warm.stop();
    expect(booth.tile('twitch').warm?.phase).toBe('OFF');

    channels[0]!.state = 'RUNNING';
    booth.startedElsewhere('2', 2_000);
    expect(booth.tile('twitch').warm).toMatchObject({
      phase: 'INPUT_UNCONFIRMED',
      inputUnconfirmedSince: START + 4_000,
    });
    await expect(booth.warm.backToSlate('twitch')).rejects.toThrow(/set to cold|not confirmed yet/);
    expect(booth.notes.map((n) => n.title)).not.toContain('Twitch is ON AIR');

    booth.at(5_000);
    await booth.warm.start();
    await vi.waitFor(() => expect(booth.tile('twitch').warm?.phase).toBe('ON_AIR'));
    expect(booth.notes.map((n) => n.title)).toContain('Twitch is ON AIR');
    expect(booth.recorder.timeline().destinations[0]).toMatchObject({ onAir: { ms: 0, since: START + 5_000 } });
    booth.warm.stop();
  });
});

describe('a warm channel whose input reads fail after a confirmed one', () => {
  /** The read-back cadence is driven by hand (its interval faked), the clock by `at`: each tick is one step. */
  async function confirmedStandby() {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const channels = CHANNELS().slice(0, 1);
    const booth = consoleOn(channels);
    booth.aws.release();
    await booth.monitor.refresh();
    await booth.warm.start();
    expect(booth.tile('youtube').warm).toMatchObject({ phase: 'STANDBY', inputUnconfirmedSince: null });
    /** One tick of the read-back at that time: it starts a read when one is due (answered a few turns later). */
    const tick = (ms: number) => {
      booth.at(ms);
      vi.advanceTimersByTime(10);
    };
    /** The `n`th read, started at that time (the clock moves only once the read before has been taken in). */
    const readAt = async (ms: number, n: number) => {
      tick(ms);
      expect(booth.aws.describes).toHaveLength(n);
      await booth.aws.settled();
    };
    return { booth, tick, readAt, channel: channels[0]! };
  }

  afterEach(() => vi.useRealTimers());

  it('keeps the slate shown, marked unconfirmed since the last read that confirmed it; a take is refused; a read clears it', async () => {
    const { booth, readAt } = await confirmedStandby();
    await readAt(2_000, 2);
    booth.aws.failReads(true);
    await readAt(4_000, 3);
    await vi.waitFor(() =>
      expect(booth.tile('youtube').warm).toMatchObject({
        phase: 'STANDBY',
        activeAttachment: 'youtube-slate',
        inputUnconfirmedSince: START + 2_000,
      }),
    );
    // Further failures keep the time of the last confirmation.
    await readAt(8_000, 4);
    await readAt(8_020, 5);
    expect(booth.tile('youtube').warm?.inputUnconfirmedSince).toBe(START + 2_000);
    const sent = () =>
      vi
        .mocked(booth.aws.medialive.send)
        .mock.calls.filter(([c]) => c.constructor.name === 'BatchUpdateScheduleCommand');
    await expect(booth.warm.take('youtube')).rejects.toThrow(/not been confirmed since/);
    await expect(booth.warm.standby('youtube')).rejects.toThrow(/not been confirmed since/);
    expect(sent()).toHaveLength(0);

    booth.aws.failReads(false);
    await readAt(10_000, 6);
    await vi.waitFor(() =>
      expect(booth.tile('youtube').warm).toMatchObject({ phase: 'STANDBY', inputUnconfirmedSince: null }),
    );
    // The standby is still dated from when it was first read on the slate.
    expect(booth.tile('youtube').warm?.standbySince).toBe(START);
    booth.warm.stop();
  });

  it('marks the live input unconfirmed while a read hangs past three reads, not before; the answer clears it', async () => {
    const { booth, tick, readAt, channel } = await confirmedStandby();
    // Now on the live input, confirmed by a read at +2 s.
    channel.active = 'youtube-live';
    await readAt(2_000, 2);
    expect(booth.tile('youtube').warm?.phase).toBe('ON_AIR');
    booth.aws.hold();
    tick(4_000);
    expect(booth.aws.describes).toHaveLength(3);
    tick(7_999);
    expect(booth.tile('youtube').warm).toMatchObject({ phase: 'ON_AIR', inputUnconfirmedSince: null });
    tick(8_000);
    expect(booth.tile('youtube').warm).toMatchObject({
      phase: 'ON_AIR',
      activeAttachment: 'youtube-live',
      inputUnconfirmedSince: START + 2_000,
    });
    await expect(booth.warm.backToSlate('youtube')).rejects.toThrow(/not been confirmed since \d\d:\d\d:\d\d/);
    // Still one read on its way: a hanging one is not sent again on every tick.
    expect(booth.aws.describes).toHaveLength(3);

    booth.aws.release();
    await vi.waitFor(() =>
      expect(booth.tile('youtube').warm).toMatchObject({ phase: 'ON_AIR', inputUnconfirmedSince: null }),
    );
    booth.warm.stop();
  });
});

describe('a warm channel stopped, then started again', () => {
  it('is not shown on the input of its last run: unconfirmed until the new run is read', async () => {
    const channels = CHANNELS().slice(0, 1);
    const booth = consoleOn(channels);
    booth.aws.release();
    await booth.monitor.refresh();
    await booth.warm.start();
    booth.warm.stop();
    expect(booth.tile('youtube').warm?.phase).toBe('STANDBY');
    booth.at(60_000);
    booth.monitor.applyChannelEvent('1', 'STOPPING', START + 60_000);
    booth.at(61_000);
    booth.monitor.applyChannelEvent('1', 'IDLE', START + 61_000);
    expect(booth.tile('youtube').warm?.phase).toBe('OFF');
    // Started again elsewhere (a cold start: on the live input now): the slate of the last run is no answer.
    channels[0]!.active = 'youtube-live';
    booth.startedElsewhere('1', 120_000);
    expect(booth.tile('youtube').warm).toMatchObject({
      phase: 'INPUT_UNCONFIRMED',
      activeAttachment: null,
      inputUnconfirmedSince: START + 122_000,
    });
    // Every delta of the new run carried it, from the first: never STANDBY (the last run's slate) in between.
    const rerun = booth.feeds.flat().filter((d) => d.state === 'RUNNING' && (d.stateSince ?? 0) >= START + 122_000);
    expect(rerun.length).toBeGreaterThan(0);
    expect(rerun.map((d) => d.warm?.phase)).toEqual(rerun.map(() => 'INPUT_UNCONFIRMED'));
    await booth.warm.start();
    await vi.waitFor(() => expect(booth.tile('youtube').warm?.phase).toBe('ON_AIR'));
    booth.warm.stop();
  });
});
