import type { SettingChangeOut } from '../../../../shared/ipc/features/admin.contract';
import {
  bitrateWords,
  codingModeWords,
  levelWords,
  profileWords,
  sampleRateWords,
} from '../../../../shared/domain/preset-words';

/**
 * The apply preview's changes as a person reads a preset: video first (size, frame rate, bitrate, GOP, profile and
 * level), then audio, then the outputs; every value in its unit (Mbps, kHz, level 4.1), MediaLive's path kept small
 * beside it for whoever compares with the console.
 */
export type DiffGroup = 'Video' | 'Audio' | 'Output' | 'Other';

export interface DiffRow {
  path: string;
  group: DiffGroup;
  label: string;
  from: string;
  to: string;
  /** The values as MediaLive holds them. */
  raw: { from: string | null; to: string | null };
}

interface Setting {
  re: RegExp;
  label: string;
  format?: (value: string) => string;
}

const asNumber = (format: (n: number) => string) => (value: string) =>
  /^-?\d+(\.\d+)?$/.test(value) ? format(Number(value)) : value;
const bits = (n: number) =>
  n >= 1_000_000 ? `${Math.round(n / 10_000) / 100} Mbit` : `${Math.round(n / 10) / 100} kbit`;
const level = (value: string) => (value === 'H264_LEVEL_AUTO' ? 'Auto' : `level ${levelWords(value)}`);

/** In reading order; a path matches the first. */
const VIDEO: Setting[] = [
  { re: /VideoDescriptions\[\d+\]\.Width$/, label: 'Width', format: asNumber((n) => `${n} px`) },
  { re: /VideoDescriptions\[\d+\]\.Height$/, label: 'Height', format: asNumber((n) => `${n} px`) },
  { re: /H264Settings\.FramerateNumerator$/, label: 'Frame rate (numerator)' },
  { re: /H264Settings\.FramerateDenominator$/, label: 'Frame rate (denominator)' },
  { re: /H264Settings\.Bitrate$/, label: 'Video bitrate', format: asNumber(bitrateWords) },
  { re: /H264Settings\.MaxBitrate$/, label: 'Video max bitrate', format: asNumber(bitrateWords) },
  { re: /H264Settings\.BufSize$/, label: 'Video buffer', format: asNumber(bits) },
  { re: /H264Settings\.RateControlMode$/, label: 'Rate control' },
  { re: /H264Settings\.GopSize$/, label: 'GOP', format: asNumber((n) => `${n} frames`) },
  { re: /H264Settings\.GopNumBFrames$/, label: 'B-frames per GOP' },
  { re: /H264Settings\.Profile$/, label: 'H.264 profile', format: profileWords },
  { re: /H264Settings\.Level$/, label: 'H.264 level', format: level },
  { re: /H264Settings\.LookAheadRateControl$/, label: 'Look-ahead' },
  { re: /H264Settings\.SceneChangeDetect$/, label: 'Scene change detection' },
];
const AUDIO: Setting[] = [
  { re: /AacSettings\.Bitrate$/, label: 'Audio bitrate', format: asNumber(bitrateWords) },
  { re: /AacSettings\.SampleRate$/, label: 'Audio sample rate', format: asNumber(sampleRateWords) },
  { re: /AacSettings\.CodingMode$/, label: 'Audio channels', format: codingModeWords },
];

function groupOf(path: string): DiffGroup {
  if (path.startsWith('VideoDescriptions')) return 'Video';
  if (path.startsWith('AudioDescriptions')) return 'Audio';
  if (path.startsWith('OutputGroups')) return 'Output';
  return 'Other';
}

const GROUP_ORDER: readonly DiffGroup[] = ['Video', 'Audio', 'Output', 'Other'];

/** The last member of a path in words: "H264Settings.EntropyEncoding" -> "Entropy encoding". */
function wordsOf(path: string): string {
  const last =
    path
      .split('.')
      .at(-1)
      ?.replace(/\[\d+\]$/, '') ?? path;
  const spaced = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function presentChanges(changes: readonly SettingChangeOut[]): DiffRow[] {
  const rows = changes.map((c, index) => {
    const group = groupOf(c.path);
    const known = group === 'Video' ? VIDEO : group === 'Audio' ? AUDIO : [];
    const at = known.findIndex((s) => s.re.test(c.path));
    const setting = at === -1 ? undefined : known[at];
    const show = (value: string | null) => (value === null ? '—' : setting?.format ? setting.format(value) : value);
    return {
      row: {
        path: c.path,
        group,
        label: setting?.label ?? wordsOf(c.path),
        from: show(c.from),
        to: show(c.to),
        raw: { from: c.from, to: c.to },
      },
      // Known settings in reading order, then the others as the channel lists them.
      key: [GROUP_ORDER.indexOf(group), at === -1 ? known.length : at, index] as const,
    };
  });
  rows.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2]);
  return rows.map((r) => r.row);
}
