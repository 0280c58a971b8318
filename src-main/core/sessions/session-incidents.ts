import type { IncidentEntry } from '../../../shared/domain/incident';

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

/** Incidents waiting for DynamoDB are kept up to this many while it cannot be written (then the oldest go). */
const MAX_PENDING = 5_000;

/**
 * The incident log as the session record keeps it: one item per entry, upserted by id (an outage gains its end), kept
 * here only until written.
 */
export class SessionIncidents {
  private readonly pendingRows = new Map<string, IncidentItem>();
  private readonly seen = new Set<string>();
  private restored = 0;
  private carried = 0;

  appendIncident(entry: IncidentEntry): void {
    this.seen.add(entry.id);
    this.pendingRows.delete(entry.id);
    this.pendingRows.set(entry.id, {
      at: new Date(entry.at).toISOString(),
      kind: entry.kind,
      level: entry.level,
      title: entry.title,
      detail: entry.detail.slice(0, 500),
      destination_id: entry.destinationId,
      ended_at: entry.endedAt === null ? null : new Date(entry.endedAt).toISOString(),
      duration_s: entry.durationMs === null ? null : Math.round(entry.durationMs / 1000),
    });
    while (this.pendingRows.size > MAX_PENDING) this.pendingRows.delete(this.pendingRows.keys().next().value!);
  }

  /** An incident of a record an earlier version kept in one item, to be written as an item of its own. */
  restore(item: { at: string } & Partial<IncidentItem>): void {
    this.restored += 1;
    const id = `earlier-${String(this.restored).padStart(5, '0')}`;
    this.seen.add(id);
    this.pendingRows.set(id, {
      at: item.at,
      kind: String(item.kind ?? 'aws'),
      level: String(item.level ?? 'info'),
      title: String(item.title ?? ''),
      detail: String(item.detail ?? '').slice(0, 500),
      destination_id: typeof item.destination_id === 'string' ? item.destination_id : null,
      ended_at: typeof item.ended_at === 'string' ? item.ended_at : null,
      duration_s: typeof item.duration_s === 'number' ? item.duration_s : null,
    });
  }

  /** The incidents not written yet (new, or changed since). */
  pending(): Array<{ id: string; item: IncidentItem }> {
    return [...this.pendingRows].map(([id, item]) => ({ id, item }));
  }

  /** These were written (by id); an entry changed meanwhile stays pending. */
  written(rows: ReadonlyArray<{ id: string; item: IncidentItem }>): void {
    for (const row of rows) if (this.pendingRows.get(row.id) === row.item) this.pendingRows.delete(row.id);
  }

  /** The show's incidents a previous run of a console already wrote (it restarted mid-show). */
  carryOver(count: number): void {
    this.carried = count;
  }

  /** Incidents of the show so far. */
  count(): number {
    return this.carried + this.seen.size;
  }
}
