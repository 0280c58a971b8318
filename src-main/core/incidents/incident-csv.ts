import { format } from 'date-fns';
import type { IncidentEntry } from '../../../shared/domain/incident';

const COLUMNS = ['time', 'kind', 'level', 'title', 'detail', 'destination', 'ended', 'duration_s'] as const;

/**
 * One field as RFC 4180 writes it (quoted when it holds a comma, a quote or a line break). A field that
 * a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

/** The incident log as CSV, oldest first, CRLF line ends. */
export function incidentsToCsv(entries: readonly IncidentEntry[]): string {
  const rows = [...entries]
    .sort((a, b) => a.at - b.at)
    .map((e) =>
      [
        iso(e.at),
        e.kind,
        e.level,
        e.title,
        e.detail,
        e.destinationId ?? '',
        iso(e.endedAt),
        e.durationMs === null ? '' : String(Math.round(e.durationMs / 1000)),
      ].map(csvField),
    );
  return [COLUMNS.join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';
}

export function incidentCsvFilename(now: number): string {
  return `lunora-incidents-${format(new Date(now), 'yyyyMMdd-HHmmss')}.csv`;
}
