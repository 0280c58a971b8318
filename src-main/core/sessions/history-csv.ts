import { format } from 'date-fns';
import type { ShowSummary } from '../../../shared/domain/show-history';
import { csvField } from '../incidents/incident-csv';

const COLUMNS = [
  'show',
  'started',
  'ended',
  'duration_min',
  'console',
  'destinations',
  'takes',
  'incidents',
  'total_usd',
  'channels_usd',
  'flow_usd',
  'idle_usd',
  'monitoring_usd',
  'by_destination_usd',
  'alongside',
  'standby_usd',
  'standby_by_destination_usd',
] as const;

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
const money = (usd: number | undefined) => (usd === undefined ? '' : usd.toFixed(4));

/** Past shows as CSV (RFC 4180, CRLF), one row per show, oldest first; times in UTC. */
export function showsToCsv(shows: readonly ShowSummary[]): string {
  const names = (show: ShowSummary) => new Map(show.destinations.map((d) => [d.id, d.name]));
  const rows = [...shows]
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((show) => {
      const end = show.endedAt ?? show.lastWrittenAt;
      const byName = names(show);
      return [
        show.id,
        iso(show.startedAt),
        iso(show.endedAt),
        String(Math.round((end - show.startedAt) / 60_000)),
        show.console,
        show.destinations.map((d) => d.name).join('; '),
        String(show.takes),
        String(show.incidents),
        money(show.cost.totalUsd),
        money(show.cost.split?.channelsUsd),
        money(show.cost.flowUsd),
        money(show.cost.split?.idleUsd),
        money(show.cost.split?.monitoringUsd),
        show.cost.byDestination.map((d) => `${byName.get(d.id) ?? d.id}=${d.usd.toFixed(4)}`).join('; '),
        show.alongside ?? '',
        // Running charges spent on the slate (standby, not on air); empty for a record written before warm standby.
        money(show.cost.standby?.totalUsd),
        (show.cost.standby?.byDestination ?? [])
          .map((d) => `${byName.get(d.id) ?? d.id}=${d.usd.toFixed(4)}`)
          .join('; '),
      ].map(csvField);
    });
  return [COLUMNS.join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';
}

export function historyCsvFilename(now: number): string {
  return `lunora-shows-${format(new Date(now), 'yyyyMMdd-HHmmss')}.csv`;
}
