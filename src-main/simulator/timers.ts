import { systemTimers, type TimerHandle, type Timers } from '../core/clock';

/**
 * Tracks every timer the simulator creates so close() can clear them all (no leaked handles).
 * The timers themselves come from `base`: Node's by default, a test's clock when one is injected.
 */
export class TimerRegistry {
  private readonly timeouts = new Set<TimerHandle>();
  private readonly intervals = new Set<TimerHandle>();
  private closed = false;

  constructor(private readonly base: Timers = systemTimers) {}

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const handle: TimerHandle = this.base.setTimeout(
      () => {
        this.timeouts.delete(handle);
        if (!this.closed) fn();
      },
      Math.max(0, ms),
    );
    if (this.closed) this.base.clearTimeout(handle);
    else this.timeouts.add(handle);
    return handle;
  }

  clearTimeout(handle: TimerHandle | undefined | null): void {
    if (!handle) return;
    this.base.clearTimeout(handle);
    this.timeouts.delete(handle);
  }

  setInterval(fn: () => void, ms: number): TimerHandle {
    const handle = this.base.setInterval(
      () => {
        if (!this.closed) fn();
      },
      Math.max(1, ms),
    );
    if (this.closed) this.base.clearInterval(handle);
    else this.intervals.add(handle);
    return handle;
  }

  clearInterval(handle: TimerHandle | undefined | null): void {
    if (!handle) return;
    this.base.clearInterval(handle);
    this.intervals.delete(handle);
  }

  /** Resolves after ms unless the registry is closed first (then resolves early). */
  delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.closed) return resolve();
      const cancel = (): void => {
        this.clearTimeout(h);
        resolve();
      };
      const h = this.setTimeout(() => {
        this.onClose.delete(cancel);
        resolve();
      }, ms);
      this.onClose.add(cancel);
    });
  }

  private readonly onClose = new Set<() => void>();

  get isClosed(): boolean {
    return this.closed;
  }

  clearAll(): void {
    this.closed = true;
    for (const h of this.timeouts) this.base.clearTimeout(h);
    for (const h of this.intervals) this.base.clearInterval(h);
    this.timeouts.clear();
    this.intervals.clear();
    for (const fn of this.onClose) fn();
    this.onClose.clear();
  }
}
