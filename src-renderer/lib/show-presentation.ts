import type { ShowPlan } from '../../shared/domain/show-plan';
import { totalAt, type RunningTotal, type ShowTimeline } from '../../shared/domain/show-time';
import { clockTime } from '../../shared/domain/time-format';
import { formatDuration } from './presentation';

export type CountdownPhase = 'none' | 'to-start' | 'late' | 'to-end' | 'over-run' | 'done' | 'past';

export interface ShowFigure {
  caption: string;
  text: string;
  title: string;
  /** idle: nothing to count; plain: counting, nothing to mind; ok: on; warn: mind it; over: past the plan. */
  tone: 'idle' | 'plain' | 'ok' | 'warn' | 'over';
}

/** The last minutes before the planned end: the countdown turns amber. */
const WRAP_UP_MS = 5 * 60_000;

const isOn = (timeline: ShowTimeline) => timeline.startedAt !== null && timeline.endedAt === null;

/**
 * The countdown against the plan: to the planned start before the show, to the planned end while it is on, and
 * how far it runs over once the end has passed. Without a plan it asks for one.
 */
export function showCountdown(
  plan: ShowPlan | null,
  timeline: ShowTimeline,
  now: number,
): ShowFigure & { phase: CountdownPhase } {
  if (!plan)
    return {
      phase: 'none',
      caption: 'PLAN',
      text: 'not set',
      title: 'No show planned: click to set the planned start and end (24-hour).',
      tone: 'idle',
    };
  const { startsAt, endsAt } = plan;
  const at = (ms: number) => clockTime(ms, now);
  const span = `planned ${at(startsAt)} to ${at(endsAt)}`;
  if (isOn(timeline)) {
    if (now < endsAt)
      return {
        phase: 'to-end',
        caption: 'ENDS IN',
        text: formatDuration(endsAt - now),
        title: `Time left to the planned end ${at(endsAt)} (${span}). Click to change the plan.`,
        tone: endsAt - now <= WRAP_UP_MS ? 'warn' : 'ok',
      };
    return {
      phase: 'over-run',
      caption: 'OVER-RUN',
      text: `+${formatDuration(now - endsAt)}`,
      title: `The show runs past its planned end ${at(endsAt)} by ${formatDuration(now - endsAt)} (${span}).`,
      tone: 'over',
    };
  }
  if (now < startsAt)
    return {
      phase: 'to-start',
      caption: 'STARTS IN',
      text: formatDuration(startsAt - now),
      title: `Time to the planned start ${at(startsAt)} (${span}). Click to change the plan.`,
      tone: 'plain',
    };
  const ended = timeline.endedAt;
  if (ended !== null && ended > startsAt) {
    const over = ended - endsAt;
    return {
      phase: 'done',
      caption: 'ENDED',
      text: `${over >= 0 ? '+' : '−'}${formatDuration(Math.abs(over))}`,
      title: `The show ended at ${at(ended)}, ${formatDuration(Math.abs(over))} ${over >= 0 ? 'after' : 'before'} its planned end ${at(endsAt)}.`,
      tone: 'plain',
    };
  }
  if (now < endsAt)
    return {
      phase: 'late',
      caption: 'LATE BY',
      text: formatDuration(now - startsAt),
      title: `The planned start ${at(startsAt)} has passed and nothing has gone live (${span}).`,
      tone: 'warn',
    };
  return {
    phase: 'past',
    caption: 'PLAN',
    text: 'ended',
    title: `The planned show ended at ${at(endsAt)} (${span}). Click to plan the next one.`,
    tone: 'idle',
  };
}

/** "; standby 00:20:00 (on the slate, not on air)" when a destination ran on its slate in this show. */
function standbyNote(timeline: ShowTimeline, now: number): string {
  const ms = totalAt(timeline.standby, now);
  return ms >= 1_000 ? `; standby ${formatDuration(ms)} (on the slate, not on air)` : '';
}

/** The show's own time: from the first take, stopped when it ended; never from the console's start. */
export function showElapsed(timeline: ShowTimeline, now: number): ShowFigure {
  const { startedAt, endedAt, endedBy } = timeline;
  const onAir = formatDuration(totalAt(timeline.onAir, now));
  if (startedAt === null)
    return {
      caption: 'SHOW',
      text: '--:--:--',
      title: 'The show starts at the first take: nothing has gone live yet.',
      tone: 'idle',
    };
  const from = `from the first take at ${clockTime(startedAt, now)}`;
  if (endedAt === null)
    return {
      caption: 'SHOW',
      text: formatDuration(now - startedAt),
      title: `Show time ${from}; on air ${onAir} in all (at least one destination on air)${standbyNote(timeline, now)}.`,
      tone: 'ok',
    };
  const why = endedBy === 'end-all' ? 'End all, nothing on air' : 'nothing on air or billing any more';
  return {
    caption: 'SHOW ENDED',
    text: formatDuration(endedAt - startedAt),
    title: `Show ${from} to ${clockTime(endedAt, now)} (${why}); on air ${onAir} in all${standbyNote(timeline, now)}.`,
    tone: 'plain',
  };
}

/**
 * "on air 00:12:31" while on air, "aired 00:12:31" once off it: a destination's time on air in this show, every run
 * counted; null when it has not been on. Off air it never reads "on air", and a moment on air is not "00:00:00".
 */
export function onAirText(timeline: ShowTimeline, destinationId: string, now: number): string | null {
  const entry = timeline.destinations.find((d) => d.id === destinationId);
  if (!entry) return null;
  const ms = totalAt(entry.onAir, now);
  const standby = standbyText(entry.standby);
  let aired: string | null = null;
  if (entry.onAir.since !== null) aired = `on air ${formatDuration(ms)}`;
  else if (ms > 0) aired = ms < 1_000 ? 'aired <1 s' : `aired ${formatDuration(ms)}`;
  // Standby (on the slate) is its own figure: it never adds to the time on air.
  return [aired, standby].filter(Boolean).join(' · ') || null;
}

/** The standby of the runs before: the one under way is counted by the tile's own clock ("standby since …"). */
function standbyText(total: RunningTotal): string | null {
  return total.ms >= 1_000 ? `standby ${formatDuration(total.ms)}` : null;
}
