/**
 * Preset validation in one place: the admin form (renderer) and the preset store (main) both call it.
 * Pure TypeScript + zod; no Node, no AWS SDK at run time.
 *
 * Layers: (1) shape (zod: types, required fields, string lengths, enums, unknown keys),
 * (2) the booth's own rules (bitrate floors, keyframe interval against the GOP), (3) what MediaLive, H.264 and
 * the platform accept.
 * Every error names a field path ("video.bitrate") and says what would be valid, in the admin's words and units
 * (Mbps, "level 4.1", kHz), never an enum name or a raw bit rate. Every rule runs on every part of the draft that is
 * valid on its own, so one pass reports every error: fixing one never uncovers the next.
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
import {
  bitrateWords,
  codingModeWords,
  levelWords,
  listWords,
  platformWords,
  presetTypeWords,
  profileWords,
  sampleRateWords,
} from './preset-words';

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
  Record<Exclude<H264LevelName, 'H264_LEVEL_AUTO'>, { maxMbps: number; maxFs: number; maxBrKbps: number }>
> = {
  H264_LEVEL_1: { maxMbps: 1_485, maxFs: 99, maxBrKbps: 64 },
  H264_LEVEL_1_1: { maxMbps: 3_000, maxFs: 396, maxBrKbps: 192 },
  H264_LEVEL_1_2: { maxMbps: 6_000, maxFs: 396, maxBrKbps: 384 },
  H264_LEVEL_1_3: { maxMbps: 11_880, maxFs: 396, maxBrKbps: 768 },
  H264_LEVEL_2: { maxMbps: 11_880, maxFs: 396, maxBrKbps: 2_000 },
  H264_LEVEL_2_1: { maxMbps: 19_800, maxFs: 792, maxBrKbps: 4_000 },
  H264_LEVEL_2_2: { maxMbps: 20_250, maxFs: 1_620, maxBrKbps: 4_000 },
  H264_LEVEL_3: { maxMbps: 40_500, maxFs: 1_620, maxBrKbps: 10_000 },
  H264_LEVEL_3_1: { maxMbps: 108_000, maxFs: 3_600, maxBrKbps: 14_000 },
  H264_LEVEL_3_2: { maxMbps: 216_000, maxFs: 5_120, maxBrKbps: 20_000 },
  H264_LEVEL_4: { maxMbps: 245_760, maxFs: 8_192, maxBrKbps: 20_000 },
  H264_LEVEL_4_1: { maxMbps: 245_760, maxFs: 8_192, maxBrKbps: 50_000 },
  H264_LEVEL_4_2: { maxMbps: 522_240, maxFs: 8_704, maxBrKbps: 50_000 },
  H264_LEVEL_5: { maxMbps: 589_824, maxFs: 22_080, maxBrKbps: 135_000 },
  H264_LEVEL_5_1: { maxMbps: 983_040, maxFs: 36_864, maxBrKbps: 240_000 },
  H264_LEVEL_5_2: { maxMbps: 2_073_600, maxFs: 36_864, maxBrKbps: 240_000 },
};
type LevelWithLimits = keyof typeof H264_LEVEL_LIMITS;
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
    .string({ error: `the ${field} must be text` })
    .max(max, `the ${field} is at most ${max} characters`)
    .refine((s) => !/\p{Cc}/u.test(s), `the ${field} must not contain control characters (tabs, line breaks)`);

/** Text lengths, shared by the draft schema and the admin form's inputs. */
export const PRESET_TEXT_LIMITS = { name: 120, description: 1000, resolution: 9 } as const;

