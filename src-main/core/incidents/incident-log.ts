import { randomUUID } from 'node:crypto';
import type { IncidentEntry, IncidentKind } from '../../../shared/domain/incident';
import type { Notification } from '../../../shared/domain/notification';

export interface IncidentInput {
  kind: IncidentKind;
  level: IncidentEntry['level'];
  title: string;
  detail: string;
  destinationId?: string | null;
  at?: number;
}

/** The session's log is bounded: the newest entries are kept. */
const KEEP = 1_000;

/** Where a notification belongs in the incident log. */
function kindOf(notification: Notification): IncidentKind {
  switch (notification.kind) {
    case 'action':
      return 'action';
    case 'state':
      return 'aws';
    case 'alert':
    case 'forgotten-channel':
    case 'credentials':
      return 'alarm';
  }
}

/**
 * Every entry is published when it is recorded and again when it changes (an outage that ends keeps
 * its id and gains its end and duration), so a window upserts by id.
 */
export class IncidentLog {
  private readonly entries: IncidentEntry[] = [];
  private readonly open = new Map<string, IncidentEntry>();

  constructor(
    private readonly publish: (entry: IncidentEntry) => void,
    private readonly now: () => number = Date.now,
  ) {}

  record(input: IncidentInput): IncidentEntry {
    const entry: IncidentEntry = {
      id: randomUUID(),
      at: input.at ?? this.now(),
      kind: input.kind,
      level: input.level,
      title: input.title.slice(0, 200),
      detail: input.detail.slice(0, 2000),
      destinationId: input.destinationId ?? null,
      endedAt: null,
      durationMs: null,
    };
    this.entries.push(entry);
    if (this.entries.length > KEEP) this.entries.splice(0, this.entries.length - KEEP);
    this.publish(entry);
    return entry;
  }

  noteNotification(notification: Notification): IncidentEntry {
    return this.record({
      kind: kindOf(notification),
      level: notification.level,
      title: notification.title,
      detail: notification.message,
      destinationId: notification.destinationId,
      at: notification.at,
    });
  }

  /** Starts something that lasts (an outage) under `key`; `end(key)` closes it. */
  begin(key: string, input: IncidentInput): IncidentEntry {
    const entry = this.record(input);
    this.open.set(key, entry);
    return entry;
  }

  end(key: string, at = this.now()): IncidentEntry | null {
    const entry = this.open.get(key);
    if (!entry) return null;
    this.open.delete(key);
    const ended: IncidentEntry = { ...entry, endedAt: at, durationMs: at - entry.at };
    const index = this.entries.findIndex((e) => e.id === entry.id);
    if (index >= 0) this.entries[index] = ended;
    this.publish(ended);
    return ended;
  }

  list(): IncidentEntry[] {
    return [...this.entries];
  }
}
