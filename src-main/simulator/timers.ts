/** Tracks every timer the simulator creates so close() can clear them all (no leaked handles). */
export class TimerRegistry {
  private readonly timeouts = new Set<NodeJS.Timeout>();
  private readonly intervals = new Set<NodeJS.Timeout>();
  private closed = false;

  setTimeout(fn: () => void, ms: number): NodeJS.Timeout {
    const handle: NodeJS.Timeout = globalThis.setTimeout(
      () => {
        this.timeouts.delete(handle);
        if (!this.closed) fn();
      },
      Math.max(0, ms),
    );
    if (this.closed) globalThis.clearTimeout(handle);
    else this.timeouts.add(handle);
    return handle;
  }

  clearTimeout(handle: NodeJS.Timeout | undefined | null): void {
    if (!handle) return;
    globalThis.clearTimeout(handle);
    this.timeouts.delete(handle);
  }

  setInterval(fn: () => void, ms: number): NodeJS.Timeout {
    const handle = globalThis.setInterval(
      () => {
        if (!this.closed) fn();
      },
      Math.max(1, ms),
    );
    if (this.closed) globalThis.clearInterval(handle);
    else this.intervals.add(handle);
    return handle;
  }

  clearInterval(handle: NodeJS.Timeout | undefined | null): void {
    if (!handle) return;
    globalThis.clearInterval(handle);
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
    for (const h of this.timeouts) globalThis.clearTimeout(h);
    for (const h of this.intervals) globalThis.clearInterval(h);
    this.timeouts.clear();
    this.intervals.clear();
    for (const fn of this.onClose) fn();
    this.onClose.clear();
  }
}
