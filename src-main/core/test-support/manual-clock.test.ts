import { describe, expect, it } from 'vitest';
import { MANUAL_CLOCK_START, ManualClock } from './manual-clock';

describe('ManualClock', () => {
  it('fires due timers in time order, each at its own instant, and stops at the target', async () => {
    const clock = new ManualClock();
    const fired: Array<[string, number]> = [];
    const at = (name: string) => () => fired.push([name, clock.now() - MANUAL_CLOCK_START]);
    clock.setTimeout(at('b'), 20);
    clock.setTimeout(at('a'), 10);
    clock.setTimeout(at('c'), 20); // same instant as b: after it, as it was set after it
    clock.setTimeout(at('zero'), 0); // like Node, under 1 ms is 1 ms
    const cleared = clock.setTimeout(at('never'), 5);
    clock.clearTimeout(cleared);
    clock.setTimeout(at('later'), 31);
    await clock.advance(30);
    expect(fired).toEqual([
      ['zero', 1],
      ['a', 10],
      ['b', 20],
      ['c', 20],
    ]);
    expect(clock.now()).toBe(MANUAL_CLOCK_START + 30);
    expect(clock.pending()).toBe(1);
  });

  it('re-arms an interval on the same handle, which its own callback may clear', async () => {
    const clock = new ManualClock();
    const ticks: number[] = [];
    const handle = clock.setInterval(() => {
      ticks.push(clock.now() - MANUAL_CLOCK_START);
      if (ticks.length === 3) clock.clearInterval(handle);
    }, 100);
    await clock.advance(1_000);
    expect(ticks).toEqual([100, 200, 300]);
    expect(clock.pending()).toBe(0);
  });

  it('lets the work a timer started settle before the next timer fires', async () => {
    let inFlight = 0;
    const order: string[] = [];
    const clock = new ManualClock({
      settle: async () => {
        while (inFlight > 0) await new Promise((resolve) => setImmediate(resolve));
      },
    });
    clock.setTimeout(() => {
      inFlight += 1;
      // Stands for real I/O (a few event-loop turns, no timer of this clock): it must finish first.
      setImmediate(() =>
        setImmediate(() => {
          order.push('answer');
          inFlight -= 1;
        }),
      );
    }, 10);
    clock.setTimeout(() => order.push('next timer'), 11);
    await clock.advance(20);
    expect(order).toEqual(['answer', 'next timer']);
  });

  it('runs time until a check passes and says how long that took; fails with the last reason when it does not', async () => {
    const clock = new ManualClock();
    let polls = 0;
    clock.setInterval(() => (polls += 1), 250);
    expect(await clock.until(() => polls >= 3, 1_000)).toBe(750);
    await expect(clock.until(() => expect(polls).toBe(100), 1_000)).rejects.toThrow(
      /not reached within 1000 ms of simulated time: .*expected 7 to be 100/,
    );
    expect(clock.now()).toBe(MANUAL_CLOCK_START + 1_750);
  });

  it('runs time until a piece of work that waits on it settles, passing on its value or its error', async () => {
    const clock = new ManualClock();
    const wait = (ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms));
    const work = async () => {
      await wait(300);
      await wait(200);
      return clock.now() - MANUAL_CLOCK_START;
    };
    await expect(clock.run(work())).resolves.toBe(500);
    const failing = async () => {
      await wait(100);
      throw new Error('refused');
    };
    await expect(clock.run(failing())).rejects.toThrow('refused');
    await expect(clock.run(wait(10_000), 1_000)).rejects.toThrow(/not reached within 1000 ms/);
  });
});
