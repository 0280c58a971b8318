import { DescribeChannelCommand } from '@aws-sdk/client-medialive';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStreamKeyService } from '../destinations/stream-keys';
import { silentLogger } from '../logger';
import { startHarness, type SimHarness } from '../presets/test-support/sim-harness';
import { createPresetApplier } from '../presets/preset-applier';
import { createPresetStore } from '../presets/preset-store';

/** A preset apply and a stream-key change rewrite the channel: everything else must come through unchanged. */
let h: SimHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const channelOf = (id: string) => h.sim.topology.destinations.find((d) => d.id === id)!.channelId;
const describeChannel = (channelId: string) => h.medialive.send(new DescribeChannelCommand({ ChannelId: channelId }));
const untouched = (c: Awaited<ReturnType<typeof describeChannel>>) => ({
  RoleArn: c.RoleArn,
  LogLevel: c.LogLevel,
  InputSpecification: c.InputSpecification,
  InputAttachments: c.InputAttachments,
  Name: c.Name,
});

describe('channel updates keep what they do not change', () => {
  it('a preset apply and a stream-key change leave the role, log level, input and name as they were', async () => {
    const channelId = channelOf('linkedin');
    await h.sim.control.waitForChannelState(channelId, 'IDLE');
    const before = await describeChannel(channelId);
    expect(before.RoleArn).toBeTruthy();

    const presets = createPresetStore(h.dynamo, h.sim.topology.tables.presets, silentLogger);
    await presets.seedDefaults();
    const preset = await presets.get('preset_generic_720p');
    const applied = await createPresetApplier(h.medialive, silentLogger).apply(
      { channelId, label: 'LinkedIn' },
      preset!,
    );
    expect(applied.applied).toBe(true);
    await h.sim.control.waitForChannelState(channelId, 'IDLE');
    const afterApply = await describeChannel(channelId);
    expect(afterApply.EncoderSettings).not.toEqual(before.EncoderSettings);
    expect(untouched(afterApply)).toEqual(untouched(before));

    await createStreamKeyService(h.medialive, silentLogger).setStreamKey(
      { channelId, label: 'LinkedIn' },
      { url: 'rtmps://live.linkedin.example:443/live', streamKey: 'another-key-7777' },
    );
    await h.sim.control.waitForChannelState(channelId, 'IDLE');
    const afterKey = await describeChannel(channelId);
    expect(untouched(afterKey)).toEqual(untouched(before));
    expect(afterKey.EncoderSettings).toEqual(afterApply.EncoderSettings);
  });
});
