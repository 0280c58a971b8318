import { describe, expect, it } from 'vitest';
import { singleFlight } from './single-flight';

describe('singleFlight', () => {
  it('joins calls made while a run is under way, and starts a new run once it has settled', async () => {
    let runs = 0;
    let release: (value: number) => void = () => {};
    const joined = singleFlight(() => {
      runs += 1;
      return new Promise<number>((resolve) => (release = resolve));
    });
    const calls = Array.from({ length: 20 }, () => joined());
    expect(runs).toBe(1);
    release(42);
    expect(await Promise.all(calls)).toEqual(Array.from({ length: 20 }, () => 42));
    const next = joined();
    expect(runs).toBe(2);
    release(7);
    expect(await next).toBe(7);
  });

  it('lets a failed run fail every joined caller, and does not keep the failure', async () => {
    let attempt = 0;
    const flaky = singleFlight(async () => {
      attempt += 1;
      if (attempt === 1) throw new Error('AWS said no');
      return 'ok';
    });
    await expect(Promise.all([flaky(), flaky()])).rejects.toThrow('AWS said no');
    expect(await flaky()).toBe('ok');
  });
});
