import type { RunningTotal, ShowTimeline } from '../../../shared/domain/show-time';

/** One run of the session record: from the channel seen starting (the take) to it seen off billing. */
export interface TimedRun {
  destination_id: string;
  started_at: string;
  ended_at: string | null;
  /** When the channel went on air (RUNNING or RECOVERING) in this run; null or absent when it never did. */
  on_air_at?: string | null;
  /** When it was first seen off air again (STOPPING, or the run's end). */
  off_air_at?: string | null;
  /**
   * The run's time running, span by span: on the slate (standby, not on air but billing) or on the live input. Absent
   * in records written before warm standby: their on_air_at / off_air_at is one on-air span.
   */
  spans?: readonly AirSpan[] | undefined;
  /**
   * The run was first seen running before the console had read which input it ingests (a channel with a slate): from
   * then to the read it is counted neither on air nor in standby. Absent in records written before this was kept.
   */
  input_unconfirmed?: InputUnconfirmedSpan | null | undefined;
}

/** A running channel's time with its input not read yet; `to` null while it lasts. */
export interface InputUnconfirmedSpan {
  from: string;
  to: string | null;
}

/** A stretch of a running channel: on its slate (standby) or on air; `to` null while it lasts. */
export interface AirSpan {
  kind: 'standby' | 'on_air';
  from: string;
  to: string | null;
}

interface Span {
  from: number;
  /** null: still on air. */
  to: number | null;
}

const ms = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const at = Date.parse(iso);
  return Number.isFinite(at) ? at : null;
};

function spansOf(run: TimedRun, kind: AirSpan['kind']): Span[] {
  if (run.spans) {
    return run.spans
      .filter((span) => span.kind === kind)
      .map((span) => ({ from: ms(span.from), to: ms(span.to) ?? ms(run.ended_at) }))
      .filter((span): span is Span => span.from !== null);
  }
  const from = ms(run.on_air_at);
  if (kind === 'standby' || from === null) return [];
  return [{ from, to: ms(run.off_air_at) ?? ms(run.ended_at) }];
}

/**
 * A run started to standby joins the show at its first time on air (a channel warming on its slate ahead of the show
 * does not start it); one that never went on air is no part of the show. Any other run joins it at its start.
 */
function showRun(run: TimedRun): TimedRun | null {
  // A run first seen with its input unconfirmed joins, like a standby, when it is first confirmed on air.
  if (run.spans?.[0]?.kind !== 'standby' && !run.input_unconfirmed) return run;
  if (!run.spans) return null;
  const firstOnAir = run.spans.find((span) => span.kind === 'on_air');
  return firstOnAir ? { ...run, started_at: firstOnAir.from } : null;
}

/** The spans merged where they overlap, as a closed total and the start of the one still open. */
function union(spans: Span[]): RunningTotal {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  let total = 0;
  let current: Span | null = null;
  for (const span of sorted) {
    if (current && (current.to === null || span.from <= current.to)) {
      current.to = current.to === null || span.to === null ? null : Math.max(current.to, span.to);
      continue;
    }
    if (current && current.to !== null) total += current.to - current.from;
    current = { ...span };
  }
  if (current === null) return { ms: 0, since: null };
  if (current.to === null) return { ms: total, since: current.from };
  return { ms: total + current.to - current.from, since: null };
}

/**
 * The show from the session record's runs. It starts at the first take. It is on while a destination is on air,
 * or while a channel still bills (starting, stopping) unless End all was pressed since the last take. It ends when
 * nothing is on air or billing any more (at the last run's end), or, after End all, when nothing is on air (at End
 * all, or at the last channel seen off air after it). A take after the end opens the show again, from its first take.
 */
export function showTimeline(allRuns: readonly TimedRun[], endAllAt: number | null): ShowTimeline {
  const runs = allRuns.map(showRun).filter((run): run is TimedRun => run !== null);
  const starts = runs.map((run) => ms(run.started_at)).filter((at): at is number => at !== null);
  const byDestination = new Map<string, { onAir: Span[]; standby: Span[] }>();
  for (const run of allRuns) {
    const entry = byDestination.get(run.destination_id) ?? { onAir: [], standby: [] };
    entry.onAir.push(...spansOf(run, 'on_air'));
    entry.standby.push(...spansOf(run, 'standby'));
    byDestination.set(run.destination_id, entry);
  }
  const spans = [...byDestination.values()].flatMap((entry) => entry.onAir);
  const destinations = [...byDestination].map(([id, entry]) => ({
    id,
    onAir: union(entry.onAir),
    standby: union(entry.standby),
  }));
  const onAir = union(spans);
  const standby = union([...byDestination.values()].flatMap((entry) => entry.standby));
  if (starts.length === 0) return { startedAt: null, endedAt: null, endedBy: null, onAir, standby, destinations };
  const startedAt = Math.min(...starts);
  const lastTake = Math.max(...starts);
  const open = { startedAt, endedAt: null, endedBy: null, onAir, standby, destinations };
  if (onAir.since !== null) return open;
  if (endAllAt !== null && endAllAt >= lastTake) {
    const lastOff = Math.max(...spans.map((span) => span.to ?? 0), 0);
    return { ...open, endedAt: Math.max(endAllAt, lastOff), endedBy: 'end-all' };
  }
  const ends = runs.map((run) => ms(run.ended_at));
  if (ends.some((at) => at === null)) return open;
  return { ...open, endedAt: Math.max(...(ends as number[])), endedBy: 'all-off' };
}
