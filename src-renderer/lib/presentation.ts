import type { DestinationState } from '../../shared/domain/channel';

/** Broadcast tones: red tally on air, amber for transitions (and armed), grey idle, a distinct error colour. */
export type Tone = 'live' | 'transition' | 'idle' | 'error';

export interface StatePresentation {
  /** The big word(s) on the tile. */
  label: string;
  tone: Tone;
  /** One short line under the state, for people who do not know MediaLive's vocabulary. */
  hint: string;
}

const PRESENTATION: Record<DestinationState, StatePresentation> = {
  RUNNING: { label: 'ON AIR', tone: 'live', hint: 'Channel running' },
  STARTING: { label: 'STARTING', tone: 'transition', hint: 'Channel starting' },
  STOPPING: { label: 'STOPPING', tone: 'transition', hint: 'Channel stopping' },
  RECOVERING: { label: 'RECOVERING', tone: 'transition', hint: 'MediaLive is recovering the channel' },
  UPDATING: { label: 'UPDATING', tone: 'transition', hint: 'Encoding settings being applied' },
  CREATING: { label: 'CREATING', tone: 'transition', hint: 'Channel being created' },
  DELETING: { label: 'DELETING', tone: 'transition', hint: 'Channel being deleted' },
  IDLE: { label: 'IDLE', tone: 'idle', hint: 'Off air, ready' },
  MISSING: { label: 'MISSING', tone: 'error', hint: 'Channel missing in AWS' },
  DELETED: { label: 'DELETED', tone: 'error', hint: 'Channel deleted in AWS' },
  CREATE_FAILED: { label: 'CREATE FAILED', tone: 'error', hint: 'Channel could not be created' },
  UPDATE_FAILED: { label: 'UPDATE FAILED', tone: 'error', hint: 'Last settings update failed' },
  UNKNOWN: { label: 'UNKNOWN', tone: 'error', hint: 'State not known: AWS not reached yet' },
};

export function presentState(state: DestinationState): StatePresentation {
  return PRESENTATION[state];
}

/** Platform ids as an operator reads them on a tile. */
const PLATFORM_LABELS: Record<string, string> = {
  hls: 'HLS',
  youtube: 'YouTube',
  twitch: 'Twitch',
  linkedin: 'LinkedIn',
  custom: 'Custom',
  generic: 'Generic',
  primary: 'HLS',
};

export function platformLabel(platform: string): string {
  return PLATFORM_LABELS[platform.toLowerCase()] ?? platform;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** hh:mm:ss of a duration; negative durations (clock skew) read as zero. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1_000));
  const hours = Math.floor(total / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  return `${pad(hours)}:${pad(minutes)}:${pad(total % 60)}`;
}

/** 24-hour time of day, as broadcast clocks show it. */
export function formatTimeOfDay(epochMs: number, withSeconds = true): string {
  const date = new Date(epochMs);
  const hm = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return withSeconds ? `${hm}:${pad(date.getSeconds())}` : hm;
}
