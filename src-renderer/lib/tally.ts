import { clockTime } from '../../shared/domain/time-format';
import { BILLING_STATES, type DestinationState } from '../../shared/domain/channel';
import type { Alarm, DestinationStatus, Unconfirmed } from '../../shared/domain/destination';
import { presentState } from './presentation';
import {
  inputStale,
  inputUnconfirmed,
  inputUnconfirmedText,
  inputUnread,
  onSlate,
  warmPresentation,
} from './warm-presentation';

/**
 * The tally never lies: what the console cannot confirm is shown as the last confirmed state, marked unconfirmed
 * with its time; unplanned changes are alarms. Plain TypeScript, unit-tested without a DOM.
 */

/** The code of an unconfirmed state the renderer sets itself: the window has lost its link to the console's core. */
export const LINK_DOWN_CODE = 'link-down';
const LINK_DOWN_REASON = "The console's link to its core is down: nothing here is being updated.";
/** The same, when the core answering at this address is a new run that refuses this window (it restarted). */
export const CORE_RESTARTED_CODE = 'core-restarted';
const CORE_RESTARTED_REASON = "This window is from the core's previous run and is no longer updated.";

/** States in which the tally reads on air: running, or recovering while still on air. */
export function isOnAir(state: DestinationState): boolean {
  return state === 'RUNNING' || state === 'RECOVERING';
}

/**
 * While the window's link to the core is down, every tile with a channel reads as unconfirmed since the link went
 * down (what AWS said before then is the last the window knows), whatever main said before.
 */
export function withLinkState(
  list: DestinationStatus[],
  linkDownSince: number | null,
  coreRestarted = false,
): DestinationStatus[] {
  if (linkDownSince === null) return list;
  return list.map((d) =>
    d.channelId === null
      ? d
      : {
          ...d,
          unconfirmed: {
            since: d.unconfirmed ? Math.min(d.unconfirmed.since, linkDownSince) : linkDownSince,
            lastConfirmedAt: d.unconfirmed ? d.unconfirmed.lastConfirmedAt : linkDownSince,
            code: coreRestarted ? CORE_RESTARTED_CODE : LINK_DOWN_CODE,
            reason: coreRestarted ? CORE_RESTARTED_REASON : LINK_DOWN_REASON,
          },
        },
  );
}

/** "last confirmed 11:01:33", or "never confirmed" when AWS never answered for it. */
export function lastConfirmedText(unconfirmed: Unconfirmed): string {
  return unconfirmed.lastConfirmedAt === null
    ? 'never confirmed'
    : `last confirmed ${clockTime(unconfirmed.lastConfirmedAt)}`;
}

/** What the status bar's LIVE item says: never "0" while channels may be live. */
export interface LiveSummary {
  /** On air and confirmed. */
  confirmed: number;
  /** Unconfirmed, last seen in a state that bills. */
  unconfirmed: number;
  total: number;
  /** The value as shown: "2/5", or "≥2/5" while some of them are unconfirmed. */
  text: string;
}

/**
 * On air now: running on its live input (a channel in standby runs, and bills, but sends the slate; one whose input
 * is not read yet may be either, and is not counted on air).
 */
export function isOnAirNow(d: DestinationStatus): boolean {
  return isOnAir(d.state) && !onSlate(d) && !inputUnread(d);
}

export function liveSummary(list: DestinationStatus[]): LiveSummary {
  const confirmed = list.filter((d) => !d.unconfirmed && !inputStale(d) && isOnAirNow(d)).length;
  // A running channel whose input is not read yet, or no longer confirmed, may be on air: counted as unconfirmed ones
  // are ("≥").
  const unconfirmed = list.filter(
    (d) => (d.unconfirmed && BILLING_STATES.has(d.state)) || (!d.unconfirmed && inputUnconfirmed(d)),
  ).length;
  const total = list.length;
  const text = unconfirmed > 0 ? `≥${confirmed + unconfirmed}/${total}` : `${confirmed}/${total}`;
  return { confirmed, unconfirmed, total, text };
}

/** Outbound bandwidth of the destinations on air; estimated when some are counted from their last confirmed state. */
export function outboundSummary(list: DestinationStatus[]): { bps: number; estimated: boolean } {
  const onAir = list.filter((d) => isOnAir(d.state));
  return {
    bps: onAir.reduce((sum, d) => sum + (d.bitrateBps ?? 0), 0),
    estimated: list.some((d) => d.unconfirmed && BILLING_STATES.has(d.state)),
  };
}

/** What to do about a state that cannot be confirmed, by the reason's code. */
const ADVICE: Record<string, string> = {
  'expired-credentials': 'Press Sign in (or run aws sso login); the tiles confirm again at the next read.',
  throttled: 'AWS is limiting requests: the console keeps retrying, backing off. Nothing to do unless it lasts.',
  unavailable: 'AWS has trouble answering: the console keeps retrying, backing off. If it lasts, check AWS Health.',
  network: 'AWS cannot be reached: check this machine’s network connection. The console keeps retrying.',
  timeout: 'AWS does not answer in time: check this machine’s network connection. The console keeps retrying.',
  'access-denied': 'These credentials may not read the channels: ask an admin to check the operator policy.',
  [LINK_DOWN_CODE]:
    'The window is reconnecting by itself. If it lasts, restart the console: channels in AWS keep running meanwhile.',
  [CORE_RESTARTED_CODE]:
    'Open the new operator address npm run web printed; this window cannot reconnect. Channels in AWS keep running.',
};

const LINK_CODES: ReadonlySet<string> = new Set([LINK_DOWN_CODE, CORE_RESTARTED_CODE]);

