import type { DestinationsFeed, DestinationStatus } from '../../../shared/domain/destination';
import type { IpcClient } from '../ipc';

export interface StateChange {
  at: number;
  destination: DestinationStatus;
  previous: DestinationStatus | null;
}

type Delta = Extract<DestinationsFeed, { kind: 'delta' }>;

/** Where the feed's result lives: the rune store in the app, a plain object in unit tests. */
export interface DestinationsView {
  /** In the order main gives them; shortcut digits follow this order. */
  list: DestinationStatus[];
  loaded: boolean;
  /** Why the last snapshot failed, in words; null when the feed is healthy. */
  error: string | null;
  /** When main last told us anything (epoch ms, main's clock). */
  lastFeedAt: number | null;
}

export function emptyView(): DestinationsView {
  return { list: [], loaded: false, error: null, lastFeedAt: null };
}

/**
 * Destinations as the operator sees them, fed by snapshot then deltas: subscribe to the
 * feed first (deltas are buffered while the snapshot is in flight), ask for a snapshot,
 * then apply only deltas newer than what we hold. A gap in `seq` means a delta was lost:
 * ask for a new snapshot rather than guess. Plain TypeScript (no runes), so it is unit-tested
 * without the Svelte compiler; `DestinationsStore` puts its results into $state.
 */
export class DestinationsFeedSync {
  readonly view: DestinationsView;

  #seq = -1;
  #syncing = false;
  #resyncQueued = false;
  #buffer: Delta[] = [];
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #unsubscribe: (() => void)[] = [];
  #changeListeners = new Set<(change: StateChange) => void>();

  readonly #ipc: IpcClient;

  constructor(ipc: IpcClient, view: DestinationsView = emptyView()) {
    this.#ipc = ipc;
    this.view = view;
  }

  get seq(): number {
    return this.#seq;
  }

  start(): void {
    this.#unsubscribe.push(this.#ipc.on('destinations.feed', (feed) => this.#onFeed(feed)));
    // After the link comes back, whatever happened meanwhile is unknown: start over from a snapshot.
    this.#unsubscribe.push(
      this.#ipc.onLink((status) => {
        if (status === 'connected') void this.resync();
      }),
    );
    void this.resync();
  }

  stop(): void {
    for (const off of this.#unsubscribe.splice(0)) off();
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
  }

  /** Called with every change of a destination's state (not on the first snapshot). */
  onStateChange(listener: (change: StateChange) => void): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  async resync(): Promise<void> {
    if (this.#syncing) {
      this.#resyncQueued = true;
      return;
    }
    this.#syncing = true;
    this.#buffer = [];
    try {
      const result = await this.#ipc.invoke('destinations.snapshot', {});
      if (!result.ok) {
        this.view.error = result.message;
        this.#scheduleRetry();
        return;
      }
      this.view.error = null;
      this.#applySnapshot(result.data);
      const buffered = this.#buffer;
      this.#buffer = [];
      for (const delta of buffered) {
        if (!this.#applyDelta(delta)) {
          this.#resyncQueued = true;
          break;
        }
      }
    } finally {
      this.#syncing = false;
      if (this.#resyncQueued) {
        this.#resyncQueued = false;
        void this.resync();
      }
    }
  }

  #scheduleRetry() {
    if (this.#retryTimer) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      void this.resync();
    }, 2_000);
  }

  #onFeed(feed: DestinationsFeed) {
    if (feed.kind === 'snapshot') {
      if (feed.seq < this.#seq) return;
      this.#applySnapshot(feed);
      return;
    }
    if (this.#syncing) {
      this.#buffer.push(feed);
      return;
    }
    if (!this.#applyDelta(feed)) void this.resync();
  }

  #applySnapshot(snapshot: Extract<DestinationsFeed, { kind: 'snapshot' }>) {
    const before = new Map(this.view.list.map((d) => [d.id, d]));
    this.#seq = snapshot.seq;
    this.view.lastFeedAt = snapshot.at;
    this.view.list = snapshot.destinations;
    if (this.view.loaded) {
      for (const destination of snapshot.destinations) this.#noticeChange(before.get(destination.id) ?? null, destination, snapshot.at);
    }
    this.view.loaded = true;
  }

  /** Applies a delta; false when it cannot be applied because one was missed. */
  #applyDelta(delta: Delta): boolean {
    if (delta.seq <= this.#seq) return true;
    if (delta.seq !== this.#seq + 1) return false;
    this.#seq = delta.seq;
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
    return true;
  }

  #noticeChange(previous: DestinationStatus | null, destination: DestinationStatus, at: number) {
    if (previous && previous.state === destination.state) return;
    for (const listener of [...this.#changeListeners]) listener({ at, destination, previous });
  }
}
