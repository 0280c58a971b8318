import { clockTime } from '../../shared/domain/time-format';
import type { DestinationState } from '../../shared/domain/channel';

/**
 * Broadcast tones: red tally on air, amber for transitions (and armed), grey idle, a distinct error colour, and blue
 * for a channel running on its slate (standby: billing, nothing live).
 */
export type Tone = 'live' | 'transition' | 'idle' | 'error' | 'standby';

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
  // Still on air, in trouble: the red tally stays; the tile's alarm says what is wrong.
  RECOVERING: { label: 'RECOVERING', tone: 'live', hint: 'On air; MediaLive is recovering the channel' },
  UPDATING: { label: 'UPDATING', tone: 'transition', hint: 'Encoding settings being applied' },
  CREATING: { label: 'CREATING', tone: 'transition', hint: 'Channel being created' },
  DELETING: { label: 'DELETING', tone: 'transition', hint: 'Channel being deleted' },
  IDLE: { label: 'IDLE', tone: 'idle', hint: 'Off air, ready' },
  MISSING: { label: 'MISSING', tone: 'error', hint: 'Channel missing in AWS' },
  DELETED: { label: 'DELETED', tone: 'error', hint: 'Channel deleted in AWS' },
  CREATE_FAILED: { label: 'CREATE FAILED', tone: 'error', hint: 'Channel could not be created' },
  UPDATE_FAILED: { label: 'UPDATE FAILED', tone: 'error', hint: 'Last settings update failed' },
  UNKNOWN: { label: 'UNKNOWN', tone: 'error', hint: 'State never read from AWS yet' },
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
  facebook: 'Facebook',
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

/** 24-hour time of day with seconds, as broadcast clocks show it: one format everywhere. */
export function formatTimeOfDay(epochMs: number): string {
  return clockTime(epochMs);
}

/** Dollars as an operator reads a running meter: cents below $100, whole dollars above. */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '$—';
  return usd >= 100 ? `$${Math.round(usd).toLocaleString('en-US')}` : `$${usd.toFixed(2)}`;
}

/** Bits per second as Mbps with one decimal ("12.4 Mbps"). */
/**
 * The preset as a compact tile has room for, beside its timer: the resolution and the bitrate, the two an operator
 * checks ("1080p29.97 12.5 Mbps" -> "1080p 12.5M"); the frame rate is in the line's title. Anything else, as given.
 */
export function shortPreset(summary: string): string {
  const parts = /^(\d+p)[\d.]*\s+([\d.]+)\s*Mbps$/.exec(summary.trim());
  return parts ? `${parts[1]} ${parts[2]}M` : summary;
}

export function formatMbps(bps: number): string {
  return `${(bps / 1_000_000).toFixed(1)} Mbps`;
}

/** An action main is still working on (retrying after throttling, waiting for AWS), in words. */
export function pendingText(pending: { action: 'start' | 'stop'; attempt: number; note: string | null }): string {
  const verb = pending.action === 'start' ? 'go live' : 'end';
  if (pending.attempt <= 1 && !pending.note) return `${verb}: waiting for AWS`;
  // The attempt first (it is what changes); then AWS's reason, without the "Start X failed:" preamble.
  const note = (pending.note ?? 'AWS did not answer')
    .replace(/^retrying:\s*/i, '')
    .replace(/^(start|stop) .*? failed:\s*/i, '')
    .replace(/;\s*retrying\.?$/i, '');
  return `retrying ${verb} (attempt ${pending.attempt}): ${note}`;
}

/** "in 3 h 12 min" / "in 8 min" / "expired", for the credentials' expiry. */
export function formatExpiry(expiresAt: number, now: number): string {
  const ms = expiresAt - now;
  if (ms <= 0) return 'expired';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `in ${minutes} min`;
  return `in ${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** A message that ends a clause of the window's own sentence ("…: {message}. Retrying…") without a doubled full stop. */
export function asClause(message: string): string {
  return message.replace(/[.\s]+$/, '');
}

/** The status bar's warning steps before control ends: the same 60, 15 and 5 minutes the notifications use. */
export type ExpiryTone = 'calm' | 'hour' | 'quarter' | 'last' | 'ended';

export function expiryTone(expiresAt: number, now: number): ExpiryTone {
  const ms = expiresAt - now;
  if (ms <= 0) return 'ended';
  if (ms <= 5 * 60_000) return 'last';
  if (ms <= 15 * 60_000) return 'quarter';
  if (ms <= 60 * 60_000) return 'hour';
  return 'calm';
}
