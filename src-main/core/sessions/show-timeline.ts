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

function onAirSpan(run: TimedRun): Span | null {
  const from = ms(run.on_air_at);
  if (from === null) return null;
  return { from, to: ms(run.off_air_at) ?? ms(run.ended_at) };
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
export function showTimeline(runs: readonly TimedRun[], endAllAt: number | null): ShowTimeline {
  const starts = runs.map((run) => ms(run.started_at)).filter((at): at is number => at !== null);
  const byDestination = new Map<string, Span[]>();
  for (const run of runs) {
    const list = byDestination.get(run.destination_id) ?? [];
    const span = onAirSpan(run);
    if (span) list.push(span);
    byDestination.set(run.destination_id, list);
  }
  const spans = [...byDestination.values()].flat();
  const destinations = [...byDestination].map(([id, list]) => ({ id, onAir: union(list) }));
  const onAir = union(spans);
  if (starts.length === 0) return { startedAt: null, endedAt: null, endedBy: null, onAir, destinations };
  const startedAt = Math.min(...starts);
  const lastTake = Math.max(...starts);
  const open = { startedAt, endedAt: null, endedBy: null, onAir, destinations };
  if (onAir.since !== null) return open;
  if (endAllAt !== null && endAllAt >= lastTake) {
    const lastOff = Math.max(...spans.map((span) => span.to ?? 0), 0);
    return { ...open, endedAt: Math.max(endAllAt, lastOff), endedBy: 'end-all' };
  }
  const ends = runs.map((run) => ms(run.ended_at));
  if (ends.some((at) => at === null)) return open;
  return { ...open, endedAt: Math.max(...(ends as number[])), endedBy: 'all-off' };
}
