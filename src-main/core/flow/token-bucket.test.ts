import { describe, expect, it } from 'vitest';
import { ManualClock } from '../test-support/manual-clock';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('allows the burst at once, then the steady rate, in order', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ ratePerSec: 20, burst: 3, now: clock.now, timers: clock });
    const started = clock.now();
    const done: Array<{ i: number; atMs: number }> = [];
    const all = Promise.all(
      Array.from({ length: 7 }, (_, i) => bucket.take().then(() => done.push({ i, atMs: clock.now() - started }))),
    );
    await clock.run(all);
    expect(done.map((d) => d.i)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // 3 at once, then one every 50 ms (20/s).
    expect(done.map((d) => d.atMs)).toEqual([0, 0, 0, 50, 100, 150, 200]);
    expect(clock.pending()).toBe(0);
  });
});
