import { openConsole, tileState } from './console-session';
import { paintedAfter } from './page-timing';
import { percentile, report, sleep } from './stats';

/**
 * Key press to StartChannel received by the simulator. The key's time is the browser event's own
 * timestamp (same machine clock as the simulator's log), so the figure is the console's latency:
 * renderer, socket, router and the request. With events flowing (as here) the take sends StartChannel alone; polling,
 * it reads the channel first (DescribeChannel), one round trip more.
 */
export async function benchKeyToRequest(takes = 200): Promise<void> {
  const session = await openConsole({
    simulator: { timings: { channelStartMs: 40, channelStopMs: 40 } },
    monitor: { fastIntervalMs: 100, slowIntervalMs: 100 },
  });
  const { page, simulator } = session;
  try {
    await page.waitForSelector('[data-testid="state-updates"][data-mode="events"]', { timeout: 30_000 });
    await page.evaluate(() => {
      const w = window as unknown as { __keyTimes: number[] };
      w.__keyTimes = [];
      window.addEventListener(
        'keydown',
        (e) => e.key === 'Enter' && w.__keyTimes.push(performance.timeOrigin + e.timeStamp),
        { capture: true },
      );
    });
    const control = simulator.control;
    const youtube = session.channelOf('youtube');
    const latencies: number[] = [];
    for (let i = 0; i < takes; i += 1) {
      await page.waitForSelector(tileState('youtube', 'IDLE'));
      await page.keyboard.press('2');
      await page.waitForSelector('[data-destination-id="youtube"][data-armed="start"]');
      const before = control.requests({ operation: 'StartChannel' }).length;
      await page.keyboard.press('Enter');
      while (control.requests({ operation: 'StartChannel' }).length === before) await sleep(1);
      const received = control.requests({ operation: 'StartChannel' }).at(-1)!.at;
      const pressed = await page.evaluate(() => (window as unknown as { __keyTimes: number[] }).__keyTimes.at(-1)!);
      latencies.push(received - pressed);
      // Back to IDLE behind the console's back, ready for the next take.
      await control.waitForChannelState(youtube, 'RUNNING', 5_000);
      control.stopChannel(youtube);
      await control.waitForChannelState(youtube, 'IDLE', 5_000);
    }
    report('key_to_request_p50', percentile(latencies, 50), 'ms');
    report('key_to_request_p99', percentile(latencies, 99), 'ms');
    report('key_to_request_takes', latencies.length, 'takes');
  } finally {
    await session.close();
  }
}

/**
 * A state change in the simulator (behind the console's back) to the tile showing it, with the production poll
 * intervals: during transitions (another channel is STARTING, so polling is fast) and in steady state (slow
 * polling). The change's time is the wall clock when the simulator made it, the screen's is the wall clock in the
 * page after the first frame painted with it: the same clock, read by two processes on one machine.
 */
export async function benchStateToScreen(samples = 30): Promise<void> {
  const session = await openConsole({ simulator: { timings: { channelStartMs: 600_000, channelStopMs: 300 } } });
  const { page, simulator } = session;
  try {
    const control = simulator.control;
    // Polling only, the baseline the pushed figures (push-events.ts) are set beside: without its seat queues the
    // console reads MediaLive at its polling cadence.
    for (const queue of simulator.topology.events.queues) control.deleteQueue(queue);
    await page.waitForSelector('[data-testid="state-updates"][data-mode="polling"]', { timeout: 30_000 });
    const twitch = session.channelOf('twitch');
    const measure = async (pollMs: number): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < samples; i += 1) {
        // A random phase against the poll cycle, as a real change would have (the previous sample's
        // IDLE was seen at a poll, so without this every change would land just after one).
        await sleep(Math.random() * pollMs);
        let changedAt = 0;
        const painted = await paintedAfter(page, tileState('twitch', 'STARTING'), () => {
          changedAt = Date.now();
          control.startChannel(twitch);
        });
        out.push(painted.paintedEpoch - changedAt);
        control.stopChannel(twitch);
        await page.waitForSelector(tileState('twitch', 'IDLE'), { timeout: 30_000 });
      }
      return out;
    };
    const steady = await measure(5_000);
    // A channel that stays STARTING keeps the monitor in its fast cadence.
    control.startChannel(session.channelOf('linkedin'));
    await page.waitForSelector(tileState('linkedin', 'STARTING'), { timeout: 30_000 });
    const transition = await measure(1_000);
    report('state_to_screen_transition_p50', percentile(transition, 50), 'ms');
    report('state_to_screen_transition_p95', percentile(transition, 95), 'ms');
    report('state_to_screen_transition_samples', transition.length, 'samples');
    report('state_to_screen_steady_p50', percentile(steady, 50), 'ms');
    report('state_to_screen_steady_p95', percentile(steady, 95), 'ms');
    report('state_to_screen_steady_samples', steady.length, 'samples');
  } finally {
    await session.close();
  }
}
