import type { Preset } from '../../../../shared/domain/preset';
import type { FieldError } from '../../../../shared/domain/preset-validation';

/** The preset form as the admin edits it: bitrates in kbps (what people type), everything else as stored. */
export interface PresetFormModel {
  name: string;
  platform: string;
  type: string;
  description: string;
  is_default: boolean;
  resolution: string;
  framerate: number | null;
  videoKbps: number | null;
  profile: string;
  level: string;
  gop_size: number | null;
  rate_control: string;
  audioKbps: number;
  sample_rate: number;
  coding_mode: 'CODING_MODE_1_0' | 'CODING_MODE_2_0';
  hasPlatformSettings: boolean;
  maxKbps: number | null;
  recommended_keyframe: number | null;
  low_latency: boolean;
  adaptive_bitrate: boolean;
}

export function emptyPresetForm(): PresetFormModel {
  return {
    name: '',
    platform: 'generic',
    type: 'generic',
    description: '',
    is_default: false,
    resolution: '1920x1080',
    framerate: 30,
    videoKbps: 6_000,
    profile: 'HIGH',
    level: 'H264_LEVEL_4_1',
    gop_size: 60,
    rate_control: 'CBR',
    audioKbps: 128,
    sample_rate: 48_000,
    coding_mode: 'CODING_MODE_2_0',
    hasPlatformSettings: false,
    maxKbps: null,
    recommended_keyframe: null,
    low_latency: false,
    adaptive_bitrate: false,
  };
}

export function presetToForm(preset: Preset): PresetFormModel {
  const ps = preset.platform_settings;
  return {
    name: preset.name,
    platform: preset.platform,
    type: preset.type,
    description: preset.description ?? '',
    is_default: preset.is_default,
    resolution: preset.video.resolution,
    framerate: preset.video.framerate,
    videoKbps: preset.video.bitrate / 1_000,
    profile: preset.video.profile,
    level: preset.video.level,
    gop_size: preset.video.gop_size,
    rate_control: preset.video.rate_control,
    audioKbps: preset.audio.bitrate / 1_000,
    sample_rate: preset.audio.sample_rate,
    coding_mode: preset.audio.coding_mode,
    hasPlatformSettings: ps !== undefined,
    maxKbps: ps ? ps.max_bitrate / 1_000 : null,
    recommended_keyframe: ps?.recommended_keyframe ?? null,
    low_latency: ps?.low_latency ?? false,
    adaptive_bitrate: ps?.adaptive_bitrate ?? false,
  };
}

/** kbps -> bps; an empty field stays null so the validator names it. */
const bps = (kbps: number | null): number | null =>
  kbps === null || !Number.isFinite(kbps) ? null : Math.round(kbps * 1_000);

/** What the form sends as `draft` (validated by validatePresetDraft here and again in main). */
export function formToDraft(model: PresetFormModel): Record<string, unknown> {
  const description = model.description.trim();
  return {
    name: model.name,
    platform: model.platform,
    type: model.type,
    video: {
      codec: 'H264',
      resolution: model.resolution.trim(),
      framerate: model.framerate,
      bitrate: bps(model.videoKbps),
      profile: model.profile,
      level: model.level,
      gop_size: model.gop_size,
      rate_control: model.rate_control,
    },
    audio: {
      codec: 'AAC',
      bitrate: bps(model.audioKbps),
      sample_rate: model.sample_rate,
      channels: model.coding_mode === 'CODING_MODE_1_0' ? 1 : 2,
      coding_mode: model.coding_mode,
    },
    ...(model.hasPlatformSettings
      ? {
          platform_settings: {
            max_bitrate: bps(model.maxKbps),
            recommended_keyframe: model.recommended_keyframe,
            low_latency: model.low_latency,
            adaptive_bitrate: model.adaptive_bitrate,
          },
        }
      : {}),
    ...(description ? { description } : {}),
    is_default: model.is_default,
  };
}

/** Errors grouped by field path; a path's parents collect nothing (each input shows its own). */
export function errorsByField(errors: readonly FieldError[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of errors) out.set(e.field, [...(out.get(e.field) ?? []), e.message]);
  return out;
}

/** Field paths the form has an input for; errors on other paths are shown above the form. */
export const FORM_FIELDS = [
  'name',
  'platform',
  'type',
  'description',
  'is_default',
  'video.resolution',
  'video.framerate',
  'video.bitrate',
  'video.profile',
  'video.level',
  'video.gop_size',
  'video.rate_control',
  'audio.bitrate',
  'audio.sample_rate',
  'audio.channels',
  'audio.coding_mode',
  'platform_settings.max_bitrate',
  'platform_settings.recommended_keyframe',
] as const;
