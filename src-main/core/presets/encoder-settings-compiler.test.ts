import type { EncoderSettings, H264Settings } from '@aws-sdk/client-medialive';
import { H264Level, H264Profile, AacCodingMode } from '@aws-sdk/client-medialive';
import { describe, expect, it } from 'vitest';
import type { Preset } from '../../../shared/domain/preset';
import { DEFAULT_PRESETS } from './default-presets';
import {
  compileEncoderSettings,
  compileRtmpDestination,
  framerateFraction,
  AUDIO_DESCRIPTION_NAME,
  VIDEO_DESCRIPTION_NAME,
} from './encoder-settings-compiler';
import { diffEncoderSettings, redactSecrets, REDACTED } from './encoder-settings-diff';

function h264(settings: EncoderSettings): H264Settings {
  const h = settings.VideoDescriptions?.[0]?.CodecSettings?.H264Settings;
  if (!h) throw new Error('no H264Settings');
  return h;
}

describe('compileEncoderSettings', () => {
  it.each(DEFAULT_PRESETS.map((p) => [p.preset_id, p] as const))(
    '%s compiles to complete RTMP settings',
    (_id, preset) => {
      const settings: EncoderSettings = compileEncoderSettings(preset, {
        kind: 'rtmp',
        destinationRefId: 'dest-youtube',
      });
      const [w, h] = preset.video.resolution.split('x').map(Number);
      const video = settings.VideoDescriptions?.[0];
      expect(video).toMatchObject({ Name: VIDEO_DESCRIPTION_NAME, Width: w, Height: h });
      const codec = h264(settings);
      expect(codec.Bitrate).toBe(preset.video.bitrate);
      expect(codec.RateControlMode).toBe(preset.video.rate_control);
      expect(codec.FramerateNumerator! / codec.FramerateDenominator!).toBeCloseTo(preset.video.framerate, 5);
      expect(codec.GopSize).toBe(preset.video.gop_size);
      expect(codec.GopSizeUnits).toBe('FRAMES');
      expect(Object.values(H264Profile)).toContain(codec.Profile);
      expect(Object.values(H264Level)).toContain(codec.Level);
      expect(codec.Level).toBe(preset.video.level);
      expect(codec.ScanType).toBe('PROGRESSIVE');
      const audio = settings.AudioDescriptions?.[0];
      expect(audio?.Name).toBe(AUDIO_DESCRIPTION_NAME);
      expect(audio?.AudioSelectorName).toBe('default');
      expect(audio?.CodecSettings?.AacSettings).toMatchObject({
        Bitrate: preset.audio.bitrate,
        SampleRate: 48_000,
        Profile: 'LC',
      });
      expect(Object.values(AacCodingMode)).toContain(audio?.CodecSettings?.AacSettings?.CodingMode);
      const group = settings.OutputGroups?.[0];
      expect(group?.OutputGroupSettings?.RtmpGroupSettings).toBeDefined();
      const out = group?.Outputs?.[0];
      expect(out?.VideoDescriptionName).toBe(VIDEO_DESCRIPTION_NAME);
      expect(out?.AudioDescriptionNames).toEqual([AUDIO_DESCRIPTION_NAME]);
      expect(out?.OutputSettings?.RtmpOutputSettings?.Destination?.DestinationRefId).toBe('dest-youtube');
      expect(settings.TimecodeConfig?.Source).toBe('SYSTEMCLOCK');
    },
  );

  it('compiles a MediaPackage output group for the primary destination', () => {
    const preset = DEFAULT_PRESETS.find((p) => p.preset_id === 'preset_generic_1080p')!;
    const settings = compileEncoderSettings(
      preset,
      { kind: 'mediapackage', destinationRefId: 'dest-primary' },
      { audioSelectorName: 'sel' },
    );
    expect(
      settings.OutputGroups?.[0]?.OutputGroupSettings?.MediaPackageGroupSettings?.Destination?.DestinationRefId,
    ).toBe('dest-primary');
    expect(settings.OutputGroups?.[0]?.Outputs?.[0]?.OutputSettings?.MediaPackageOutputSettings).toEqual({});
    expect(settings.AudioDescriptions?.[0]?.AudioSelectorName).toBe('sel');
  });

  it('keeps keyframes regular for platforms with a keyframe interval; baseline has no B-frames', () => {
    const twitch = DEFAULT_PRESETS.find((p) => p.preset_id === 'preset_twitch_1080p_60fps')!;
    const codec = h264(compileEncoderSettings(twitch, { kind: 'rtmp', destinationRefId: 'd' }));
    expect(codec.SceneChangeDetect).toBe('DISABLED');
    expect(codec.GopNumBFrames).toBe(0); // low latency
    expect(codec.BufSize).toBe(twitch.video.bitrate);
    const generic = DEFAULT_PRESETS.find((p) => p.preset_id === 'preset_generic_720p')!;
    const base: Pick<Preset, 'video' | 'audio'> = { ...generic, video: { ...generic.video, profile: 'BASELINE' } };
    const b = h264(compileEncoderSettings(base, { kind: 'rtmp', destinationRefId: 'd' }));
    expect(b.GopNumBFrames).toBe(0);
    expect(b.EntropyEncoding).toBe('CAVLC');
    expect(b.SceneChangeDetect).toBe('ENABLED');
  });

  it('maps VBR and QVBR', () => {
    const p = DEFAULT_PRESETS.find((x) => x.preset_id === 'preset_youtube_1080p_optimized')!;
    const vbr = h264(
      compileEncoderSettings(
        { ...p, video: { ...p.video, rate_control: 'VBR' } },
        { kind: 'rtmp', destinationRefId: 'd' },
      ),
    );
    expect(vbr).toMatchObject({ RateControlMode: 'VBR', Bitrate: 6_000_000, MaxBitrate: 8_000_000 });
    const qvbr = h264(
      compileEncoderSettings(
        { ...p, video: { ...p.video, rate_control: 'QVBR' } },
        { kind: 'rtmp', destinationRefId: 'd' },
      ),
    );
    expect(qvbr).toMatchObject({ RateControlMode: 'QVBR', MaxBitrate: 6_000_000 });
    expect(qvbr.Bitrate).toBeUndefined();
  });

  it('is pure and deterministic', () => {
    const p = DEFAULT_PRESETS[0]!;
    const a = compileEncoderSettings(p, { kind: 'rtmp', destinationRefId: 'd' });
    const b = compileEncoderSettings(p, { kind: 'rtmp', destinationRefId: 'd' });
    expect(a).toEqual(b);
    expect(diffEncoderSettings(a, b)).toEqual([]);
  });
});

