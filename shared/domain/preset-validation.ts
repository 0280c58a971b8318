/**
 * Preset validation in one place: the admin form (renderer) and the preset store (main) both call it.
 * Pure TypeScript + zod; no Node, no AWS SDK at run time.
 *
 * Layers: (1) shape (zod: types, required fields, string lengths, enums, unknown keys),
 * (2) the booth's own rules (bitrate floors, keyframe interval against the GOP), (3) what MediaLive, H.264 and
 * the platform accept.
 * Every error names a field path ("video.bitrate") and says what would be valid.
 */
import { z } from 'zod';
import {
  PlatformSettingsSchema,
  PresetAudioSchema,
  PresetSchema,
  PresetVideoSchema,
  PRESET_PLATFORMS,
  PRESET_TYPES,
  type Preset,
} from './preset';

export interface FieldError {
  /** Dotted path into the preset, e.g. "video.bitrate", "audio.sample_rate", "name". */
  field: string;
  message: string;
}

export type PresetValidation<T> =
  { ok: true; preset: T; warnings: FieldError[] } | { ok: false; errors: FieldError[]; warnings: FieldError[] };

// ---------------------------------------------------------------------------------------------
// MediaLive / H.264 / AAC limits

/** MediaLive's H264Level enum (SDK `H264Level`), copied so the renderer does not import the SDK. */
export const H264_LEVELS = [
  'H264_LEVEL_1',
  'H264_LEVEL_1_1',
  'H264_LEVEL_1_2',
  'H264_LEVEL_1_3',
  'H264_LEVEL_2',
  'H264_LEVEL_2_1',
  'H264_LEVEL_2_2',
  'H264_LEVEL_3',
  'H264_LEVEL_3_1',
  'H264_LEVEL_3_2',
  'H264_LEVEL_4',
  'H264_LEVEL_4_1',
  'H264_LEVEL_4_2',
  'H264_LEVEL_5',
  'H264_LEVEL_5_1',
  'H264_LEVEL_5_2',
  'H264_LEVEL_AUTO',
] as const;
export type H264LevelName = (typeof H264_LEVELS)[number];

/** The profiles a preset may use: MediaLive's H264Profile minus the 10-bit/4:2:2 ones RTMP platforms refuse. */
export const PRESET_H264_PROFILES = ['BASELINE', 'MAIN', 'HIGH'] as const;

/** H.264 Table A-1: max macroblocks/s, max frame size (macroblocks), max video bitrate (kbit/s, Baseline/Main). */
const H264_LEVEL_LIMITS: Readonly<
  Record<
    Exclude<H264LevelName, 'H264_LEVEL_AUTO'>,
    { label: string; maxMbps: number; maxFs: number; maxBrKbps: number }
  >
> = {
  H264_LEVEL_1: { label: '1', maxMbps: 1_485, maxFs: 99, maxBrKbps: 64 },
  H264_LEVEL_1_1: { label: '1.1', maxMbps: 3_000, maxFs: 396, maxBrKbps: 192 },
  H264_LEVEL_1_2: { label: '1.2', maxMbps: 6_000, maxFs: 396, maxBrKbps: 384 },
  H264_LEVEL_1_3: { label: '1.3', maxMbps: 11_880, maxFs: 396, maxBrKbps: 768 },
  H264_LEVEL_2: { label: '2', maxMbps: 11_880, maxFs: 396, maxBrKbps: 2_000 },
  H264_LEVEL_2_1: { label: '2.1', maxMbps: 19_800, maxFs: 792, maxBrKbps: 4_000 },
  H264_LEVEL_2_2: { label: '2.2', maxMbps: 20_250, maxFs: 1_620, maxBrKbps: 4_000 },
  H264_LEVEL_3: { label: '3', maxMbps: 40_500, maxFs: 1_620, maxBrKbps: 10_000 },
  H264_LEVEL_3_1: { label: '3.1', maxMbps: 108_000, maxFs: 3_600, maxBrKbps: 14_000 },
  H264_LEVEL_3_2: { label: '3.2', maxMbps: 216_000, maxFs: 5_120, maxBrKbps: 20_000 },
  H264_LEVEL_4: { label: '4', maxMbps: 245_760, maxFs: 8_192, maxBrKbps: 20_000 },
  H264_LEVEL_4_1: { label: '4.1', maxMbps: 245_760, maxFs: 8_192, maxBrKbps: 50_000 },
  H264_LEVEL_4_2: { label: '4.2', maxMbps: 522_240, maxFs: 8_704, maxBrKbps: 50_000 },
  H264_LEVEL_5: { label: '5', maxMbps: 589_824, maxFs: 22_080, maxBrKbps: 135_000 },
  H264_LEVEL_5_1: { label: '5.1', maxMbps: 983_040, maxFs: 36_864, maxBrKbps: 240_000 },
  H264_LEVEL_5_2: { label: '5.2', maxMbps: 2_073_600, maxFs: 36_864, maxBrKbps: 240_000 },
};
/** High profile may use 1.25x the level's bitrate (cpbBrVclFactor 1250 vs 1000). */
const HIGH_PROFILE_BITRATE_FACTOR = 1.25;

