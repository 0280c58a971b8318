import type { DestinationStatus } from '../../shared/domain/destination';
import { clockTime } from '../../shared/domain/time-format';
import type { StatePresentation } from './presentation';

/**
 * Warm standby on the tile, from what AWS reports (the channel's state and the input its pipeline ingests): a channel
 * running on its slate is STANDBY, never ON AIR. Plain TypeScript, unit-tested without a DOM.
 */

const dollars = (usd: number) => `$${usd.toFixed(2)}`;

/** Running, but the platform receives the slate (or the console started it to standby and it is not running yet). */
export function onSlate(d: DestinationStatus): boolean {
  const w = d.warm;
  if (!w) return false;
  return (
    w.phase === 'STANDBY' || w.phase === 'STARTING_TO_STANDBY' || (w.phase === 'SWITCHING' && w.switchingTo === 'live')
  );
}

/**
 * Running, and the console has not yet read which input it ingests (a channel with a slate, first seen running): not
 * ON AIR, not STANDBY, until the read says which.
 */
export function inputUnread(d: DestinationStatus): boolean {
  return d.warm?.phase === 'INPUT_UNCONFIRMED' && (d.state === 'RUNNING' || d.state === 'RECOVERING');
}

/** "input unconfirmed since 18:40:07": the words and time of a running channel's input not read yet. */
function inputUnreadText(d: DestinationStatus): string {
  const since = d.warm?.inputUnconfirmedSince ?? null;
  return since === null ? 'input unconfirmed' : `input unconfirmed since ${clockTime(since)}`;
}

/**
 * Running on the input last read (STANDBY on the slate, ON AIR on the live input), and the reads that would confirm it
 * fail: the tile keeps that input, marked unconfirmed since it was last confirmed, never a guess.
 */
export function inputStale(d: DestinationStatus): boolean {
  const w = d.warm;
  return (
    (w?.phase === 'STANDBY' || w?.phase === 'ON_AIR') &&
    w.inputUnconfirmedSince !== null &&
    (d.state === 'RUNNING' || d.state === 'RECOVERING')
  );
}

/** "slate (unconfirmed since 15:42:10)": the input last read, and since when it has not been confirmed. */
export function inputStaleText(d: DestinationStatus): string {
  const which = d.warm?.phase === 'STANDBY' ? 'slate' : 'live input';
  const since = d.warm?.inputUnconfirmedSince ?? null;
  return since === null ? `${which} (unconfirmed)` : `${which} (unconfirmed since ${clockTime(since)})`;
}

/** Running, and which input it ingests is not confirmed now: not read yet, or its reads fail. */
export function inputUnconfirmed(d: DestinationStatus): boolean {
  return inputUnread(d) || inputStale(d);
}

/** The words of either: "input unconfirmed since 18:40:07", "slate (unconfirmed since 15:42:10)". */
export function inputUnconfirmedText(d: DestinationStatus): string {
  return inputStale(d) ? inputStaleText(d) : inputUnreadText(d);
}

/**
 * The tile's UNCONFIRMED line while the input is not confirmed, with its time: "slate, last confirmed 15:42:10" (as an
 * unconfirmed state's "last confirmed 11:01:33"), "input not read yet, since 18:40:07"; null otherwise. The hint line
 * above it is cut on the narrowest tile (1366 px): the time must stay readable, so it has a line of its own.
 */
export function inputTroubleText(d: DestinationStatus): string | null {
  const since = d.warm?.inputUnconfirmedSince ?? null;
  const at = since === null ? '' : clockTime(since);
  if (inputStale(d)) return `${d.warm?.phase === 'STANDBY' ? 'slate' : 'live input'}, last confirmed ${at}`;
  if (inputUnread(d)) return since === null ? 'input not read yet' : `input not read yet, since ${at}`;
  return null;
}

/** The tile's big word when warm standby decides it; null when the channel's state alone does. */
export function warmPresentation(d: DestinationStatus): StatePresentation | null {
  const w = d.warm;
  if (!w) return null;
  switch (w.phase) {
    case 'STARTING_TO_STANDBY':
      return { label: 'STARTING TO STANDBY', tone: 'transition', hint: 'Channel starting on its slate' };
    case 'STANDBY':
      return {
        label: 'STANDBY',
        tone: 'standby',
        hint: inputStale(d) ? 'input unconfirmed' : 'Running on the slate; the take switches to live',
      };
    case 'SWITCHING':
      return w.switchingTo === 'live'
        ? {
            label: 'SWITCHING',
            tone: 'transition',
            hint: w.standard ? 'To the live input (STANDARD channel: AWS waits 10 s)' : 'To the live input',
          }
        : { label: 'SWITCHING', tone: 'live', hint: 'To the slate; still on the live input' };
    case 'ON_AIR':
      return {
        label: 'ON AIR',
        tone: 'live',
        hint: inputStale(d) ? 'input unconfirmed' : 'On the live input (warm: back to slate possible)',
      };
    case 'INPUT_UNCONFIRMED':
      // The channel's state is confirmed, its input is not: the tile says what is known, never a guess (since when is
      // on the tile's UNCONFIRMED line).
      return inputUnread(d) ? { label: 'RUNNING', tone: 'transition', hint: 'input not read yet' } : null;
    default:
      return null;
  }
}

