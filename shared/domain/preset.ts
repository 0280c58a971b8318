import { z } from 'zod';

export const PRESET_PLATFORMS = ['youtube', 'twitch', 'linkedin', 'hls', 'generic', 'custom'] as const;
export const PRESET_TYPES = ['platform_specific', 'generic', 'custom'] as const;

const ResolutionSchema = z.string().regex(/^\d{2,4}x\d{2,4}$/, 'resolution is WIDTHxHEIGHT, e.g. 1920x1080');

export const PresetVideoSchema = z.strictObject({
  codec: z.literal('H264'),
  resolution: ResolutionSchema,
  framerate: z.number().min(1, 'frame rate must be at least 1 fps').max(60, 'MediaLive H.264 outputs go up to 60 fps'),
  bitrate: z.number().int().min(100_000, 'video bitrate must be at least 100 kbps (100000)'),
  profile: z.enum(['BASELINE', 'MAIN', 'HIGH']),
  level: z.string().regex(/^H264_LEVEL_(AUTO|\d(_\d)?)$/, 'level is like H264_LEVEL_4_1'),
  gop_size: z.number().int().min(1),
  rate_control: z.enum(['CBR', 'VBR', 'QVBR']),
});

export const PresetAudioSchema = z.strictObject({
  codec: z.literal('AAC'),
  bitrate: z.number().int().min(32_000, 'audio bitrate must be at least 32 kbps (32000)'),
  sample_rate: z.number().int().positive('sample rate is required'),
  channels: z.number().int().min(1).max(2),
  coding_mode: z.enum(['CODING_MODE_1_0', 'CODING_MODE_2_0']),
});

export const PlatformSettingsSchema = z.strictObject({
  max_bitrate: z.number().int().positive(),
  recommended_keyframe: z.number().positive(),
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