/** MediaLive output limits for an H.264 video description (UHD needs a UHD input specification). */
const VIDEO_LIMITS = {
  minWidth: 32,
  maxWidth: 4096,
  minHeight: 32,
  maxHeight: 2160,
  maxBitrate: 80_000_000,
  maxFramerate: 60,
} as const;

/** MediaLive AAC sample rates for the LC profile in 1.0/2.0 that platforms accept. */
export const AAC_SAMPLE_RATES = [32_000, 44_100, 48_000] as const;
/** MediaLive's AAC bitrate values (bit/s) from the booth's 32 kbps floor up. */
export const AAC_BITRATES = [
  32_000, 40_000, 48_000, 56_000, 64_000, 80_000, 96_000, 112_000, 128_000, 160_000, 192_000, 224_000, 256_000, 288_000,
  320_000, 384_000, 448_000, 512_000, 576_000,
] as const;
/**
 * AAC-LC CBR bitrate range per coding mode and sample rate (MediaLive user guide, "Supported sampling rate
 * and bitrate for AAC output"; 2.0 maxima = 2 x 6144 bits per 1024-sample frame, rounded down to the list).
 */
const AAC_LC_RANGES: Readonly<
  Record<'CODING_MODE_1_0' | 'CODING_MODE_2_0', Record<number, { min: number; max: number }>>
> = {
  CODING_MODE_1_0: {
    32_000: { min: 32_000, max: 192_000 },
    44_100: { min: 56_000, max: 256_000 },
    48_000: { min: 56_000, max: 288_000 },
  },
  CODING_MODE_2_0: {
    32_000: { min: 32_000, max: 384_000 },
    44_100: { min: 32_000, max: 512_000 },
    48_000: { min: 32_000, max: 576_000 },
  },
};

/** Keyframe intervals within this many seconds of each other count as equal (fractional frame rates). */
const KEYFRAME_TOLERANCE_S = 0.01;

// ---------------------------------------------------------------------------------------------
// Draft schemas (what the admin form sends)

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .max(max, `${field} is at most ${max} characters`)
    .refine((s) => !/\p{Cc}/u.test(s), `${field} must not contain control characters`);

/** Text lengths, shared by the draft schema and the admin form's inputs. */
export const PRESET_TEXT_LIMITS = { name: 120, description: 1000, resolution: 9 } as const;

/** Create input: everything the admin types; no preset_id, created_*, updated_at, version, is_active. */
export const PresetDraftSchema = z.strictObject({
  name: text('name', PRESET_TEXT_LIMITS.name).pipe(
    z.string().trim().min(1, `name is required (1 to ${PRESET_TEXT_LIMITS.name} characters)`),
  ),
  platform: z.enum(PRESET_PLATFORMS, { error: `platform must be one of ${PRESET_PLATFORMS.join(', ')}` }),
  type: z.enum(PRESET_TYPES, { error: `type must be one of ${PRESET_TYPES.join(', ')}` }),
  video: PresetVideoSchema,
  audio: PresetAudioSchema,
  platform_settings: PlatformSettingsSchema.optional(),
  description: text('description', PRESET_TEXT_LIMITS.description).optional(),
  is_default: z.boolean().default(false),
});
export type PresetDraft = z.infer<typeof PresetDraftSchema>;
/** What the form holds before parsing (is_default optional). */
export type PresetDraftInput = z.input<typeof PresetDraftSchema>;

// ---------------------------------------------------------------------------------------------

function issuesToErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return {
        field: [...path, issue.keys[0] ?? ''].join('.'),
        message: `unknown field(s) ${issue.keys.join(', ')}: remove them`,
      };
    }
    return { field: path.join('.') || '(preset)', message: issue.message };
  });
}

function parseResolution(resolution: string): { width: number; height: number } | null {
  const m = /^(\d{2,4})x(\d{2,4})$/.exec(resolution);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
}

