import type { ShowSummary } from '../../shared/domain/show-history';

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
  return [
    { label: 'Channels running', usd: split.channelsUsd },
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
