import type { Preset } from '../../../shared/domain/preset';

type DefaultPreset = Omit<Preset, 'created_at' | 'updated_at' | 'version' | 'is_active' | 'created_by'>;

const AAC_STEREO = { codec: 'AAC', sample_rate: 48_000, channels: 2, coding_mode: 'CODING_MODE_2_0' } as const;

/** The plan's default presets (PRODUCT.md section 5), seeded once into the presets table. */
export const DEFAULT_PRESETS: readonly DefaultPreset[] = [
  {
    preset_id: 'preset_generic_720p',
    name: '720p Standard',
    platform: 'generic',
    type: 'generic',
    video: { codec: 'H264', resolution: '1280x720', framerate: 30, bitrate: 3_000_000, profile: 'HIGH', level: 'H264_LEVEL_3_1', gop_size: 60, rate_control: 'CBR' },
    audio: { ...AAC_STEREO, bitrate: 128_000 },
    description: 'Standard 720p quality for most platforms',
    is_default: true,
  },
  {
    preset_id: 'preset_generic_1080p',
    name: '1080p High Quality',
    platform: 'generic',
    type: 'generic',
    video: { codec: 'H264', resolution: '1920x1080', framerate: 30, bitrate: 6_000_000, profile: 'HIGH', level: 'H264_LEVEL_4_1', gop_size: 60, rate_control: 'CBR' },
    audio: { ...AAC_STEREO, bitrate: 128_000 },
    description: 'High quality 1080p for platforms supporting higher bitrates',
    is_default: false,
  },
  {
    preset_id: 'preset_youtube_1080p_optimized',
    name: 'YouTube 1080p Optimized',
    platform: 'youtube',
    type: 'platform_specific',
    video: { codec: 'H264', resolution: '1920x1080', framerate: 30, bitrate: 6_000_000, profile: 'HIGH', level: 'H264_LEVEL_4_1', gop_size: 60, rate_control: 'CBR' },
    audio: { ...AAC_STEREO, bitrate: 128_000 },
    platform_settings: { max_bitrate: 8_000_000, recommended_keyframe: 2, low_latency: false, adaptive_bitrate: true },
    description: 'Optimized for YouTube Live with their recommended settings',
    is_default: true,
  },
  {
    preset_id: 'preset_youtube_720p_mobile',
    name: 'YouTube 720p Mobile Friendly',
    platform: 'youtube',
    type: 'platform_specific',
    video: { codec: 'H264', resolution: '1280x720', framerate: 30, bitrate: 2_500_000, profile: 'MAIN', level: 'H264_LEVEL_3_1', gop_size: 60, rate_control: 'CBR' },
    audio: { ...AAC_STEREO, bitrate: 96_000 },
    platform_settings: { max_bitrate: 4_000_000, recommended_keyframe: 2, low_latency: false, adaptive_bitrate: true },
    description: 'Lower bitrate for mobile viewers and slower connections',
    is_default: false,
  },
  {
    preset_id: 'preset_twitch_1080p_60fps',
    name: 'Twitch 1080p 60fps',
    platform: 'twitch',
    type: 'platform_specific',
    video: { codec: 'H264', resolution: '1920x1080', framerate: 60, bitrate: 6_000_000, profile: 'HIGH', level: 'H264_LEVEL_4_2', gop_size: 120, rate_control: 'CBR' },
    audio: { ...AAC_STEREO, bitrate: 160_000 },
    platform_settings: { max_bitrate: 6_000_000, recommended_keyframe: 2, low_latency: true, adaptive_bitrate: false },
    description: 'Twitch Partner quality with 60fps for smooth gaming',
    is_default: true,
  },
  {
    preset_id: 'preset_twitch_720p_standard',
    name: 'Twitch 720p Standard',
    platform: 'twitch',
    type: 'platform_specific',
    video: { codec: 'H264', resolution: '1280x720', framerate: 30, bitrate: 3_000_000, profile: 'HIGH', level: 'H264_LEVEL_3_1', gop_size: 60, rate_control: 'CBR' },
    audio: { ...AAC_STEREO, bitrate: 128_000 },
    platform_settings: { max_bitrate: 3_500_000, recommended_keyframe: 2, low_latency: true, adaptive_bitrate: false },
    description: 'Standard Twitch quality for non-partner streamers',
    is_default: false,
  },
  {
    preset_id: 'preset_linkedin_720p_professional',
    name: 'LinkedIn Professional',
    platform: 'linkedin',
    type: 'platform_specific',
    video: { codec: 'H264', resolution: '1280x720', framerate: 30, bitrate: 2_000_000, profile: 'MAIN', level: 'H264_LEVEL_3_1', gop_size: 60, rate_control: 'CBR' },
    audio: { ...AAC_STEREO, bitrate: 128_000 },
    platform_settings: { max_bitrate: 3_000_000, recommended_keyframe: 4, low_latency: false, adaptive_bitrate: true },
    description: 'Optimized for LinkedIn Live professional broadcasts',
    is_default: true,
  },
];