/** The lowest H.264 level (and the ones above it) that carries this resolution, frame rate and bitrate. */
export function validH264Levels(
  width: number,
  height: number,
  framerate: number,
  bitrate: number,
  profile: string,
): H264LevelName[] {
  const mbW = Math.ceil(width / 16);
  const mbH = Math.ceil(height / 16);
  const fs = mbW * mbH;
  const factor = profile === 'HIGH' ? HIGH_PROFILE_BITRATE_FACTOR : 1;
  return (Object.keys(H264_LEVEL_LIMITS) as Array<keyof typeof H264_LEVEL_LIMITS>).filter((level) => {
    const l = H264_LEVEL_LIMITS[level];
    const maxDim = Math.sqrt(8 * l.maxFs);
    return (
      fs <= l.maxFs &&
      mbW <= maxDim &&
      mbH <= maxDim &&
      fs * framerate <= l.maxMbps &&
      bitrate <= l.maxBrKbps * 1000 * factor
    );
  });
}

function levelRule(v: PresetDraft['video'], errors: FieldError[]): void {
  if (!(H264_LEVELS as readonly string[]).includes(v.level)) {
    errors.push({
      field: 'video.level',
      message: `level must be one of MediaLive's H264Level values: ${H264_LEVELS.join(', ')}`,
    });
    return;
  }
  if (v.level === 'H264_LEVEL_AUTO') return;
  const res = parseResolution(v.resolution);
  if (!res) return;
  const valid = validH264Levels(res.width, res.height, v.framerate, v.bitrate, v.profile);
  if (valid.includes(v.level as keyof typeof H264_LEVEL_LIMITS)) return;
  const l = H264_LEVEL_LIMITS[v.level as keyof typeof H264_LEVEL_LIMITS];
  const fs = Math.ceil(res.width / 16) * Math.ceil(res.height / 16);
  const mbps = Math.round(fs * v.framerate);
  const why =
    fs > l.maxFs
      ? `a ${v.resolution} frame is ${fs} macroblocks, level ${l.label} allows ${l.maxFs}`
      : mbps > l.maxMbps
        ? `${v.resolution} at ${v.framerate} fps is ${mbps} macroblocks/s, level ${l.label} allows ${l.maxMbps}`
        : `${v.bitrate} bps exceeds level ${l.label}'s ${l.maxBrKbps * 1000 * (v.profile === 'HIGH' ? HIGH_PROFILE_BITRATE_FACTOR : 1)} bps for ${v.profile}`;
  const options =
    valid.length > 0
      ? `valid: ${[...valid, 'H264_LEVEL_AUTO'].join(', ')}`
      : 'no H.264 level carries this; lower the resolution, frame rate or bitrate';
  errors.push({ field: 'video.level', message: `${why}; ${options}` });
}

function videoRules(draft: PresetDraft, errors: FieldError[], warnings: FieldError[]): void {
  const v = draft.video;
  const res = parseResolution(v.resolution);
  if (res) {
    const { width, height } = res;
    if (width % 2 !== 0 || height % 2 !== 0) {
      errors.push({
        field: 'video.resolution',
        message: `MediaLive needs an even width and height; e.g. ${width + (width % 2)}x${height + (height % 2)}`,
      });
    }
    if (
      width < VIDEO_LIMITS.minWidth ||
      width > VIDEO_LIMITS.maxWidth ||
      height < VIDEO_LIMITS.minHeight ||
      height > VIDEO_LIMITS.maxHeight
    ) {
      errors.push({
        field: 'video.resolution',
        message: `MediaLive H.264 outputs are ${VIDEO_LIMITS.minWidth}-${VIDEO_LIMITS.maxWidth} wide and ${VIDEO_LIMITS.minHeight}-${VIDEO_LIMITS.maxHeight} high`,
      });
    } else if (width > 1920 || height > 1080) {
      warnings.push({
        field: 'video.resolution',
        message: 'above 1920x1080 the channel needs a UHD input specification (a higher MediaLive price class)',
      });
    }
  }
  if (v.bitrate > VIDEO_LIMITS.maxBitrate) {
    errors.push({
      field: 'video.bitrate',
      message: `MediaLive H.264 takes at most ${VIDEO_LIMITS.maxBitrate} bps (80 Mbps)`,
    });
  }
  const maxBitrate = draft.platform_settings?.max_bitrate;
  if (maxBitrate !== undefined && v.bitrate > maxBitrate) {
    errors.push({
      field: 'video.bitrate',
      message: `${draft.platform} accepts at most ${maxBitrate} bps (platform_settings.max_bitrate); use ${maxBitrate} or less`,
    });
  }
  levelRule(v, errors);

  const keyframe = draft.platform_settings?.recommended_keyframe;
  const gopSeconds = v.gop_size / v.framerate;
  if (keyframe !== undefined && Math.abs(gopSeconds - keyframe) > KEYFRAME_TOLERANCE_S) {
    const frames = Math.round(keyframe * v.framerate);
    const shown = Number(gopSeconds.toFixed(3));
    if (gopSeconds > keyframe) {
      errors.push({
        field: 'video.gop_size',
        message: `a GOP of ${v.gop_size} frames at ${v.framerate} fps is ${shown} s; ${draft.platform} needs a keyframe at least every ${keyframe} s: use gop_size ${frames}`,
      });
    } else {
      warnings.push({
        field: 'video.gop_size',
        message: `a GOP of ${v.gop_size} frames at ${v.framerate} fps is ${shown} s, shorter than ${draft.platform}'s recommended ${keyframe} s (accepted; costs some quality per bit); gop_size ${frames} matches it`,
      });
    }
  }
  if (keyframe === undefined && Math.abs(gopSeconds - Math.round(gopSeconds)) > KEYFRAME_TOLERANCE_S) {
    // e.g. 50 frames at 30 fps: accepted, but segmenters (MediaPackage) prefer whole-second GOPs.
    warnings.push({
      field: 'video.gop_size',
      message: `a GOP of ${v.gop_size} frames at ${v.framerate} fps is ${Number(gopSeconds.toFixed(3))} s; a whole number of seconds segments cleanly`,
    });
  }
}

