import { MediaLiveClient } from '@aws-sdk/client-medialive';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DestinationsFeed } from '../../../shared/domain/destination';
import { silentLogger } from '../logger';
import { ChannelMonitor, type ConfiguredDestination } from './channel-monitor';

const throttled = Object.assign(new Error('Rate exceeded'), {
  name: 'TooManyRequestsException',
  $metadata: { httpStatusCode: 429 },
});

afterEach(() => {
  vi.useRealTimers();
});

/** A real client (the paginator insists on one) whose requests never leave the test. */
function fakeMediaLive(send: () => Promise<unknown>): MediaLiveClient {
  const client = new MediaLiveClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  client.send = vi.fn(send);
  return client;
}

const YOUTUBE: ConfiguredDestination = {
  id: 'youtube',
  platform: 'youtube',
  name: 'YouTube',
  channelId: '1',
  presetSummary: null,
  bitrateBps: null,
  problem: null,
};

describe('channel monitor while ListChannels keeps failing', () => {
  it('backs off 1 s, 2 s, 4 s, 8 s, then every 15 s, instead of polling every second', async () => {
    vi.useFakeTimers();
    const sentAt: number[] = [];
    const medialive = fakeMediaLive(async () => {
      sentAt.push(Date.now());
      throw throttled;
    });
    const monitor = new ChannelMonitor(medialive, [YOUTUBE], () => {}, silentLogger, {
      fastIntervalMs: 1_000,
      slowIntervalMs: 5_000,
      maxBackoffMs: 15_000,
      random: () => 0.5,
      now: () => Date.now(),
    });
    const t0 = Date.now();
    await monitor.refresh();
    monitor.start();
    await vi.advanceTimersByTimeAsync(60_000);
    monitor.stop();
    expect(sentAt.map((t) => t - t0)).toEqual([0, 1_000, 3_000, 7_000, 15_000, 30_000, 45_000, 60_000]);
  });

  it('refused credentials back off the same way, the tiles unconfirmed since the third refusal, last confirmed before it', async () => {
    vi.useFakeTimers();
    const expired = Object.assign(new Error('The security token included in the request is expired'), {
      name: 'ExpiredTokenException',
      $metadata: { httpStatusCode: 403 },
    });
    let refuse = false;
    const sentAt: number[] = [];
    const medialive = fakeMediaLive(async () => {
      sentAt.push(Date.now());
      if (refuse) throw expired;
      return { Channels: [{ Id: '1', State: 'RUNNING', InputAttachments: [{}], Destinations: [{}] }] };
    });
    const monitor = new ChannelMonitor(medialive, [YOUTUBE], () => {}, silentLogger, {
      fastIntervalMs: 1_000,
      slowIntervalMs: 5_000,
      maxBackoffMs: 15_000,
      staleAfterFailures: 3,
      random: () => 0.5,
      now: () => Date.now(),
    });
    await monitor.refresh();
    const confirmedAt = Date.now();
    refuse = true;
    sentAt.length = 0;
    monitor.start();
    await vi.advanceTimersByTimeAsync(60_000);
    monitor.stop();
    const gaps = sentAt.slice(1).map((t, i) => t - sentAt[i]!);
    expect(gaps).toEqual([1_000, 2_000, 4_000, 8_000, 15_000, 15_000]);
    expect(monitor.status('youtube')).toMatchObject({
      state: 'RUNNING',
      unconfirmed: { since: sentAt[2], lastConfirmedAt: confirmedAt },
    });
  });

  it('keeps the last confirmed state and its on-air time, marked unconfirmed, and never publishes UNKNOWN', async () => {
    let fail = false;
    let clock = 1_000;
    const medialive = fakeMediaLive(async () => {
      if (fail) throw throttled;
      return { Channels: [{ Id: '1', State: 'RUNNING', InputAttachments: [{}], Destinations: [{}] }] };
    });
    const feeds: DestinationsFeed[] = [];
    const monitor = new ChannelMonitor(medialive, [YOUTUBE], (feed) => feeds.push(feed), silentLogger, {
      staleAfterFailures: 2,
      now: () => clock,
    });
    await monitor.refresh();
    expect(monitor.status('youtube')).toMatchObject({ state: 'RUNNING', runningSince: 1_000, unconfirmed: null });
    fail = true;
    clock = 2_000;
    await monitor.refresh();
    expect(monitor.status('youtube')?.unconfirmed).toBeNull();
    clock = 3_000;
    await monitor.refresh();
    expect(monitor.status('youtube')).toMatchObject({
      state: 'RUNNING',
      runningSince: 1_000,
      unconfirmed: { since: 3_000, lastConfirmedAt: 1_000, code: 'throttled' },
    });
    clock = 9_000;
    await monitor.refresh();
    expect(monitor.status('youtube')?.unconfirmed).toMatchObject({ since: 3_000, lastConfirmedAt: 1_000 });
    fail = false;
    clock = 10_000;
    await monitor.refresh();
    expect(monitor.status('youtube')).toMatchObject({
      state: 'RUNNING',
      runningSince: 1_000,
      unconfirmed: null,
      lastError: null,
    });
    // A steady poll publishes nothing: no field on a tile changes just because it was read again.
    const before = feeds.length;
    clock = 11_000;
    await monitor.refresh();
    expect(feeds.length).toBe(before);
    const published = feeds.flatMap((f) => (f.kind === 'snapshot' ? f.destinations : f.changed));
    expect(published.some((d) => d.state === 'UNKNOWN')).toBe(false);
  });
});

describe('channel monitor when an admin reorders the destinations', () => {
  const TWITCH: ConfiguredDestination = { ...YOUTUBE, id: 'twitch', name: 'Twitch', channelId: '2' };
  const medialive = () =>
    fakeMediaLive(async () => ({
      Channels: [
        { Id: '1', State: 'IDLE', InputAttachments: [{}], Destinations: [{}] },
        { Id: '2', State: 'RUNNING', InputAttachments: [{}], Destinations: [{}] },
      ],
    }));

  it('publishes a snapshot in the new order (a delta cannot move a tile), keeping what it knows', async () => {
    const feeds: DestinationsFeed[] = [];
    const monitor = new ChannelMonitor(medialive(), [YOUTUBE, TWITCH], (feed) => feeds.push(feed), silentLogger);
    await monitor.refresh();
    feeds.length = 0;
    await monitor.reconfigure([TWITCH, YOUTUBE]);
    const first = feeds[0];
    expect(first?.kind).toBe('snapshot');
    if (first?.kind !== 'snapshot') return;
    expect(first.destinations.map((d) => [d.id, d.state])).toEqual([
      ['twitch', 'RUNNING'],
      ['youtube', 'IDLE'],
    ]);
    expect(monitor.snapshot().destinations.map((d) => d.id)).toEqual(['twitch', 'youtube']);
  });

  it('still sends a delta when only a name changes', async () => {
    const feeds: DestinationsFeed[] = [];
    const monitor = new ChannelMonitor(medialive(), [YOUTUBE, TWITCH], (feed) => feeds.push(feed), silentLogger);
    await monitor.refresh();
    feeds.length = 0;
    await monitor.reconfigure([YOUTUBE, { ...TWITCH, name: 'Twitch 60' }]);
    expect(feeds[0]).toMatchObject({ kind: 'delta', changed: [{ id: 'twitch', name: 'Twitch 60' }] });
  });
});
