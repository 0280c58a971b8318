/** What a scheduled callback returns: real Node timers can be unref'd, a test clock's handles need not. */
export interface TimerHandle {
  unref?(): unknown;
}

/**
 * Where the monitors and the simulator schedule work. Injected so a test can move time itself
 * (and so see minutes of polling in milliseconds) instead of waiting for the wall clock.
 */
export interface Timers {
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | null | undefined): void;
  setInterval(fn: () => void, ms: number): TimerHandle;
  clearInterval(handle: TimerHandle | null | undefined): void;
}

/** The time read and the timers used, from one source so that both always agree. */
export interface Clock extends Timers {
  /** Epoch milliseconds. */
  now(): number;
}

/** Node's own timers: what production always uses. */
export const systemTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as NodeJS.Timeout | undefined),
  setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as NodeJS.Timeout | undefined),
};

export const systemClock: Clock = { ...systemTimers, now: () => Date.now() };
