import { z } from 'zod';

export const PRESET_PLATFORMS = ['youtube', 'twitch', 'linkedin', 'hls', 'generic', 'custom'] as const;
export const PRESET_TYPES = ['platform_specific', 'generic', 'custom'] as const;

const ResolutionSchema = z
  .string({ error: 'enter the resolution as width x height, e.g. 1920x1080' })
  .regex(/^\d{2,4}x\d{2,4}$/, 'enter the resolution as width x height, e.g. 1920x1080');

/** A number the admin must enter: an empty field (null) reads "enter …", not a type error. */
const entered = (what: string) => z.number({ error: `enter ${what}` });

export const PresetVideoSchema = z.strictObject({
  codec: z.literal('H264'),
  resolution: ResolutionSchema,
  framerate: entered('the frame rate (1 to 60 fps)')
    .min(1, 'the frame rate is at least 1 fps')
    .max(60, 'MediaLive H.264 outputs go up to 60 fps'),
  bitrate: entered('the video bitrate in kbps (at least 100 kbps)')
    .int('the video bitrate is a whole number of bits per second')
    .min(100_000, 'the video bitrate is at least 100 kbps'),
  profile: z.enum(['BASELINE', 'MAIN', 'HIGH'], { error: 'choose a profile: Baseline, Main or High' }),
  level: z
    .string({ error: 'choose an H.264 level' })
    .regex(/^H264_LEVEL_(AUTO|\d(_\d)?)$/, 'choose an H.264 level from the list (1.0 to 5.2, or Auto)'),
  gop_size: entered('the GOP length in frames')
    .int('the GOP is a whole number of frames')
    .min(1, 'the GOP is at least 1 frame'),
  rate_control: z.enum(['CBR', 'VBR', 'QVBR'], { error: 'choose a rate control: CBR, VBR or QVBR' }),
});

export const PresetAudioSchema = z.strictObject({
  codec: z.literal('AAC'),
  bitrate: entered('the audio bitrate')
    .int('the audio bitrate is a whole number of bits per second')
    .min(32_000, 'the audio bitrate is at least 32 kbps'),
  sample_rate: entered('the sample rate').int().positive('choose a sample rate'),
  channels: entered('the number of channels').int().min(1).max(2, 'AAC carries 1 (mono) or 2 (stereo) channels'),
  coding_mode: z.enum(['CODING_MODE_1_0', 'CODING_MODE_2_0'], { error: 'choose mono or stereo' }),
});

export const PlatformSettingsSchema = z.strictObject({
  max_bitrate: entered("the platform's maximum video bitrate in kbps")
    .int()
    .positive("the platform's maximum video bitrate is above 0 kbps"),
  recommended_keyframe: entered('how often the platform wants a keyframe, in seconds').positive(
    'the keyframe interval is above 0 s',
  ),
  low_latency: z.boolean(),
  adaptive_bitrate: z.boolean(),
});

export const PresetSchema = z.strictObject({
  preset_id: z.string().min(1).max(128),
  name: z.string().trim().min(1, 'name is required').max(120),
  platform: z.enum(PRESET_PLATFORMS),
  type: z.enum(PRESET_TYPES),
  video: PresetVideoSchema,
  audio: PresetAudioSchema,
  platform_settings: PlatformSettingsSchema.optional(),
  description: z.string().max(1000).optional(),
  is_default: z.boolean(),
  is_active: z.boolean(),
  created_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number().int().min(1),
});
export type Preset = z.infer<typeof PresetSchema>;

/** "1080p30 6 Mbps": what a tile shows of a preset. */
export function summarizePreset(preset: Pick<Preset, 'video'>): string {
  const height = preset.video.resolution.split('x')[1] ?? '?';
  const mbps = preset.video.bitrate / 1_000_000;
  const rate = Number.isInteger(mbps) ? String(mbps) : mbps.toFixed(1);
  return `${height}p${preset.video.framerate} ${rate} Mbps`;
}