/**
 * "$0.56/h, standby since 18:40": what the standby costs while nothing is on air. The cost comes first: on the
 * narrowest tile (1366 px wide) the end of the line is cut, and the cost must stay visible.
 */
export function standbyLine(d: DestinationStatus, now: number): string | null {
  const w = d.warm;
  if (w?.phase !== 'STANDBY' || w.standbySince === null) return null;
  // The slate is only the last input read: no standby is claimed (the UNCONFIRMED line says since when).
  if (inputStale(d)) return `${dollars(w.standbyPerHour)}/h, input unconfirmed`;
  // Hours and minutes (the seconds dropped): the line must keep its cost visible on the narrowest tile.
  const since = clockTime(w.standbySince, now).replace(/:\d\d$/, '');
  return `${dollars(w.standbyPerHour)}/h, standby since ${since}`;
}

/** What the warm button in the tile's action row offers now, or null (a cold destination, a transition). */
export type WarmAct = 'standby' | 'back-to-slate' | 'stop' | 'mode';

export function warmActFor(d: DestinationStatus): WarmAct | null {
  const w = d.warm;
  // Back to slate and stop from standby act on an input the console cannot confirm now: offered once it is read again.
  if (!w?.capable || d.unconfirmed || inputStale(d)) return null;
  if (w.mode === 'warm' && w.phase === 'STANDBY') return 'stop';
  if (w.mode === 'warm' && w.phase === 'ON_AIR') return 'back-to-slate';
  if (d.state === 'IDLE' && w.phase === 'OFF') return 'mode';
  return null;
}

/**
 * What a take does on a warm destination, or why it cannot be armed; null when the cold rules apply. The take from
 * standby is the input switch (main sends one BatchUpdateSchedule); ending stays possible on whatever bills.
 */
export function warmPlan(
  d: DestinationStatus,
): { ok: true; action: 'start' | 'stop' } | { ok: false; reason: string; short: string } | null {
  const w = d.warm;
  // The input last read cannot be confirmed now: as for an unconfirmed state, no switch is armed on it; the cold rules
  // leave ending possible on what bills.
  if (!w || w.mode !== 'warm' || d.unconfirmed || inputStale(d)) return null;
  if (w.phase === 'STANDBY') return { ok: true, action: 'start' };
  if (w.phase === 'STARTING_TO_STANDBY' && d.state === 'IDLE')
    return { ok: false, reason: 'it is being put in standby', short: 'starting to standby' };
  if (d.state === 'IDLE')
    return {
      ok: false,
      reason: 'it runs warm: put it in standby first (STANDBY), then the take switches it live',
      short: 'standby first',
    };
  return null;
}

/** One deliberate warm act on one destination, or standby for every idle warm destination: what the dialog asks. */
export type WarmAsk =
  | { act: Exclude<WarmAct, 'mode'>; destination: DestinationStatus }
  | { act: 'standby-all'; targets: DestinationStatus[] };

/** The destinations "standby all" would start: warm, idle, confirmed. */
export function standbyAllTargets(list: readonly DestinationStatus[]): DestinationStatus[] {
  return list.filter(
    (d) => d.warm?.mode === 'warm' && d.warm.capable && d.warm.phase === 'OFF' && d.state === 'IDLE' && !d.unconfirmed,
  );
}

/** The confirmation's words for each deliberate warm act. */
export function warmAskWords(
  act: Exclude<WarmAct, 'mode'>,
  d: DestinationStatus,
): { title: string; body: string; confirm: string } {
  const rate = dollars(d.warm?.standbyPerHour ?? 0);
  switch (act) {
    case 'standby':
      return {
        title: `Standby ${d.name}?`,
        body: `The channel starts now on its slate and bills about ${rate}/h until it is stopped. The platform receives the slate; the take then switches to the live input in seconds.`,
        confirm: 'START STANDBY',
      };
    case 'back-to-slate':
      return {
        title: `${d.name} back to slate?`,
        body: `Viewers see the slate instead of the live picture. The channel keeps running (about ${rate}/h); a take switches it live again.`,
        confirm: 'BACK TO SLATE',
      };
    case 'stop':
      return {
        title: `Stop ${d.name}?`,
        body: `The channel stops (it no longer bills) and the platform loses the stream. Going live again needs a new standby (a minute or more) or a cold start.`,
        confirm: 'STOP CHANNEL',
      };
  }
}
