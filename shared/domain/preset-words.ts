/**
 * A preset's settings as an admin reads them: bitrates in kbps or Mbps, levels as "4.1", sample rates in kHz,
 * MediaLive's enum names never shown. The validation messages and the admin window both use these.
 */

/** Up to two decimals, trailing zeros dropped: 2.5, 6, 44.1. */
function decimal(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** "80 Mbps", "2.5 Mbps", "128 kbps", "950 kbps". */
export function bitrateWords(bps: number): string {
  return bps >= 1_000_000 ? `${decimal(bps / 1_000_000)} Mbps` : `${decimal(bps / 1_000)} kbps`;
}

/** "48 kHz", "44.1 kHz". */
export function sampleRateWords(hz: number): string {
  return `${decimal(hz / 1_000)} kHz`;
}

/** MediaLive's H264Level as the H.264 standard writes it: H264_LEVEL_5 -> "5.0", H264_LEVEL_4_1 -> "4.1". */
export function levelWords(level: string): string {
  if (level === 'H264_LEVEL_AUTO') return 'Auto';
  const m = /^H264_LEVEL_(\d)(?:_(\d))?$/.exec(level);
  return m ? `${m[1]}.${m[2] ?? '0'}` : level;
}

/** MediaLive's H264Profile: BASELINE -> "Baseline". */
export function profileWords(profile: string): string {
  return profile.charAt(0) + profile.slice(1).toLowerCase();
}

/** AAC coding modes: "mono", "stereo". */
export function codingModeWords(mode: string): string {
  return mode === 'CODING_MODE_1_0' ? 'mono' : mode === 'CODING_MODE_2_0' ? 'stereo' : mode;
}

const PLATFORM_NAMES: Readonly<Record<string, string>> = {
  youtube: 'YouTube',
  twitch: 'Twitch',
  linkedin: 'LinkedIn',
  hls: 'HLS',
  generic: 'Generic',
  custom: 'Custom',
};

export function platformWords(platform: string): string {
  return PLATFORM_NAMES[platform] ?? platform;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  platform_specific: 'Platform specific',
  generic: 'Generic',
  custom: 'Custom',
};

export function presetTypeWords(type: string): string {
  return TYPE_NAMES[type] ?? type;
}

/** "32, 44.1 or 48": a short list in words. */
export function listWords(items: readonly string[], last = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}
