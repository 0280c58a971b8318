import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESETS } from './default-presets';
import {
  validatePreset,
  validatePresetDraft,
  validH264Levels,
  type PresetDraftInput,
} from '../../../shared/domain/preset-validation';

const twitch = DEFAULT_PRESETS.find((p) => p.preset_id === 'preset_twitch_1080p_60fps')!;
function draft(overrides: Partial<PresetDraftInput> = {}): PresetDraftInput {
  const { preset_id: _id, ...rest } = twitch;
  return { ...rest, ...overrides };
}
function errorsOf(input: unknown) {
  const r = validatePresetDraft(input);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('validatePresetDraft', () => {
  it.each(DEFAULT_PRESETS.map((p) => [p.preset_id, p] as const))('accepts the default preset %s', (_id, preset) => {
    const { preset_id: _p, ...d } = preset;
    const r = validatePresetDraft(d);
    expect(r.ok, JSON.stringify(r)).toBe(true);
  });

  it('flags the LinkedIn default GOP (2 s vs recommended 4 s) as a warning, not an error', () => {
    const li = DEFAULT_PRESETS.find((p) => p.platform === 'linkedin')!;
    const { preset_id: _p, ...d } = li;
    const r = validatePresetDraft(d);
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([
      expect.objectContaining({
        field: 'video.gop_size',
        message: expect.stringContaining('a GOP of 120 frames matches it'),
      }),
    ]);
  });

  it('refuses a GOP longer than the platform keyframe interval', () => {
    const errors = errorsOf(draft({ video: { ...twitch.video, gop_size: 240 } }));
    expect(errors).toContainEqual({
      field: 'video.gop_size',
      message:
        'a GOP of 240 frames at 60 fps is 4 s; Twitch needs a keyframe at least every 2 s: set the GOP to 120 frames',
    });
  });

  it('refuses 50 kbps video with the bitrate-floor message', () => {
    expect(errorsOf(draft({ video: { ...twitch.video, bitrate: 50_000 } }))).toContainEqual({
      field: 'video.bitrate',
      message: 'the video bitrate is at least 100 kbps',
    });
  });

  it('refuses a bitrate above the platform maximum', () => {
    expect(errorsOf(draft({ video: { ...twitch.video, bitrate: 7_000_000 } }))).toContainEqual({
      field: 'video.bitrate',
      message: 'Twitch accepts at most 6 Mbps (the platform limit below): use 6 Mbps or less',
    });
  });

  it('refuses 1080p60 at level 4.1 and says 4.2 would be valid', () => {
    const errors = errorsOf(draft({ video: { ...twitch.video, level: 'H264_LEVEL_4_1' } }));
    const e = errors.find((x) => x.field === 'video.level');
    expect(e?.message).toBe(
      '1920x1080 at 60 fps is more than level 4.1 carries (up to 30.1 fps at this size): choose level 4.2 or higher, or Auto',
    );
    expect(e?.message).not.toMatch(/H264_LEVEL|macroblocks\/s/);
  });

  it('refuses a level that MediaLive does not know', () => {
    expect(errorsOf(draft({ video: { ...twitch.video, level: 'H264_LEVEL_1_4' } }))[0]?.field).toBe('video.level');
  });

  it('computes the levels for common formats', () => {
    expect(validH264Levels(1920, 1080, 60, 6e6, 'HIGH')[0]).toBe('H264_LEVEL_4_2');
    expect(validH264Levels(1920, 1080, 30, 6e6, 'HIGH')[0]).toBe('H264_LEVEL_4');
    expect(validH264Levels(1280, 720, 30, 3e6, 'HIGH')[0]).toBe('H264_LEVEL_3_1');
    expect(validH264Levels(1280, 720, 60, 3e6, 'HIGH')[0]).toBe('H264_LEVEL_3_2');
  });

  it('refuses odd or oversized resolutions', () => {
    expect(
      errorsOf(draft({ video: { ...twitch.video, resolution: '1279x720', level: 'H264_LEVEL_AUTO' } })),
    ).toContainEqual({
      field: 'video.resolution',
      message: expect.stringContaining('1280x720'),
    });
    expect(
      errorsOf(draft({ video: { ...twitch.video, resolution: '5000x2000', level: 'H264_LEVEL_AUTO' } }))[0]?.field,
    ).toBe('video.resolution');
  });

  it('checks AAC sample rate, bitrate and channels against MediaLive', () => {
    const errors = errorsOf(draft({ audio: { ...twitch.audio, sample_rate: 22_050, bitrate: 150_000, channels: 1 } }));
    expect(errors.map((e) => e.field).sort()).toEqual(['audio.bitrate', 'audio.channels', 'audio.sample_rate']);
    expect(errors.find((e) => e.field === 'audio.sample_rate')?.message).toBe(
      "MediaLive's AAC sample rates are 32, 44.1 or 48 kHz; 22.05 kHz is not one of them",
    );
    const mono = errorsOf(
      draft({ audio: { ...twitch.audio, channels: 1, coding_mode: 'CODING_MODE_1_0', bitrate: 320_000 } }),
    );
    expect(mono).toContainEqual({
      field: 'audio.bitrate',
      message: 'AAC-LC mono at 48 kHz takes 56 kbps to 288 kbps: choose 288 kbps',
    });
    expect(errorsOf(draft({ audio: { ...twitch.audio, bitrate: 16_000 } }))).toContainEqual({
      field: 'audio.bitrate',
      message: 'the audio bitrate is at least 32 kbps',
    });
  });

  it('refuses malformed payloads with field-level errors', () => {
    expect(errorsOf(null)[0]?.field).toBe('(preset)');
    const wrongTypes = errorsOf({ ...draft(), name: 42, video: { ...twitch.video, framerate: '60' } });
    expect(wrongTypes.map((e) => e.field).sort()).toEqual(['name', 'video.framerate']);
    const missing = errorsOf({ name: 'x', platform: 'twitch', type: 'custom' });
    expect(missing.map((e) => e.field).sort()).toEqual(['audio', 'video']);
    expect(errorsOf(draft({ name: 'x'.repeat(10_000) }))).toContainEqual({
      field: 'name',
      message: 'the name is at most 120 characters',
    });
    expect(errorsOf(draft({ name: '   ' }))).toContainEqual({
      field: 'name',
      message: 'enter a name (up to 120 characters)',
    });
    expect(errorsOf(draft({ platform: 'facebook' as never }))[0]).toEqual({
      field: 'platform',
      message: 'choose a platform: YouTube, Twitch, LinkedIn, HLS, Generic or Custom',
    });
    expect(errorsOf({ ...draft(), preset_id: 'x' })).toContainEqual({
      field: 'preset_id',
      message: expect.stringContaining('unknown field'),
    });
    expect(errorsOf(draft({ description: 'a\u0000b' }))[0]?.field).toBe('description');
  });
});

describe('validatePresetDraft: every error at once, in words and units', () => {
  it('reports shape errors and rule errors of the other fields in one pass', () => {
    // An empty name and an empty frame rate (shape), an odd resolution, a bitrate above the platform limit, a level too
    // low for the size, a GOP too long, an AAC bitrate MediaLive does not have: all of them, the first time.
    const errors = errorsOf({
      ...draft(),
      name: ' ',
      video: {
        ...twitch.video,
        resolution: '1921x1081',
        framerate: null,
        bitrate: 80_000_000,
        level: 'H264_LEVEL_3_1',
        gop_size: 240,
      },
      audio: { ...twitch.audio, bitrate: 130_000 },
    });
    expect(errors.map((e) => e.field)).toEqual([
      'name',
      'video.resolution',
      'video.framerate',
      'video.bitrate',
      'audio.bitrate',
    ]);
    const message = (field: string) => errors.find((e) => e.field === field)?.message;
    expect(message('video.resolution')).toBe('MediaLive needs an even width and height: did you mean 1920x1080?');
    expect(message('video.framerate')).toBe('enter the frame rate (1 to 60 fps)');
    expect(message('video.bitrate')).toBe(
      'Twitch accepts at most 6 Mbps (the platform limit below): use 6 Mbps or less',
    );
    // The level is not judged on a resolution MediaLive refuses, nor the GOP without a frame rate.
    expect(message('video.level')).toBeUndefined();
    expect(message('video.gop_size')).toBeUndefined();
    expect(message('audio.bitrate')).toBe(
      "MediaLive's AAC bitrates are 32 kbps to 576 kbps in fixed steps; 130 kbps is not one: choose 128 kbps",
    );
    // Fixing every one of them leaves nothing new to find.
    expect(validatePresetDraft(draft()).ok).toBe(true);
  });

  it('never shows an enum name or a raw bit rate', () => {
    const errors = errorsOf({
      ...draft(),
      video: { ...twitch.video, bitrate: 90_000_000, level: 'H264_LEVEL_4_2', resolution: '1920x1080', framerate: 60 },
      platform_settings: undefined,
    });
    const text = errors.map((e) => e.message).join(' | ');
    expect(text).toContain('MediaLive encodes H.264 at up to 80 Mbps: lower the video bitrate');
    expect(text).toContain(
      "90 Mbps is above level 4.2's 62.5 Mbps for the High profile: choose level 5.0 or higher, or Auto",
    );
    expect(text).not.toMatch(/H264_LEVEL|CODING_MODE|\d{5,} ?bps|\bbps\b/);
  });

  it('suggests a resolution a person means, never one two pixels bigger each way', () => {
    const suggest = (resolution: string) =>
      errorsOf(draft({ video: { ...twitch.video, resolution, level: 'H264_LEVEL_AUTO' } })).find(
        (e) => e.field === 'video.resolution',
      )?.message;
    expect(suggest('1921x1081')).toContain('did you mean 1920x1080?');
    expect(suggest('1279x719')).toContain('did you mean 1280x720?');
    expect(suggest('1001x563')).toContain('did you mean 1000x562?');
  });

  it('words the audio and type rules: kHz, mono and stereo, platform and type names', () => {
    const mono = errorsOf(draft({ audio: { ...twitch.audio, channels: 2, coding_mode: 'CODING_MODE_1_0' } }));
    expect(mono).toContainEqual({
      field: 'audio.channels',
      message: 'mono carries 1 channel: set 1 channel or choose stereo',
    });
    expect(errorsOf(draft({ type: 'generic' }))).toContainEqual({
      field: 'type',
      message: 'a Generic preset is for the Generic platform; for Twitch choose the type Platform specific or Custom',
    });
  });
});

describe('validatePreset', () => {
  it('validates a stored record', () => {
    const stored = { ...twitch, is_active: true, created_by: 'system', created_at: 'x', updated_at: 'x', version: 1 };
    expect(validatePreset(stored).ok).toBe(true);
    expect(validatePreset({ ...stored, version: 0 }).ok).toBe(false);
  });
});