describe('framerateFraction', () => {
  it.each([
    [30, 30, 1],
    [60, 60, 1],
    [29.97, 30000, 1001],
    [59.94, 60000, 1001],
    [23.976, 24000, 1001],
    [12.5, 25, 2],
  ])('%s fps -> %i/%i', (fps, n, d) => {
    expect(framerateFraction(fps)).toEqual({ numerator: n, denominator: d });
  });
});

describe('compileRtmpDestination', () => {
  it('puts the key in StreamName of one Settings entry', () => {
    expect(compileRtmpDestination('dest', 'rtmp://live.twitch.tv/app', 'live_123')).toEqual({
      Id: 'dest',
      Settings: [{ Url: 'rtmp://live.twitch.tv/app', StreamName: 'live_123' }],
    });
  });
});

describe('diffEncoderSettings', () => {
  it('lists leaf changes with paths', () => {
    const yt = DEFAULT_PRESETS.find((p) => p.preset_id === 'preset_youtube_1080p_optimized')!;
    const tw = DEFAULT_PRESETS.find((p) => p.preset_id === 'preset_twitch_1080p_60fps')!;
    const a = compileEncoderSettings(yt, { kind: 'rtmp', destinationRefId: 'd' });
    const b = compileEncoderSettings(tw, { kind: 'rtmp', destinationRefId: 'd' });
    const changes = diffEncoderSettings(a, b);
    expect(changes).toContainEqual({
      path: 'VideoDescriptions[0].CodecSettings.H264Settings.FramerateNumerator',
      from: 30,
      to: 60,
    });
    expect(changes).toContainEqual({
      path: 'VideoDescriptions[0].CodecSettings.H264Settings.GopSize',
      from: 60,
      to: 120,
    });
    expect(changes).toContainEqual({
      path: 'AudioDescriptions[0].CodecSettings.AacSettings.Bitrate',
      from: 128_000,
      to: 160_000,
    });
    expect(changes.some((c) => c.path.endsWith('Width'))).toBe(false);
  });

  it('never shows a stream key', () => {
    const a = { Destinations: [{ Id: 'd', Settings: [{ Url: 'rtmp://x/app', StreamName: 'secret-old-key' }] }] };
    const b = {
      Destinations: [
        { Id: 'd', Settings: [{ Url: 'rtmp://y/app', StreamName: 'secret-new-key', PasswordParam: 'p' }] },
      ],
    };
    const changes = diffEncoderSettings(a, b);
    expect(JSON.stringify(changes)).not.toMatch(/secret|"p"/);
    expect(changes).toContainEqual({ path: 'Destinations[0].Settings[0].StreamName', from: REDACTED, to: REDACTED });
    expect(changes).toContainEqual({
      path: 'Destinations[0].Settings[0].Url',
      from: 'rtmp://x/app',
      to: 'rtmp://y/app',
    });
    // a removed subtree is redacted too
    expect(JSON.stringify(diffEncoderSettings(a, {}))).not.toContain('secret');
    expect(JSON.stringify(redactSecrets(a))).not.toContain('secret');
  });
});
