/**
 * Counts the AWS calls the flow monitor and the backup switch make (every attempt, failed or not),
 * so the benchmark and the tests can say how many calls per minute the console costs.
 */
export class CallCounter {
  private readonly totals = new Map<string, number>();
  private recent: number[] = [];
  private startedAt: number;

  constructor(private readonly now: () => number = () => Date.now()) {
    this.startedAt = now();
  }

  record(operation: string): void {
    this.totals.set(operation, (this.totals.get(operation) ?? 0) + 1);
    const at = this.now();
    this.recent.push(at);
    // Keep one minute of timestamps: enough for callsLastMinute, bounded in memory.
    const cutoff = at - 60_000;
    if (this.recent.length > 0 && this.recent[0]! < cutoff) this.recent = this.recent.filter((t) => t >= cutoff);
  }

  reset(): void {
    this.totals.clear();
    this.recent = [];
    this.startedAt = this.now();
  }

  /** Calls per operation since creation (or the last reset). */
  byOperation(): Record<string, number> {
    return Object.fromEntries(this.totals);
  }

  total(): number {
    let n = 0;
    for (const v of this.totals.values()) n += v;
    return n;
  }

  /** Calls made in the last 60 s. */
  callsLastMinute(): number {
    const cutoff = this.now() - 60_000;
    return this.recent.filter((t) => t >= cutoff).length;
  }

  /** Average rate since creation, per minute. */
  perMinute(): number {
    const elapsed = Math.max(1, this.now() - this.startedAt);
    return (this.total() * 60_000) / elapsed;
  }
}
