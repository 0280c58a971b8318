import { systemTimers, type TimerHandle, type Timers } from '../clock';

/**
 * A client-side rate limit: tokens refill at `ratePerSec` up to `burst`; waiters are served in order.
 * The budgets themselves are in request-budgets.ts.
 */
export interface TokenBucketOptions {
  ratePerSec: number;
  burst: number;
  now?: () => number;
  /** Where the wait for the next token is scheduled (Node's timers unless a test brings its clock). */
  timers?: Timers;
}

export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly queue: Array<() => void> = [];
  private timer: TimerHandle | null = null;
  private readonly now: () => number;
  private readonly timers: Timers;

  constructor(private readonly options: TokenBucketOptions) {
    if (!(options.ratePerSec > 0) || !(options.burst >= 1))
      throw new Error('TokenBucket needs ratePerSec > 0 and burst >= 1');
    this.now = options.now ?? (() => Date.now());
    this.timers = options.timers ?? systemTimers;
    this.tokens = options.burst;
    this.last = this.now();
  }

  /** Resolves when a token is available (immediately when one is). */
  take(): Promise<void> {
    this.refill();
    if (this.queue.length === 0 && this.tokens >= 1) {
      this.tokens -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.queue.push(resolve);
      this.drainLater();
    });
  }

  available(): number {
    this.refill();
    return Math.floor(this.tokens);
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.options.burst, this.tokens + ((now - this.last) / 1000) * this.options.ratePerSec);
    this.last = now;
  }

  private drainLater(): void {
    if (this.timer) return;
    const wait = Math.max(1, Math.ceil(((1 - this.tokens) / this.options.ratePerSec) * 1000));
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.refill();
      while (this.queue.length > 0 && this.tokens >= 1) {
        this.tokens -= 1;
        this.queue.shift()?.();
      }
      if (this.queue.length > 0) this.drainLater();
    }, wait);
    // A waiting poll must not keep the process alive on quit.
    this.timer.unref?.();
  }
}
