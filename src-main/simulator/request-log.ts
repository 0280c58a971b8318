import type { ServiceId } from './types';

export interface RequestLogEntry {
  seq: number;
  service: ServiceId | 'unknown';
  operation: string;
  /** Epoch ms when the request arrived. */
  at: number;
  /** HTTP status sent back; 0 while pending or when the simulator never answered (timeout fault). */
  status: number;
  /** AWS error code when the answer was an error. */
  errorCode?: string;
  /** Fault rule id applied to this request, if any. */
  fault?: string;
  params: Record<string, string | number>;
}

export interface RequestLogFilter {
  service?: ServiceId;
  operation?: string;
  since?: number;
}

/** Bounded log of every AWS request the simulator received (control API calls are not logged). */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  constructor(private readonly capacity = 10_000) {}

  add(entry: Omit<RequestLogEntry, 'seq' | 'status'>): RequestLogEntry {
    const full: RequestLogEntry = { ...entry, seq: ++this.seq, status: 0 };
    this.entries.push(full);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return full;
  }

  list(filter: RequestLogFilter = {}): RequestLogEntry[] {
    return this.entries
      .filter(
        (e) =>
          (!filter.service || e.service === filter.service) &&
          (!filter.operation || e.operation === filter.operation) &&
          (filter.since === undefined || e.at >= filter.since),
      )
      .map((e) => ({ ...e, params: { ...e.params } }));
  }

  count(filter: RequestLogFilter = {}): number {
    return this.list(filter).length;
  }

  clear(): void {
    this.entries = [];
  }
}
