import type { HistoryPoint, HistorySeries, MetricKey } from '../../../shared/domain/flow';

type SeriesKey = `${string}|${MetricKey}`;

/**
 * Bounded in-memory history per (source, metric): one point per CloudWatch period, for the last
 * `windowMs`. A period CloudWatch had no datapoint for is stored as null (a gap in the chart),
 * never as 0. Points changed since the last `takePatch()` are tracked so that deltas carry only those.
 */
export class MetricHistory {
  private readonly series = new Map<SeriesKey, Map<number, number | null>>();
  private readonly dirty = new Map<SeriesKey, Set<number>>();

  constructor(
    readonly windowMs: number,
    readonly periodMs: number,
  ) {}

  /**
   * Merges one answer covering [fromMs, toMs). Periods in that span with no datapoint become null,
   * except the newest `graceMs` (CloudWatch may not have ingested them yet) and periods that
   * already hold a value (a late empty answer must not erase data).
   */
  merge(
    source: string,
    metric: MetricKey,
    points: ReadonlyArray<readonly [number, number]>,
    fromMs: number,
    toMs: number,
    graceMs: number,
  ): void {
    const key: SeriesKey = `${source}|${metric}`;
    let store = this.series.get(key);
    if (!store) {
      store = new Map();
      this.series.set(key, store);
    }
    for (const [t, v] of points) this.set(key, store, t, v);
    const first = Math.ceil(fromMs / this.periodMs) * this.periodMs;
    const last = Math.floor((toMs - graceMs) / this.periodMs) * this.periodMs - this.periodMs;
    for (let t = first; t <= last; t += this.periodMs) {
      if (!store.has(t)) this.set(key, store, t, null);
    }
  }

  /** Drops everything older than the window. */
  trim(nowMs: number): void {
    const oldest = nowMs - this.windowMs;
    for (const store of this.series.values()) {
      for (const t of store.keys()) if (t < oldest) store.delete(t);
    }
    for (const set of this.dirty.values()) for (const t of set) if (t < oldest) set.delete(t);
  }

  /** Points of one series, oldest first, optionally only from `sinceMs`. */
  points(source: string, metric: MetricKey, sinceMs = -Infinity): HistoryPoint[] {
    const store = this.series.get(`${source}|${metric}`);
    if (!store) return [];
    return [...store.entries()].filter(([t]) => t >= sinceMs).sort((a, b) => a[0] - b[0]);
  }

  /** Newest non-null point of a series since `sinceMs`. */
  latest(source: string, metric: MetricKey, sinceMs = -Infinity): [number, number] | null {
    const pts = this.points(source, metric, sinceMs);
    for (let i = pts.length - 1; i >= 0; i--) {
      const p = pts[i];
      if (p && p[1] !== null) return [p[0], p[1]];
    }
    return null;
  }

  all(): HistorySeries[] {
    return [...this.series.keys()].map((key) => this.seriesOf(key, null));
  }

  /** The points changed since the previous call, and forgets them. */
  takePatch(): HistorySeries[] {
    const out: HistorySeries[] = [];
    for (const [key, set] of this.dirty) {
      if (set.size > 0) out.push(this.seriesOf(key, set));
    }
    this.dirty.clear();
    return out;
  }

  /** Forgets the dirty marks (after a snapshot, which carries everything). */
  markClean(): void {
    this.dirty.clear();
  }

  clear(): void {
    this.series.clear();
    this.dirty.clear();
  }

  private seriesOf(key: SeriesKey, only: Set<number> | null): HistorySeries {
    const split = key.lastIndexOf('|');
    const source = key.slice(0, split);
    const metric = key.slice(split + 1) as MetricKey;
    const store = this.series.get(key) ?? new Map<number, number | null>();
    const points = [...store.entries()].filter(([t]) => !only || only.has(t)).sort((a, b) => a[0] - b[0]);
    return { source, metric, points };
  }

  private set(key: SeriesKey, store: Map<number, number | null>, t: number, v: number | null): void {
    if (store.has(t) && store.get(t) === v) return;
    store.set(t, v);
    let set = this.dirty.get(key);
    if (!set) {
      set = new Set();
      this.dirty.set(key, set);
    }
    set.add(t);
  }
}
