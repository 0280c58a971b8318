import type { IncidentEntry } from '../../../shared/domain/incident';

/** DynamoDB items stop at 400 KB; the session record keeps the latest incidents. */
const MAX_INCIDENTS = 300;

export interface IncidentItem {
  at: string;
  kind: string;
  level: string;
  title: string;
  detail: string;
  destination_id: string | null;
  ended_at: string | null;
  duration_s: number | null;
}

/** The incident log as the session record keeps it: one row per entry, upserted by id (an outage gains its end). */
export class SessionIncidents {
  private readonly rows = new Map<string, IncidentItem>();

  appendIncident(entry: IncidentEntry): void {
    this.rows.delete(entry.id);
    this.rows.set(entry.id, {
      at: new Date(entry.at).toISOString(),
      kind: entry.kind,
      level: entry.level,
      title: entry.title,
      detail: entry.detail.slice(0, 500),
      destination_id: entry.destinationId,
      ended_at: entry.endedAt === null ? null : new Date(entry.endedAt).toISOString(),
      duration_s: entry.durationMs === null ? null : Math.round(entry.durationMs / 1000),
    });
    while (this.rows.size > MAX_INCIDENTS) this.rows.delete(this.rows.keys().next().value!);
  }

  items(): IncidentItem[] {
    return [...this.rows.values()].sort((a, b) => a.at.localeCompare(b.at));
  }
}
