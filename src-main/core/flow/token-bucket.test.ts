import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('allows the burst at once, then the steady rate, in order', async () => {
    const bucket = new TokenBucket({ ratePerSec: 20, burst: 3 });
    const started = Date.now();
    const done: number[] = [];
    await Promise.all(Array.from({ length: 7 }, (_, i) => bucket.take().then(() => done.push(i))));
    const elapsed = Date.now() - started;
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // 3 at once, 4 more at 20/s = about 200 ms.
    expect(elapsed).toBeGreaterThanOrEqual(180);
    expect(elapsed).toBeLessThan(600);
  });
});