export interface UnconfirmedBanner {
  /** How many tiles are unconfirmed, and how many of them were last seen on air. */
  count: number;
  onAir: number;
  since: number;
  title: string;
  reason: string;
  advice: string;
  /** Whether a stop can still be sent (not while the link to the core is down). */
  ending: string;
  /** The same, in two or three words for the banner's badge. */
  endingShort: string;
  linkDown: boolean;
}

/** The operator window's banner while any tile is unconfirmed, or null. */
export function unconfirmedBanner(list: DestinationStatus[]): UnconfirmedBanner | null {
  const unconfirmed = list.filter((d): d is DestinationStatus & { unconfirmed: Unconfirmed } => d.unconfirmed !== null);
  const first = unconfirmed[0];
  if (!first) return null;
  const linkDown = unconfirmed.some((d) => LINK_CODES.has(d.unconfirmed.code));
  const cause = unconfirmed.find((d) => LINK_CODES.has(d.unconfirmed.code)) ?? first;
  const restarted = cause.unconfirmed.code === CORE_RESTARTED_CODE;
  const since = Math.min(...unconfirmed.map((d) => d.unconfirmed.since));
  const onAir = unconfirmed.filter((d) => BILLING_STATES.has(d.state)).length;
  const tiles = unconfirmed.length === 1 ? '1 tile shows its' : `${unconfirmed.length} tiles show their`;
  return {
    count: unconfirmed.length,
    onAir,
    since,
    title: `${restarted ? 'The console core restarted' : linkDown ? 'Link to the console core lost' : 'Channel states unconfirmed'} since ${clockTime(since)}: ${tiles} last confirmed state “?”${
      onAir > 0 ? `, ${onAir} last seen on air` : ''
    }`,
    reason: cause.unconfirmed.reason,
    advice: ADVICE[cause.unconfirmed.code] ?? 'The console keeps retrying, backing off.',
    ending: restarted
      ? 'Nothing can be sent from this window; take and end from the new one.'
      : linkDown
        ? 'Nothing can be sent until the link is back; going live and ending wait for it.'
        : 'Ending stays possible: END on a tile and End all (E) still send the stop. Going live waits until states are confirmed.',
    endingShort: linkDown ? 'NOTHING CAN BE SENT' : 'ENDING STAYS POSSIBLE',
    linkDown,
  };
}

const ALARM_WORDS: Record<Alarm['kind'], string> = {
  dropped: 'DROPPED',
  recovering: 'RECOVERING',
  failed: 'FAILED',
  'started-elsewhere': 'STARTED ELSEWHERE',
  'stopped-elsewhere': 'STOPPED ELSEWHERE',
  'aws-alert': 'AWS ALERT',
};

const hms = (ms: number) => {
  const total = Math.max(0, Math.floor(ms / 1_000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3_600))}:${pad(Math.floor((total % 3_600) / 60))}:${pad(total % 60)}`;
};

/** The alarm's headline on a tile: "DROPPED 11:02:38 after 00:41:06", "RECOVERING since 11:02:38". */
export function alarmHeadline(alarm: Alarm): string {
  if (alarm.kind === 'recovering') {
    return alarm.recoveredAt === null
      ? `RECOVERING since ${clockTime(alarm.at)}`
      : `RECOVERED ${clockTime(alarm.recoveredAt)} (recovering from ${clockTime(alarm.at)})`;
  }
  if (alarm.kind === 'aws-alert' && alarm.recoveredAt !== null)
    return `AWS ALERT ${clockTime(alarm.at)}, cleared ${clockTime(alarm.recoveredAt)}`;
  const after = alarm.onAirFor !== null ? ` after ${hms(alarm.onAirFor)}` : '';
  return `${ALARM_WORDS[alarm.kind]} ${clockTime(alarm.at)}${after}`;
}

/** Amber for trouble the channel lives through (or a change made elsewhere); the error colour for a channel lost. */
export function alarmTone(alarm: Alarm): 'warn' | 'error' {
  return alarm.kind === 'dropped' || alarm.kind === 'failed' || alarm.kind === 'stopped-elsewhere' ? 'error' : 'warn';
}

/** What End all stops, as main decides it: last confirmed on air (not already stopping), and every unconfirmed channel. */
export function endAllTargets(list: DestinationStatus[]): DestinationStatus[] {
  return list.filter((d) => {
    if (!d.channelId || d.state === 'MISSING') return false;
    if (d.unconfirmed) return true;
    return BILLING_STATES.has(d.state) && d.state !== 'STOPPING';
  });
}

/** One line of the admin window's live tally. */
export interface AirTallyEntry {
  id: string;
  name: string;
  /** The state in the operator's words (ON AIR, STARTING…), with "?" when it is only the last confirmed one. */
  word: string;
  tone: 'live' | 'transition' | 'unconfirmed';
  /** "last confirmed 18:40:07" for an unconfirmed state. */
  note: string | null;
}

/**
 * What is on air for an admin who is not at the operator's console: every destination on air, starting or ending,
 * and every one whose state cannot be confirmed (shown as last confirmed, marked, with its time: never as IDLE).
 */
export function airTally(list: DestinationStatus[]): AirTallyEntry[] {
  return list.flatMap((d): AirTallyEntry[] => {
    const warm = warmPresentation(d);
    const label = warm?.label ?? presentState(d.state).label;
    if (d.unconfirmed)
      return [
        { id: d.id, name: d.name, word: `${label}?`, tone: 'unconfirmed', note: lastConfirmedText(d.unconfirmed) },
      ];
    if (!BILLING_STATES.has(d.state)) return [];
    if (inputUnconfirmed(d))
      return [{ id: d.id, name: d.name, word: `${label}?`, tone: 'unconfirmed', note: inputUnconfirmedText(d) }];
    return [{ id: d.id, name: d.name, word: label, tone: isOnAirNow(d) ? 'live' : 'transition', note: null }];
  });
}
