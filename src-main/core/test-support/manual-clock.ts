import type { Clock, TimerHandle } from '../clock';

/** A Monday evening, on a whole minute, so that CloudWatch periods start where the test starts. */
export const MANUAL_CLOCK_START = Date.UTC(2025, 0, 6, 18, 0, 0);

class ManualTimer implements TimerHandle {
  constructor(
    public seq: number,
    public at: number,
    readonly fn: () => void,
    readonly everyMs: number | null,
  ) {}

  unref(): this {
    return this;
  }
}

const nextMacrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface ManualClockOptions {
  start?: number;
  /**
   * Awaited before each timer fires and before time moves on: the work a timer started (a request
   * over a real socket, say) finishes at the simulated moment it began, so a run does not depend
   * on how fast the machine is. Defaults to one macrotask.
   */
  settle?: () => Promise<void>;
}

/**
 * A clock that only moves when a test moves it. Time jumps from one due timer to the next, firing
 * each at its own instant (timers due together fire in the order they were set), with the system
 * left to settle in between: a discrete-event run of the code under test.
 */
export class ManualClock implements Clock {
  private t: number;
  private seq = 0;
  private readonly timers = new Set<ManualTimer>();
  private readonly settle: () => Promise<void>;

  constructor(options: ManualClockOptions = {}) {
    this.t = options.start ?? MANUAL_CLOCK_START;
    this.settle = options.settle ?? nextMacrotask;
  }

  /** Bound, so it can be handed around as `now: clock.now`. */
  readonly now = (): number => this.t;

  setTimeout(fn: () => void, ms: number): TimerHandle {
    return this.add(fn, ms, null);
  }

  clearTimeout(handle: TimerHandle | null | undefined): void {
    if (handle instanceof ManualTimer) this.timers.delete(handle);
  }

  setInterval(fn: () => void, ms: number): TimerHandle {
    return this.add(fn, ms, ms);
  }

  clearInterval(handle: TimerHandle | null | undefined): void {
    this.clearTimeout(handle);
  }

  /** Timers set and not yet fired or cleared. */
  pending(): number {
    return this.timers.size;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const target = this.t + ms;
    for (;;) {
      await this.settle();
      const next = this.due(target);
      if (!next) break;
      this.fire(next);
    }
    this.t = target;
  }

  /**
   * Runs time forward until `check` passes (returns anything but false without throwing), checking
   * after every timer; resolves with the simulated milliseconds it took. Fails, with the last
   * failure of `check`, when it has not passed within `withinMs` of simulated time.
   */
  async until(check: () => unknown, withinMs: number): Promise<number> {
    const from = this.t;
    const deadline = from + withinMs;
    for (;;) {
      await this.settle();
      let failure: unknown = null;
      try {
        if (check() !== false) return this.t - from;
      } catch (error) {
        failure = error;
      }
      const next = this.due(deadline);
      if (!next) {
        this.t = deadline;
        const why = failure instanceof Error ? `: ${failure.message}` : '';
        throw new Error(`not reached within ${withinMs} ms of simulated time${why}`, { cause: failure });
      }
      this.fire(next);
    }
  }

  /** Runs time forward until `work` settles (it may wait for timers of this clock), and returns its result. */
  async run<T>(work: Promise<T>, withinMs = 60_000): Promise<T> {
    let done = false;
    const tracked = work.finally(() => (done = true));
    // Its rejection is the caller's, through `tracked`; do not let it count as unhandled while time runs.
    tracked.catch(() => undefined);
    await this.until(() => done, withinMs);
    return tracked;
  }

  private add(fn: () => void, ms: number, everyMs: number | null): TimerHandle {
    // Like Node: a delay under 1 ms (or not a number) is 1 ms.
    const delay = Number.isFinite(ms) && ms >= 1 ? ms : 1;
    const timer = new ManualTimer(++this.seq, this.t + delay, fn, everyMs === null ? null : delay);
    this.timers.add(timer);
    return timer;
  }

  /** The earliest timer due at or before `limit`, if any. */
  private due(limit: number): ManualTimer | undefined {
    let best: ManualTimer | undefined;
    for (const timer of this.timers) {
      if (timer.at > limit) continue;
      if (!best || timer.at < best.at || (timer.at === best.at && timer.seq < best.seq)) best = timer;
    }
    return best;
  }

  private fire(timer: ManualTimer): void {
    this.t = Math.max(this.t, timer.at);
    if (timer.everyMs === null) this.timers.delete(timer);
    else {
      // Re-armed (same handle) before it runs, as Node does, so the callback may clear it.
      timer.at += timer.everyMs;
      timer.seq = ++this.seq;
    }
    timer.fn();
  }
}
