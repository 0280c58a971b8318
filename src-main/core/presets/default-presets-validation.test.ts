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
      expect.objectContaining({ field: 'video.gop_size', message: expect.stringContaining('gop_size 120') }),
    ]);
  });

  it('refuses a GOP longer than the platform keyframe interval', () => {
    const errors = errorsOf(draft({ video: { ...twitch.video, gop_size: 240 } }));
    expect(errors).toContainEqual({ field: 'video.gop_size', message: expect.stringContaining('use gop_size 120') });
  });

  it('refuses 50 kbps video with the bitrate-floor message', () => {
    expect(errorsOf(draft({ video: { ...twitch.video, bitrate: 50_000 } }))).toContainEqual({
      field: 'video.bitrate',
      message: 'video bitrate must be at least 100 kbps (100000)',
    });
  });

  it('refuses a bitrate above the platform maximum', () => {
    expect(errorsOf(draft({ video: { ...twitch.video, bitrate: 7_000_000 } }))).toContainEqual({
      field: 'video.bitrate',
      message: expect.stringContaining('at most 6000000'),
    });
  });

  it('refuses 1080p60 at level 4.1 and says 4.2 would be valid', () => {
    const errors = errorsOf(draft({ video: { ...twitch.video, level: 'H264_LEVEL_4_1' } }));
    const e = errors.find((x) => x.field === 'video.level');
    expect(e?.message).toMatch(/489600 macroblocks\/s, level 4.1 allows 245760/);
    expect(e?.message).toMatch(/valid: H264_LEVEL_4_2, H264_LEVEL_5/);
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
    expect(errors.find((e) => e.field === 'audio.sample_rate')?.message).toContain('32000, 44100, 48000');
    const mono = errorsOf(
      draft({ audio: { ...twitch.audio, channels: 1, coding_mode: 'CODING_MODE_1_0', bitrate: 320_000 } }),
    );
    expect(mono).toContainEqual({
      field: 'audio.bitrate',
      message: 'AAC-LC mono at 48000 Hz takes 56000 to 288000 bps',
    });
    expect(errorsOf(draft({ audio: { ...twitch.audio, bitrate: 16_000 } }))).toContainEqual({
      field: 'audio.bitrate',
      message: 'audio bitrate must be at least 32 kbps (32000)',
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
      message: 'name is at most 120 characters',
    });
    expect(errorsOf(draft({ name: '   ' }))).toContainEqual({
      field: 'name',
      message: 'name is required (1 to 120 characters)',
    });
    expect(errorsOf(draft({ platform: 'facebook' as never }))[0]).toEqual({
      field: 'platform',
      message: expect.stringContaining('youtube, twitch'),
    });
    expect(errorsOf({ ...draft(), preset_id: 'x' })).toContainEqual({
      field: 'preset_id',
      message: expect.stringContaining('unknown field'),
    });
    expect(errorsOf(draft({ description: 'a\u0000b' }))[0]?.field).toBe('description');
  });
});

describe('validatePreset', () => {
  it('validates a stored record', () => {
    const stored = { ...twitch, is_active: true, created_by: 'system', created_at: 'x', updated_at: 'x', version: 1 };
    expect(validatePreset(stored).ok).toBe(true);
    expect(validatePreset({ ...stored, version: 0 }).ok).toBe(false);
  });
});
