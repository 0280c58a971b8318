import { afterEach, describe, expect, it, vi } from 'vitest';
import { PollLoop } from './poll-loop';

afterEach(() => vi.useRealTimers());

describe('PollLoop', () => {
  it('polls one at a time, joins a poll under way, and plans the next with the delay asked each time', async () => {
    vi.useFakeTimers();
    let release!: () => void;
    const poll = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const delays = [100, 500];
    const loop = new PollLoop(poll, () => delays.shift() ?? 1_000);
    const first = loop.run();
    const joined = loop.run();
    expect(poll).toHaveBeenCalledTimes(1);
    loop.start();
    release();
    await first;
    await joined;
    await vi.advanceTimersByTimeAsync(99);
    expect(poll).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(poll).toHaveBeenCalledTimes(2);
    release();
    await vi.advanceTimersByTimeAsync(500);
    expect(poll).toHaveBeenCalledTimes(3);
    loop.stop();
    release();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(poll).toHaveBeenCalledTimes(3);
  });

  it('survives a poll that throws and keeps going', async () => {
    vi.useFakeTimers();
    const crashes: unknown[] = [];
    const poll = vi.fn().mockRejectedValueOnce(new Error('boom')).mockResolvedValue(undefined);
    const loop = new PollLoop(
      poll,
      () => 10,
      (e) => crashes.push(e),
    );
    loop.start();
    await vi.advanceTimersByTimeAsync(10);
    await vi.advanceTimersByTimeAsync(10);
    expect(crashes).toHaveLength(1);
    expect(poll).toHaveBeenCalledTimes(2);
    loop.stop();
  });
});
