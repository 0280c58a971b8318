import { MediaLiveClient } from '@aws-sdk/client-medialive';
import { describe, expect, it, vi } from 'vitest';
import type { DestinationsFeed } from '../../../shared/domain/destination';
import { silentLogger } from '../logger';
import { ChannelMonitor, type ConfiguredDestination } from './channel-monitor';

const YOUTUBE: ConfiguredDestination = {
  id: 'youtube',
  platform: 'youtube',
  name: 'YouTube',
  channelId: '1',
  presetSummary: null,
  bitrateBps: null,
  problem: null,
};

/** A monitor whose ListChannels answers `state` (set by the test) and whose clock the test moves. */
function setup(initial = 'IDLE') {
  let now = 1_000_000;
  const answer = { state: initial };
  const client = new MediaLiveClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  const send = vi.fn(async () => ({
    Channels: [{ Id: '1', State: answer.state, InputAttachments: [{}], Destinations: [{}] }],
  }));
  client.send = send;
  const feeds: DestinationsFeed[] = [];
  const monitor = new ChannelMonitor(client, [YOUTUBE], (f) => feeds.push(f), silentLogger, { now: () => now });
  return {
    monitor,
    answer,
    send,
    state: () => monitor.status('youtube')?.state,
    tick: (ms: number) => {
      now += ms;
    },
    at: () => now,
  };
}

describe('channel monitor applying pushed events', () => {
  it('applies an event at once, and drops its duplicate and any older event', async () => {
    const m = setup();
    await m.monitor.refresh();
    m.tick(3_000);
    const t = m.at() - (m.at() % 1000);
    expect(m.monitor.applyChannelEvent('1', 'STARTING', t)).toBe('applied');
    expect(m.state()).toBe('STARTING');
    expect(m.monitor.applyChannelEvent('1', 'STARTING', t)).toBe('same');
    m.tick(2_000);
    expect(m.monitor.applyChannelEvent('1', 'RUNNING', t + 2_000)).toBe('applied');
    expect(m.monitor.applyChannelEvent('1', 'STARTING', t)).toBe('stale');
    expect(m.state()).toBe('RUNNING');
  });

  it('orders two events of the same second by the state machine (RUNNING then a late STARTING stays RUNNING)', async () => {
    const m = setup();
    await m.monitor.refresh();
    m.tick(3_000);
    const t = m.at() - (m.at() % 1000);
    expect(m.monitor.applyChannelEvent('1', 'RUNNING', t)).toBe('applied');
    expect(m.monitor.applyChannelEvent('1', 'STARTING', t)).toBe('out-of-sequence');
    expect(m.state()).toBe('RUNNING');
  });

  it('drops an event whose change happened before a poll was sent (the poll already read it or later)', async () => {
    const m = setup('RUNNING');
    m.tick(5_000);
    await m.monitor.refresh();
    expect(m.monitor.applyChannelEvent('1', 'STARTING', m.at() - 3_000)).toBe('stale');
    expect(m.state()).toBe('RUNNING');
  });

  it('a poll answered while an event of a newer state arrived does not undo the event', async () => {
    const m = setup('IDLE');
    await m.monitor.refresh();
    m.tick(10_000);
    let release: () => void = () => {};
    m.send.mockImplementationOnce(
      () =>
        new Promise(
          (resolve) =>
            (release = () =>
              resolve({ Channels: [{ Id: '1', State: 'IDLE', InputAttachments: [{}], Destinations: [{}] }] })),
        ),
    );
    const poll = m.monitor.refresh();
    m.tick(200);
    expect(m.monitor.applyChannelEvent('1', 'STARTING', m.at() - (m.at() % 1000))).toBe('applied');
    release();
    await poll;
    expect(m.state()).toBe('STARTING');
  });

  it('ignores an event for a channel that is not one of the booth destinations', async () => {
    const m = setup();
    await m.monitor.refresh();
    expect(m.monitor.applyChannelEvent('999', 'RUNNING', m.at())).toBe('unknown-channel');
  });

  it('polls seldom while events flow, and at the polling cadence as soon as they do not', async () => {
    const m = setup();
    await m.monitor.refresh();
    expect(m.monitor.steadyIntervalMs).toBe(5_000);
    m.monitor.setPushing(true);
    expect(m.monitor.steadyIntervalMs).toBe(60_000);
    m.monitor.setPushing(false);
    expect(m.monitor.steadyIntervalMs).toBe(5_000);
  });
});
