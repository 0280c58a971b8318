import type {
  ChartScales,
  FlowAlert,
  FlowFeed,
  FlowSnapshot,
  FlowState,
  HistoryPoint,
  HistorySeries,
  MetricKey,
} from '../../../shared/domain/flow';
import type { IpcClient } from '../ipc';
import { SnapshotDeltaSync } from './feed-sync';

type Delta = Extract<FlowFeed, { kind: 'delta' }>;

/** `${source}/${metric}` -> points sorted by time, `null` values kept (a gap, never a zero). */
export type HistoryMap = Record<string, HistoryPoint[]>;

export const historyKey = (source: string, metric: MetricKey) => `${source}/${metric}`;

/** Where the feed's result lives: the rune store in the app, a plain object in unit tests. */
export interface FlowView {
  flow: FlowState | null;
  history: HistoryMap;
  historyMs: number;
  periodSec: number;
  /** The charts' fixed scales and alert lines, from the snapshot (null before the first one). */
  charts: ChartScales | null;
  loaded: boolean;
  /** Why the last snapshot failed, in words; null when the feed is healthy. */
  error: string | null;
  /** Raised alerts, by id (a 'cleared' removes its 'raised'). */
  alerts: FlowAlert[];
}

function emptyFlowView(): FlowView {
  return {
    flow: null,
    history: {},
    historyMs: 15 * 60_000,
    periodSec: 5,
    charts: null,
    loaded: false,
    error: null,
    alerts: [],
  };
}

/**
 * Upserts `incoming` points (by timestamp) into `points`, drops what is older than `since`, keeps
 * time order. Returns a new array when anything changed (so a rune store sees it), else the same one.
 */
export function mergePoints(
  points: readonly HistoryPoint[],
  incoming: readonly HistoryPoint[],
  since: number,
): HistoryPoint[] {
  const byTime = new Map<number, number | null>();
  for (const [t, v] of points) if (t >= since) byTime.set(t, v);
  for (const [t, v] of incoming) if (t >= since) byTime.set(t, v);
  return [...byTime.entries()].sort((a, b) => a[0] - b[0]);
}

function mergeHistory(history: HistoryMap, series: readonly HistorySeries[], since: number): HistoryMap {
  if (series.length === 0) return history;
  const next: HistoryMap = { ...history };
  for (const s of series) {
    const key = historyKey(s.source, s.metric);
    next[key] = mergePoints(next[key] ?? [], s.points, since);
  }
  return next;
}

/** Raised alerts after one more event: replace by id when raised, remove when cleared; newest first. */
export function applyAlert(alerts: readonly FlowAlert[], alert: FlowAlert): FlowAlert[] {
  const rest = alerts.filter((a) => a.id !== alert.id);
  return alert.state === 'raised'
    ? [alert, ...rest].sort((a, b) => severityRank(a) - severityRank(b) || b.at - a.at)
    : rest;
}

const severityRank = (a: FlowAlert) => (a.severity === 'critical' ? 0 : 1);

/**
 * The flow as the operator sees it, fed like the destinations. History points are upserted by
 * timestamp and trimmed to the feed's `historyMs`; raised alerts follow `flow.alert`.
 */
export class FlowFeedSync extends SnapshotDeltaSync<FlowSnapshot, Delta> {
  readonly view: FlowView;

  constructor(ipc: IpcClient, view: FlowView = emptyFlowView()) {
    super(ipc);
    this.view = view;
  }

  protected subscribe(onFeed: (feed: FlowFeed) => void) {
    return [
      this.ipc.on('flow.feed', onFeed),
      this.ipc.on('flow.alert', (alert) => (this.view.alerts = applyAlert(this.view.alerts, alert))),
    ];
  }

  protected async fetchSnapshot() {
    const [result, alerts] = await Promise.all([
      this.ipc.invoke('flow.snapshot', {}),
      this.ipc.invoke('flow.alerts', {}),
    ]);
    if (alerts.ok)
      this.view.alerts = alerts.data.alerts.reduce<FlowAlert[]>((list, alert) => applyAlert(list, alert), []);
    return result;
  }

  protected setError(message: string | null) {
    this.view.error = message;
  }

  protected applySnapshot(snapshot: FlowSnapshot) {
    this.view.historyMs = snapshot.historyMs;
    this.view.periodSec = snapshot.periodSec;
    this.view.charts = snapshot.charts;
    this.view.flow = snapshot.flow;
    this.view.history = mergeHistory({}, snapshot.history, snapshot.at - snapshot.historyMs);
    this.view.loaded = true;
  }

  protected applyDelta(delta: Delta) {
    if (delta.flow) this.view.flow = delta.flow;
    if (delta.history.length > 0)
      this.view.history = mergeHistory(this.view.history, delta.history, delta.at - this.view.historyMs);
  }
}
