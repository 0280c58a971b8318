import { DescribeChannelCommand } from '@aws-sdk/client-medialive';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Preset } from '../../../shared/domain/preset';
import { createStreamKeyService } from '../destinations/stream-keys';
import { silentLogger } from '../logger';
import { createPresetApplier } from '../presets/preset-applier';
import { createPresetStore } from '../presets/preset-store';
import { startHarness, type SimHarness } from '../presets/test-support/sim-harness';
import { ChannelWriteGuard } from './channel-write-guard';

/**
 * A preset apply and a stream-key change each rewrite the whole MediaLive channel. Interleaved, with the first
 * UpdateChannel slowed down, the later write used to carry the channel as it was before the earlier one and undo it.
 */
let h: SimHarness;
let presets: Record<'p720' | 'p1080', Preset>;
beforeAll(async () => {
  h = await startHarness();
  h.sim.control.setTimings({ channelUpdateMs: 5 });
  const store = createPresetStore(h.dynamo, h.sim.topology.tables.presets, silentLogger);
  await store.seedDefaults();
  presets = {
    p720: (await store.get('preset_generic_720p'))!,
    p1080: (await store.get('preset_generic_1080p'))!,
  };
});
afterAll(async () => h?.close());

const channelOf = (id: string) => h.sim.topology.destinations.find((d) => d.id === id)!.channelId;
const describeChannel = (channelId: string) => h.medialive.send(new DescribeChannelCommand({ ChannelId: channelId }));

function guardFor(owner: string) {
  return new ChannelWriteGuard({
    medialive: h.medialive,
    dynamo: h.dynamo,
    table: h.sim.topology.tables.sessions,
    owner,
    logger: silentLogger,
    settlePollMs: 5,
  });
}

describe('channel writes never undo each other', () => {
  it('52 interleaved preset applies and stream-key changes, the first UpdateChannels slowed: every change is on its channel', async () => {
    // Four RTMP channels side by side, thirteen rounds: one guard per console serializes each channel on its own.
    const channels = ['youtube', 'twitch', 'linkedin', 'custom'].map((id) => ({ id, channelId: channelOf(id) }));
    const guard = guardFor('admin:one');
    const applier = createPresetApplier(h.medialive, silentLogger, guard);
    const keys = createStreamKeyService(h.medialive, silentLogger, guard);
    let trials = 0;
    for (let round = 0; round < 13; round += 1) {
      h.sim.control.addFault({
        service: 'medialive',
        operation: 'UpdateChannel',
        kind: 'latency',
        latencyMs: 30,
        count: channels.length,
      });
      await Promise.all(
        channels.map(async ({ id, channelId }, lane) => {
          await h.sim.control.waitForChannelState(channelId, 'IDLE');
          const target = { channelId, label: id };
          const preset = (round + lane) % 2 === 0 ? presets.p720 : presets.p1080;
          const key = `round-${round}-${id}-key-abcdef`;
          const [applied, saved] = await Promise.all([
            applier.apply(target, preset),
            keys.setStreamKey(target, { url: 'rtmp://a.rtmp.example.com/live2', streamKey: key }),
          ]);
          expect(saved.hasStreamKey).toBe(true);
          expect(applied.channelState).not.toBe('IDLE');
          const channel = await describeChannel(channelId);
          expect(
            [
              String(channel.EncoderSettings?.VideoDescriptions?.[0]?.Width),
              channel.Destinations?.find((d) => !d.MediaPackageSettings?.length)?.Settings?.[0]?.StreamName,
            ],
            `round ${round}, ${id}`,
          ).toEqual([preset.video.resolution.split('x')[0], key]);
          trials += 1;
        }),
      );
    }
    expect(trials).toBe(52);
  }, 60_000);

  it('a second console is refused while the first holds the channel, with who holds it; nothing is half-applied', async () => {
    const channelId = channelOf('linkedin');
    await h.sim.control.waitForChannelState(channelId, 'IDLE');
    const first = createStreamKeyService(h.medialive, silentLogger, guardFor('admin:booth-a'));
    const second = createStreamKeyService(h.medialive, silentLogger, guardFor('admin:booth-b'));
    const target = { channelId, label: 'LinkedIn' };
    h.sim.control.addFault({
      service: 'medialive',
      operation: 'UpdateChannel',
      kind: 'latency',
      latencyMs: 300,
      count: 1,
    });
    const slow = first.setStreamKey(target, {
      url: 'rtmps://live.linkedin.example:443/live',
      streamKey: 'booth-a-key-111',
    });
    await expect.poll(() => h.sim.control.requests({ operation: 'UpdateChannel' }).length).toBeGreaterThan(0);
    await expect(
      second.setStreamKey(target, { url: 'rtmps://live.linkedin.example:443/live', streamKey: 'booth-b-key-222' }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('being changed by admin:booth-a') });
    await slow;
    const settings = (await describeChannel(channelId)).Destinations?.[0]?.Settings?.[0];
    expect(settings?.StreamName).toBe('booth-a-key-111');
    // Released on completion: the other console may write now.
    await second.setStreamKey(target, { url: 'rtmps://live.linkedin.example:443/live', streamKey: 'booth-b-key-222' });
    expect((await describeChannel(channelId)).Destinations?.[0]?.Settings?.[0]?.StreamName).toBe('booth-b-key-222');
  });
});
