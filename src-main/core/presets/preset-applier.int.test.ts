import { DescribeChannelCommand, UpdateChannelCommand } from '@aws-sdk/client-medialive';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Preset } from '../../../shared/domain/preset';
import { silentLogger } from '../logger';
import { DEFAULT_PRESETS } from './default-presets';
import { compileEncoderSettings } from './encoder-settings-compiler';
import { startHarness, type SimHarness } from './test-support/sim-harness';
import { createPresetApplier } from './preset-applier';

let h: SimHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const stored = (id: string): Preset => ({
  ...DEFAULT_PRESETS.find((p) => p.preset_id === id)!,
  is_active: true,
  created_by: 'system',
  created_at: '2025-01-01T00:00:00.000Z',
  updated_at: '2025-01-01T00:00:00.000Z',
  version: 1,
});
const channelOf = (destId: string) => h.sim.topology.destinations.find((d) => d.id === destId)!.channelId;
const describeChannel = (channelId: string) => h.medialive.send(new DescribeChannelCommand({ ChannelId: channelId }));

describe('compiled settings against the simulated MediaLive', () => {
  it.each(DEFAULT_PRESETS.map((p) => [p.preset_id] as const))(
    '%s: UpdateChannel on an IDLE channel accepts it; DescribeChannel shows it',
    async (id) => {
      const preset = DEFAULT_PRESETS.find((p) => p.preset_id === id)!;
      const destId = preset.platform === 'generic' ? 'custom' : preset.platform;
      const channelId = channelOf(destId);
      await h.sim.control.waitForChannelState(channelId, 'IDLE');
      const before = await describeChannel(channelId);
      const ref = before.Destinations![0]!.Id!;
      const settings = compileEncoderSettings(preset, { kind: 'rtmp', destinationRefId: ref });
      await h.medialive.send(new UpdateChannelCommand({ ChannelId: channelId, EncoderSettings: settings }));
      const after = await describeChannel(channelId);
      expect(after.EncoderSettings).toEqual(settings);
      await h.sim.control.waitForChannelState(channelId, 'IDLE');
    },
  );

  it('MediaPackage output for the primary channel is accepted', async () => {
    const channelId = channelOf('primary');
    const before = await describeChannel(channelId);
    const settings = compileEncoderSettings(stored('preset_generic_1080p'), {
      kind: 'mediapackage',
      destinationRefId: before.Destinations![0]!.Id!,
    });
    await h.medialive.send(new UpdateChannelCommand({ ChannelId: channelId, EncoderSettings: settings }));
    expect((await describeChannel(channelId)).EncoderSettings).toEqual(settings);
    await h.sim.control.waitForChannelState(channelId, 'IDLE');
  });
});

describe('preset applier', () => {
  const applier = () => createPresetApplier(h.medialive, silentLogger);

  it('previews the difference, applies while IDLE, keeps the destination and stream key, never shows the key', async () => {
    const channelId = channelOf('twitch');
    await h.sim.control.waitForChannelState(channelId, 'IDLE');
    const before = await describeChannel(channelId);
    const streamKey = before.Destinations![0]!.Settings![0]!.StreamName!;
    expect(streamKey.length).toBeGreaterThan(0);
    const target = { channelId, label: 'Twitch' };
    // the block above left the 720p preset on this channel; go back to the 1080p60 one
    const preset = stored('preset_twitch_1080p_60fps');

    const preview = await applier().preview(target, preset);
    expect(preview).toMatchObject({ channelState: 'IDLE', canApply: true });
    expect(preview.changes).toContainEqual({ path: 'VideoDescriptions[0].Width', from: 1280, to: 1920 });
    expect(JSON.stringify(preview)).not.toContain(streamKey);

    const result = await applier().apply(target, preset);
    expect(result.applied).toBe(true);
    expect(JSON.stringify(result)).not.toContain(streamKey);
    const after = await describeChannel(channelId);
    expect(after.EncoderSettings?.VideoDescriptions?.[0]).toMatchObject({ Width: 1920, Height: 1080 });
    expect(after.EncoderSettings?.VideoDescriptions?.[0]?.CodecSettings?.H264Settings).toMatchObject({
      Bitrate: 6_000_000,
      FramerateNumerator: 60,
      GopSize: 120,
    });
    expect(after.Destinations).toEqual(before.Destinations);
    expect(after.InputAttachments).toEqual(before.InputAttachments);

    await h.sim.control.waitForChannelState(channelId, 'IDLE');
    // applying it again changes nothing and does not call UpdateChannel
    h.sim.control.clearRequests();
    expect(await applier().apply(target, preset)).toMatchObject({ applied: false, changes: [] });
    expect(h.sim.control.requests({ operation: 'UpdateChannel' })).toHaveLength(0);
  });

  it('refuses while RUNNING with the reason; the channel is untouched', async () => {
    const channelId = channelOf('youtube');
    await h.sim.control.waitForChannelState(channelId, 'IDLE');
    h.sim.control.startChannel(channelId);
    await h.sim.control.waitForChannelState(channelId, 'RUNNING');
    const before = await describeChannel(channelId);
    const target = { channelId, label: 'YouTube' };
    const preset = stored('preset_youtube_720p_mobile');
    const preview = await applier().preview(target, preset);
    expect(preview).toMatchObject({ canApply: false, reason: expect.stringContaining('YouTube is RUNNING') as string });
    await expect(applier().apply(target, preset)).rejects.toMatchObject({
      code: 'invalid-state',
      message:
        'YouTube is RUNNING; presets can only be applied while the channel is IDLE. Stop it first or apply it at the next stop.',
    });
    expect((await describeChannel(channelId)).EncoderSettings).toEqual(before.EncoderSettings);
    h.sim.control.stopChannel(channelId);
    await h.sim.control.waitForChannelState(channelId, 'IDLE');
  });
});
