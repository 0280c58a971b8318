import type { IpcResult } from '../../../shared/ipc/contract';
import type { IpcClient } from '../ipc';

/**
 * Reads now, and again every time the link to main comes back (whatever changed meanwhile is
 * unknown). Returns the function that stops listening to the link.
 */
export function refreshNowAndOnReconnect(ipc: IpcClient, refresh: () => Promise<void>): () => void {
  const off = ipc.onLink((status) => {
    if (status === 'connected') void refresh();
  });
  void refresh();
  return off;
}

/**
 * A feed from main in the snapshot-then-delta style: subscribe first (deltas are buffered while
 * the snapshot is in flight), ask for a snapshot, then apply only deltas newer than it. A gap in
 * `seq` means a delta was lost: ask for a new snapshot rather than guess. After the link to main
 * comes back, whatever happened meanwhile is unknown: start over from a snapshot. Plain
 * TypeScript (no runes), so it is unit-tested without the Svelte compiler.
 */
export abstract class SnapshotDeltaSync<
  S extends { kind: 'snapshot'; seq: number },
  D extends { kind: 'delta'; seq: number },
> {
  #seq = -1;
  #syncing = false;
  #resyncQueued = false;
  #buffer: D[] = [];
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #unsubscribe: (() => void)[] = [];

  protected constructor(protected readonly ipc: IpcClient) {}

  get seq(): number {
    return this.#seq;
  }

  /** Subscribes to the feed (and anything else the view follows); returns the unsubscribe functions. */
  protected abstract subscribe(onFeed: (feed: S | D) => void): Array<() => void>;
  protected abstract fetchSnapshot(): Promise<IpcResult<S>>;
  protected abstract setError(message: string | null): void;
  protected abstract applySnapshot(snapshot: S): void;
  /** Applies a delta already known to be the next one. */
  protected abstract applyDelta(delta: D): void;

  start(): void {
    this.#unsubscribe.push(...this.subscribe((feed) => this.#onFeed(feed)));
    this.#unsubscribe.push(refreshNowAndOnReconnect(this.ipc, () => this.resync()));
  }

  stop(): void {
    for (const off of this.#unsubscribe.splice(0)) off();
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
  }

  async resync(): Promise<void> {
    if (this.#syncing) {
      this.#resyncQueued = true;
      return;
    }
    this.#syncing = true;
    this.#buffer = [];
    try {
      const result = await this.fetchSnapshot();
      if (!result.ok) {
        this.setError(result.message);
        this.#scheduleRetry();
        return;
      }
      this.setError(null);
      this.#seq = result.data.seq;
      this.applySnapshot(result.data);
      const buffered = this.#buffer;
      this.#buffer = [];
      for (const delta of buffered) {
        if (!this.#tryDelta(delta)) {
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

  #scheduleRetry(): void {
    if (this.#retryTimer) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      void this.resync();
    }, 2_000);
  }

  #onFeed(feed: S | D): void {
    if (feed.kind === 'snapshot') {
      if (feed.seq < this.#seq) return;
      this.#seq = feed.seq;
      this.applySnapshot(feed);
      return;
    }
    if (this.#syncing) {
      this.#buffer.push(feed);
      return;
    }
    if (!this.#tryDelta(feed)) void this.resync();
  }

  /** False when the delta cannot be applied because one was missed. */
  #tryDelta(delta: D): boolean {
    if (delta.seq <= this.#seq) return true;
    if (delta.seq !== this.#seq + 1) return false;
    this.#seq = delta.seq;
    this.applyDelta(delta);
    return true;
  }
}
