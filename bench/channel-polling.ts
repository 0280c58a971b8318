import type { SimulatorControl } from '../src-main/simulator/index';
import { startCore } from './console-session';
import { report, sleep } from './stats';

/** The production channel monitor's fast cadence (ChannelMonitor's default fastIntervalMs). */
const FAST_INTERVAL_MS = 1_000;

/** Resolves once two ListChannels in a row came at the fast cadence: the monitor has seen the transition. */
async function untilFastCadence(control: SimulatorControl, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const polls = control.requests({ operation: 'ListChannels' });
    const [a, b] = polls.slice(-2);
    if (a && b && b.at - a.at < FAST_INTERVAL_MS * 1.5) return;
    await sleep(100);
  }
  throw new Error('the channel monitor never switched to its fast cadence');
}

/**
 * AWS calls per minute of the channel monitor, with its production intervals, in steady state
 * and while channels are in transition, for the seeded 5 destinations and for 50.
 */
async function measure(destinations: number, transitioning: boolean, windowMs: number): Promise<number> {
  const { core, simulator } = await startCore({
    destinations,
    // Transitions that outlast the window, so the whole window is "during a transition".
    simulator: { timings: { channelStartMs: windowMs * 3 } },
  });
  try {
    const control = simulator.control;
    await sleep(1_500);
    if (transitioning) {
      for (const d of simulator.topology.destinations.slice(0, 2)) control.startChannel(d.channelId);
      // Counted from the fast cadence on: before it the monitor polls at its steady interval, not yet knowing.
      await untilFastCadence(control);
    }
    control.clearRequests();
    await sleep(windowMs);
    const calls = control.requests({ service: 'medialive' }).length;
    return (calls * 60_000) / windowMs;
  } finally {
    await core.close();
  }
}

export async function benchChannelPolling(windowMs = 15_000): Promise<void> {
  for (const destinations of [5, 50]) {
    report(
      `calls_per_min_steady_${destinations}`,
      Math.round(await measure(destinations, false, windowMs)),
      'calls/min',
    );
    report(
      `calls_per_min_transition_${destinations}`,
      Math.round(await measure(destinations, true, windowMs)),
      'calls/min',
    );
  }
}