/** Create input: everything the admin types; no preset_id, created_*, updated_at, version, is_active. */
export const PresetDraftSchema = z.strictObject({
  name: text('name', PRESET_TEXT_LIMITS.name).pipe(
    z.string().trim().min(1, `enter a name (up to ${PRESET_TEXT_LIMITS.name} characters)`),
  ),
  platform: z.enum(PRESET_PLATFORMS, {
    error: `choose a platform: ${listWords(PRESET_PLATFORMS.map(platformWords))}`,
  }),
  type: z.enum(PRESET_TYPES, { error: `choose a type: ${listWords(PRESET_TYPES.map(presetTypeWords))}` }),
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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Parts<S extends z.ZodRawShape> = { [K in keyof S]?: z.output<S[K]> };

/** The members of `raw` that are valid on their own (each against its own schema); the others are left out. */
function validParts<S extends z.ZodRawShape>(shape: S, raw: unknown): Parts<S> {
  const source = isRecord(raw) ? raw : {};
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const parsed = (schema as z.ZodType).safeParse(source[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as Parts<S>;
}

/** What the rules read: every part of a draft that is valid on its own, the rest undefined. */
interface DraftView {
  platform: PresetDraft['platform'] | undefined;
  type: PresetDraft['type'] | undefined;
  video: Parts<typeof PresetVideoSchema.shape>;
  audio: Parts<typeof PresetAudioSchema.shape>;
  /** undefined: the draft has no platform limits. */
  platform_settings: Parts<typeof PlatformSettingsSchema.shape> | undefined;
}

function viewOf(input: unknown): DraftView {
  const source = isRecord(input) ? input : {};
  const top = validParts({ platform: PresetDraftSchema.shape.platform, type: PresetDraftSchema.shape.type }, source);
  return {
    platform: top.platform,
    type: top.type,
    video: validParts(PresetVideoSchema.shape, source['video']),
    audio: validParts(PresetAudioSchema.shape, source['audio']),
    platform_settings:
      source['platform_settings'] === undefined
        ? undefined
        : validParts(PlatformSettingsSchema.shape, source['platform_settings']),
  };
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
  return (Object.keys(H264_LEVEL_LIMITS) as LevelWithLimits[]).filter((level) => {
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

const fps = (v: number) => `${Number(v.toFixed(3))} fps`;

/** The choice to offer: the lowest level that carries the settings, or Auto. */
function levelChoice(valid: readonly H264LevelName[]): string {
  const lowest = valid[0];
  if (!lowest) return 'no H.264 level carries this: lower the resolution, the frame rate or the bitrate';
  return `choose level ${levelWords(lowest)}${valid.length > 1 ? ' or higher' : ''}, or Auto`;
}

function levelRule(v: DraftView['video'], errors: FieldError[]): void {
  if (v.level === undefined) return;
  if (!(H264_LEVELS as readonly string[]).includes(v.level)) {
    errors.push({
      field: 'video.level',
      message: `MediaLive has no H.264 level ${levelWords(v.level)}: choose one from the list (1.0 to 5.2, or Auto)`,
    });
    return;
  }
  if (v.level === 'H264_LEVEL_AUTO') return;
  const res = v.resolution === undefined ? null : parseResolution(v.resolution);
  if (!res) return;
  const level = v.level as LevelWithLimits;
  const l = H264_LEVEL_LIMITS[level];
  const name = `level ${levelWords(level)}`;
  const mbW = Math.ceil(res.width / 16);
  const mbH = Math.ceil(res.height / 16);
  const fs = mbW * mbH;
  const maxDim = Math.sqrt(8 * l.maxFs);
  const frameTooLarge = fs > l.maxFs || mbW > maxDim || mbH > maxDim;
  // Each limit is judged on the settings that are valid now; a missing frame rate or bitrate is its own error.
  const framerate = v.framerate;
  const bitrate = v.bitrate;
  const profile = v.profile ?? 'MAIN';
  const valid = validH264Levels(res.width, res.height, framerate ?? 1, bitrate ?? 0, profile);
  if (valid.includes(level)) return;
  const factor = profile === 'HIGH' ? HIGH_PROFILE_BITRATE_FACTOR : 1;
  const why = frameTooLarge
    ? `a ${v.resolution} frame is too large for ${name} (${fs.toLocaleString('en-US')} macroblocks, ${name} holds ${l.maxFs.toLocaleString('en-US')})`
    : framerate !== undefined && fs * framerate > l.maxMbps
      ? `${v.resolution} at ${fps(framerate)} is more than ${name} carries (up to ${fps(Math.floor((l.maxMbps / fs) * 10) / 10)} at this size)`
      : `${bitrateWords(bitrate ?? 0)} is above ${name}'s ${bitrateWords(l.maxBrKbps * 1000 * factor)} for the ${profileWords(profile)} profile`;
  errors.push({ field: 'video.level', message: `${why}: ${levelChoice(valid)}` });
}

/** Resolutions people mean when they type one a pixel or two off. */
const COMMON_RESOLUTIONS = [
  [3840, 2160],
  [2560, 1440],
  [1920, 1080],
  [1600, 900],
  [1280, 720],
  [1024, 576],
  [960, 540],
  [854, 480],
  [640, 360],
  [426, 240],
] as const;

/** An even resolution to suggest for an odd one: a common one within 2 pixels, else each side rounded down to even. */
function evenResolution(width: number, height: number): string {
  const near = COMMON_RESOLUTIONS.find(([w, h]) => Math.abs(w - width) <= 2 && Math.abs(h - height) <= 2);
  if (near) return `${near[0]}x${near[1]}`;
  return `${width - (width % 2)}x${height - (height % 2)}`;
}

function videoRules(draft: DraftView, errors: FieldError[], warnings: FieldError[]): void {
  const v = draft.video;
  const platform = draft.platform === undefined ? 'the platform' : platformWords(draft.platform);
  const res = v.resolution === undefined ? null : parseResolution(v.resolution);
  // A resolution MediaLive refuses is its own error: the level is not judged on it (nor suggested from it).
  let resolutionOk = res !== null;
  if (res) {
    const { width, height } = res;
    if (
      width < VIDEO_LIMITS.minWidth ||
      width > VIDEO_LIMITS.maxWidth ||
      height < VIDEO_LIMITS.minHeight ||
      height > VIDEO_LIMITS.maxHeight
    ) {
      resolutionOk = false;
      errors.push({
        field: 'video.resolution',
        message: `MediaLive H.264 outputs are ${VIDEO_LIMITS.minWidth} to ${VIDEO_LIMITS.maxWidth} pixels wide and ${VIDEO_LIMITS.minHeight} to ${VIDEO_LIMITS.maxHeight} high`,
      });
    } else if (width % 2 !== 0 || height % 2 !== 0) {
      resolutionOk = false;
      errors.push({
        field: 'video.resolution',
        message: `MediaLive needs an even width and height: did you mean ${evenResolution(width, height)}?`,
      });
    } else if (width > 1920 || height > 1080) {
      warnings.push({
        field: 'video.resolution',
        message: 'above 1920x1080 the channel needs a UHD input specification (a higher MediaLive price class)',
      });
    }
  }
  if (v.bitrate !== undefined && v.bitrate > VIDEO_LIMITS.maxBitrate) {
    errors.push({
      field: 'video.bitrate',
      message: `MediaLive encodes H.264 at up to ${bitrateWords(VIDEO_LIMITS.maxBitrate)}: lower the video bitrate`,
    });
  }
  const maxBitrate = draft.platform_settings?.max_bitrate;
  if (maxBitrate !== undefined && v.bitrate !== undefined && v.bitrate > maxBitrate) {
    errors.push({
      field: 'video.bitrate',
      message: `${platform} accepts at most ${bitrateWords(maxBitrate)} (the platform limit below): use ${bitrateWords(maxBitrate)} or less`,
    });
  }
  if (resolutionOk) levelRule(v, errors);

  const keyframe = draft.platform_settings?.recommended_keyframe;
  if (v.gop_size === undefined || v.framerate === undefined) return;
  const gopSeconds = v.gop_size / v.framerate;
  const shown = `${Number(gopSeconds.toFixed(3))} s`;
  const gop = `a GOP of ${v.gop_size} frames at ${fps(v.framerate)} is ${shown}`;
  if (keyframe !== undefined && Math.abs(gopSeconds - keyframe) > KEYFRAME_TOLERANCE_S) {
    const frames = Math.round(keyframe * v.framerate);
    if (gopSeconds > keyframe) {
      errors.push({
        field: 'video.gop_size',
        message: `${gop}; ${platform} needs a keyframe at least every ${keyframe} s: set the GOP to ${frames} frames`,
      });
    } else {
      warnings.push({
        field: 'video.gop_size',
        message: `${gop}, shorter than ${platform}'s recommended ${keyframe} s (accepted; costs some quality per bit); a GOP of ${frames} frames matches it`,
      });
    }
  }
  if (keyframe === undefined && Math.abs(gopSeconds - Math.round(gopSeconds)) > KEYFRAME_TOLERANCE_S) {
    // e.g. 50 frames at 30 fps: accepted, but segmenters (MediaPackage) prefer whole-second GOPs.
    warnings.push({ field: 'video.gop_size', message: `${gop}; a whole number of seconds segments cleanly` });
  }
}

/** The list value closest to `value`. */
function nearest(list: readonly number[], value: number): number {
  return list.reduce((best, x) => (Math.abs(x - value) < Math.abs(best - value) ? x : best), list[0] ?? value);
}

function audioRules(draft: DraftView, errors: FieldError[]): void {
  const a = draft.audio;
  const rates = listWords(AAC_SAMPLE_RATES.map((r) => String(r / 1_000)));
  if (a.sample_rate !== undefined && !(AAC_SAMPLE_RATES as readonly number[]).includes(a.sample_rate)) {
    errors.push({
      field: 'audio.sample_rate',
      message: `MediaLive's AAC sample rates are ${rates} kHz; ${sampleRateWords(a.sample_rate)} is not one of them`,
    });
  }
  if (a.coding_mode !== undefined && a.channels !== undefined) {
    const expected = a.coding_mode === 'CODING_MODE_1_0' ? 1 : 2;
    if (a.channels !== expected) {
      errors.push({
        field: 'audio.channels',
        message: `${codingModeWords(a.coding_mode)} carries ${expected} channel${expected === 1 ? '' : 's'}: set ${expected} channel${expected === 1 ? '' : 's'} or choose ${expected === 1 ? 'stereo' : 'mono'}`,
      });
    }
  }
  if (a.bitrate === undefined) return;
  if (!(AAC_BITRATES as readonly number[]).includes(a.bitrate)) {
    errors.push({
      field: 'audio.bitrate',
      message: `MediaLive's AAC bitrates are ${bitrateWords(AAC_BITRATES[0])} to ${bitrateWords(AAC_BITRATES.at(-1)!)} in fixed steps; ${bitrateWords(a.bitrate)} is not one: choose ${bitrateWords(nearest(AAC_BITRATES, a.bitrate))}`,
    });
    return;
  }
  if (a.coding_mode === undefined || a.sample_rate === undefined) return;
  const range = AAC_LC_RANGES[a.coding_mode][a.sample_rate];
  if (range && (a.bitrate < range.min || a.bitrate > range.max)) {
    errors.push({
      field: 'audio.bitrate',
      message: `AAC-LC ${codingModeWords(a.coding_mode)} at ${sampleRateWords(a.sample_rate)} takes ${bitrateWords(range.min)} to ${bitrateWords(range.max)}: choose ${bitrateWords(a.bitrate < range.min ? range.min : range.max)}`,
    });
  }
}

function consistencyRules(draft: DraftView, errors: FieldError[]): void {
  if (draft.type === 'generic' && draft.platform !== undefined && draft.platform !== 'generic') {
    errors.push({
      field: 'type',
      message: `a Generic preset is for the Generic platform; for ${platformWords(draft.platform)} choose the type ${presetTypeWords('platform_specific')} or ${presetTypeWords('custom')}`,
    });
  }
  if (draft.type === 'platform_specific' && draft.platform === 'generic') {
    errors.push({
      field: 'platform',
      message: `a ${presetTypeWords('platform_specific')} preset names its platform: ${listWords(PRESET_PLATFORMS.filter((p) => p !== 'generic').map(platformWords))}`,
    });
  }
}

/** Field paths in the order the form shows them: errors read top to bottom, and the first is the one focused. */
const FIELD_ORDER = [
  'name',
  'platform',
  'type',
  'description',
  'is_default',
  'video',
  'video.resolution',
  'video.framerate',
  'video.bitrate',
  'video.gop_size',
  'video.profile',
  'video.level',
  'video.rate_control',
  'audio',
  'audio.bitrate',
  'audio.sample_rate',
  'audio.coding_mode',
  'audio.channels',
  'platform_settings',
  'platform_settings.max_bitrate',
  'platform_settings.recommended_keyframe',
];
const rank = (field: string) => {
  const i = FIELD_ORDER.indexOf(field);
  return i === -1 ? FIELD_ORDER.length : i;
};

/**
 * Every error at once: the shape errors (zod reports them all), then every rule on the parts that are valid on their
 * own. A field with a shape error gets no rule error besides (its value was not understood); warnings only concern
 * valid fields.
 */
function validate<T>(schema: z.ZodType<T>, input: unknown): PresetValidation<T> {
  const parsed = schema.safeParse(input);
  const shape = parsed.success ? [] : issuesToErrors(parsed.error);
  const view = viewOf(input);
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  videoRules(view, errors, warnings);
  audioRules(view, errors);
  consistencyRules(view, errors);
  const broken = new Set(shape.map((e) => e.field));
  const all = [...shape, ...errors.filter((e) => !broken.has(e.field))].sort((a, b) => rank(a.field) - rank(b.field));
  if (!parsed.success || all.length > 0) return { ok: false, errors: all, warnings };
  return { ok: true, preset: parsed.data, warnings };
}

/** Validates what the admin form sends on create (or the `draft` of an update). */
export function validatePresetDraft(input: unknown): PresetValidation<PresetDraft> {
  return validate(PresetDraftSchema, input);
}

/** Validates a complete stored preset (the store runs it before every write). */
export function validatePreset(input: unknown): PresetValidation<Preset> {
  return validate(PresetSchema, input);
}

/** "video.bitrate: ...; audio.sample_rate: ..." for a log line or a BoothError message. */
export function formatFieldErrors(errors: readonly FieldError[]): string {
  return errors.map((e) => `${e.field}: ${e.message}`).join('; ');
}
