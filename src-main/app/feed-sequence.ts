/**
 * Keeps a feed's `seq` rising across reconnections. Each connection's monitor numbers its feed from 0, and a
 * window drops a snapshot older than the one it holds and applies only the next delta: without this, the
 * tiles of a new connection would be ignored until its numbers passed the old ones.
 */
export class FeedSequence {
  #offset = 0;
  #last = -1;

  shift<T extends { seq: number }>(feed: T): T {
    const seq = feed.seq + this.#offset;
    if (seq > this.#last) this.#last = seq;
    return { ...feed, seq };
  }

  /** A new source numbers from 0 again: its numbers continue after the last one given out. */
  restart(): void {
    this.#offset = this.#last + 1;
  }
}
