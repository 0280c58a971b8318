/**
 * One run at a time: a call while a run is under way joins it (same result) instead of starting another.
 * For work that is expensive against AWS and idempotent, such as the readiness checklist.
 */
export function singleFlight<A extends unknown[], T>(run: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  let current: Promise<T> | null = null;
  return (...args: A) => {
    current ??= run(...args).finally(() => {
      current = null;
    });
    return current;
  };
}
