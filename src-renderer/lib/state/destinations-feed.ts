import type { DestinationsFeed, DestinationStatus } from '../../../shared/domain/destination';
import type { IpcClient } from '../ipc';
import { SnapshotDeltaSync } from './feed-sync';

export interface StateChange {
  at: number;
  destination: DestinationStatus;
  previous: DestinationStatus | null;
}

type Delta = Extract<DestinationsFeed, { kind: 'delta' }>;
type Snapshot = Extract<DestinationsFeed, { kind: 'snapshot' }>;

/** Where the feed's result lives: the rune store in the app, a plain object in unit tests. */
export interface DestinationsView {
  /** In the order main gives them; shortcut digits follow this order. */
  list: DestinationStatus[];
  loaded: boolean;
  /** Why the last snapshot failed, in words; null when the feed is healthy. */
  error: string | null;
  /** When main last told us anything (epoch ms, main's clock). */
  lastFeedAt: number | null;
  /**
   * Since when the window has had no link to the core (epoch ms), until the first snapshot after it comes back:
   * the list is then only what was true before, and the tiles say so.
   */
  linkDownSince: number | null;
  /** The core answering at this address is a new run that refuses this window: it will not come back. */
  coreRestarted: boolean;
}

function emptyView(): DestinationsView {
  return { list: [], loaded: false, error: null, lastFeedAt: null, linkDownSince: null, coreRestarted: false };
}

/** Destinations as the operator sees them; `DestinationsStore` puts the results into $state. */
export class DestinationsFeedSync extends SnapshotDeltaSync<Snapshot, Delta> {
  readonly view: DestinationsView;
  #changeListeners = new Set<(change: StateChange) => void>();

  constructor(
    ipc: IpcClient,
    view: DestinationsView = emptyView(),
    private readonly now: () => number = Date.now,
  ) {
    super(ipc);
    this.view = view;
  }

  /** Called with every change of a destination's state (not on the first snapshot). */
  onStateChange(listener: (change: StateChange) => void): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  protected subscribe(onFeed: (feed: DestinationsFeed) => void) {
    return [
      this.ipc.on('destinations.feed', onFeed),
      this.ipc.onLink((status) => {
        // Reconnected is not confirmed: the mark stays until the snapshot read after the reconnection.
        if (status !== 'connected' && this.view.loaded && this.view.linkDownSince === null)
          this.view.linkDownSince = this.now();
        if (status === 'restarted') this.view.coreRestarted = true;
      }),
    ];
  }

  protected fetchSnapshot() {
    return this.ipc.invoke('destinations.snapshot', {});
  }

  protected setError(message: string | null) {
    this.view.error = message;
  }

  protected applySnapshot(snapshot: Snapshot) {
    const before = new Map(this.view.list.map((d) => [d.id, d]));
    this.view.lastFeedAt = snapshot.at;
    this.view.list = snapshot.destinations;
    this.view.linkDownSince = null;
    if (this.view.loaded) {
      for (const destination of snapshot.destinations)
        this.#noticeChange(before.get(destination.id) ?? null, destination, snapshot.at);
    }
    this.view.loaded = true;
  }

  protected applyDelta(delta: Delta) {
    this.view.lastFeedAt = delta.at;
    const removed = new Set(delta.removed);
    const next = this.view.list.filter((d) => !removed.has(d.id));
    for (const changed of delta.changed) {
      const index = next.findIndex((d) => d.id === changed.id);
      const previous = index >= 0 ? next[index]! : null;
      if (index >= 0) next[index] = changed;
      else next.push(changed);
      this.#noticeChange(previous, changed, delta.at);
    }
    this.view.list = next;
  }

  #noticeChange(previous: DestinationStatus | null, destination: DestinationStatus, at: number) {
    if (previous && previous.state === destination.state) return;
    for (const listener of [...this.#changeListeners]) listener({ at, destination, previous });
  }
}