function audioRules(draft: PresetDraft, errors: FieldError[]): void {
  const a = draft.audio;
  if (!(AAC_SAMPLE_RATES as readonly number[]).includes(a.sample_rate)) {
    errors.push({
      field: 'audio.sample_rate',
      message: `MediaLive AAC sample rate must be one of ${AAC_SAMPLE_RATES.join(', ')} Hz`,
    });
  }
  const expectedChannels = a.coding_mode === 'CODING_MODE_1_0' ? 1 : 2;
  if (a.channels !== expectedChannels) {
    errors.push({
      field: 'audio.channels',
      message: `${a.coding_mode} carries ${expectedChannels} channel(s); set channels to ${expectedChannels} or change coding_mode`,
    });
  }
  if (!(AAC_BITRATES as readonly number[]).includes(a.bitrate)) {
    errors.push({
      field: 'audio.bitrate',
      message: `MediaLive AAC bitrate must be one of ${AAC_BITRATES.join(', ')} bps`,
    });
    return;
  }
  const range = AAC_LC_RANGES[a.coding_mode][a.sample_rate];
  if (range && (a.bitrate < range.min || a.bitrate > range.max)) {
    errors.push({
      field: 'audio.bitrate',
      message: `AAC-LC ${a.coding_mode === 'CODING_MODE_1_0' ? 'mono' : 'stereo'} at ${a.sample_rate} Hz takes ${range.min} to ${range.max} bps`,
    });
  }
}

function consistencyRules(draft: PresetDraft, errors: FieldError[]): void {
  if (draft.type === 'generic' && draft.platform !== 'generic') {
    errors.push({
      field: 'type',
      message: `a generic preset has platform "generic"; for ${draft.platform} use type platform_specific or custom`,
    });
  }
  if (draft.type === 'platform_specific' && draft.platform === 'generic') {
    errors.push({
      field: 'platform',
      message: 'a platform_specific preset names its platform: youtube, twitch, linkedin, hls or custom',
    });
  }
}

function businessRules(draft: PresetDraft): { errors: FieldError[]; warnings: FieldError[] } {
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  videoRules(draft, errors, warnings);
  audioRules(draft, errors);
  consistencyRules(draft, errors);
  return { errors, warnings };
}

/** Validates what the admin form sends on create (or the `draft` of an update). */
export function validatePresetDraft(input: unknown): PresetValidation<PresetDraft> {
  const parsed = PresetDraftSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error), warnings: [] };
  const { errors, warnings } = businessRules(parsed.data);
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, preset: parsed.data, warnings };
}

/** Validates a complete stored preset (the store runs it before every write). */
export function validatePreset(input: unknown): PresetValidation<Preset> {
  const parsed = PresetSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error), warnings: [] };
  const {
    preset_id: _id,
    is_active: _a,
    created_by: _c,
    created_at: _ca,
    updated_at: _u,
    version: _v,
    ...draft
  } = parsed.data;
  const { errors, warnings } = businessRules(draft);
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, preset: parsed.data, warnings };
}

/** "video.bitrate: ...; audio.sample_rate: ..." for a log line or a BoothError message. */
export function formatFieldErrors(errors: readonly FieldError[]): string {
  return errors.map((e) => `${e.field}: ${e.message}`).join('; ');
}
