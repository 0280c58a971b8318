import type { ShowSummary, ShowTake } from '../../shared/domain/show-history';
import { clockTime } from '../../shared/domain/time-format';

/** A day as the history's filter takes it (YYYY-MM-DD, UTC). */
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The history opens on the calendar month so far (UTC, as AWS bills). */
export function defaultRange(now: number): { from: string; to: string } {
  const at = new Date(now);
  return { from: utcDay(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1)), to: utcDay(now) };
}

/** How long the show ran: to its end, or to its last write when its console stopped without closing it. */
export function showDurationMs(show: Pick<ShowSummary, 'startedAt' | 'endedAt' | 'lastWrittenAt'>): number {
  return Math.max(0, (show.endedAt ?? show.lastWrittenAt) - show.startedAt);
}

/** The show's cost by what AWS bills for, in the order the cost view uses; empty when the record has no split. */
export function costByKind(show: ShowSummary): Array<{ label: string; usd: number }> {
  const split = show.cost.split;
  if (!split) return [];
  const standby = show.cost.standby?.totalUsd ?? 0;
  // Standby (a channel running on its slate) bills as running but is not on air: said apart when there was some.
  const channels =
    standby > 0
      ? [
          { label: 'Channels on air (and starting, stopping)', usd: Math.max(0, split.channelsUsd - standby) },
          { label: 'Channels in standby (on the slate)', usd: standby },
        ]
      : [{ label: 'Channels running', usd: split.channelsUsd }];
  return [
    ...channels,
    { label: 'Flow hours', usd: split.flowHoursUsd },
    { label: 'Flow data', usd: split.flowDataUsd },
    { label: 'Idle channels', usd: split.idleUsd },
    { label: 'Monitoring', usd: split.monitoringUsd },
  ];
}

/** Every destination the listed shows name (and those already known), by name. */
export function destinationsOf(
  shows: readonly ShowSummary[],
  known: ReadonlyArray<{ id: string; name: string }> = [],
): Array<{ id: string; name: string }> {
  const byId = new Map(known.map((d) => [d.id, d.name]));
  for (const show of shows) for (const d of show.destinations) byId.set(d.id, d.name);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** A destination's running charges spent in standby in this show; 0 when none (or not recorded). */
export function standbyUsdOf(show: ShowSummary, destinationId: string): number {
  return show.cost.standby?.byDestination.find((d) => d.id === destinationId)?.usd ?? 0;
}

/** What a take's time with its input not confirmed means, for the tooltip of its spans. */
export const INPUT_UNCONFIRMED_MEANING =
  'Running while the console had not yet read which input it sent (slate or live): counted neither on air nor in standby.';

/**
 * "running, input unconfirmed 18:40:07–18:40:12 · on air 18:40:12–20:15:00": a take's spans in the order they
 * happened; '—' when it never ran on any.
 */
export function takeSpansText(take: Pick<ShowTake, 'spans' | 'endedAt' | 'inputUnconfirmed'>, now: number): string {
  const parts: Array<{ from: number; text: string }> = take.spans.map((span) => ({
    from: span.from,
    text: `${span.kind === 'standby' ? 'standby' : 'on air'} ${clockTime(span.from, now)}–${span.to === null ? 'now' : clockTime(span.to, now)}`,
  }));
  const unread = take.inputUnconfirmed;
  if (unread) {
    // A record that has no end for it (its console stopped meanwhile) lasted at most until the take ended.
    const to = unread.to ?? take.endedAt;
    parts.push({
      from: unread.from,
      text: `running, input unconfirmed ${clockTime(unread.from, now)}–${to === null ? 'now' : clockTime(to, now)}`,
    });
  }
  if (parts.length === 0) return '—';
  return parts
    .sort((a, b) => a.from - b.from)
    .map((part) => part.text)
    .join(' · ');
}
