import { systemTimers, type TimerHandle, type Timers } from './clock';

/**
 * One poll at a time, then the next after a delay the owner decides each time (fast while things
 * move, slow when steady, backing off while throttled). `run()` polls now, joining a poll already
 * under way; timers are unref'd so a forgotten loop never keeps the process alive.
 */
export class PollLoop {
  private timer: TimerHandle | null = null;
  private inFlight: Promise<void> | null = null;
  private stopped = true;

  constructor(
    private readonly poll: () => Promise<void>,
    private readonly nextDelayMs: () => number,
    private readonly onCrash: (error: unknown) => void = () => {},
    private readonly timers: Timers = systemTimers,
  ) {}

  /** Starts the cycle; call `run()` first when the first result must be known before going on. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    if (!this.inFlight) this.reschedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  run(): Promise<void> {
    if (!this.inFlight) {
      this.inFlight = this.poll()
        .catch((error: unknown) => this.onCrash(error))
        .finally(() => {
          this.inFlight = null;
          this.reschedule();
        });
    }
    return this.inFlight;
  }

  /** Re-plans the next poll now (after a change that makes it due sooner). */
  reschedule(): void {
    if (this.stopped) return;
    if (this.timer) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => void this.run(), this.nextDelayMs());
    this.timer.unref?.();
  }
}
