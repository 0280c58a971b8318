import { startBoothCore } from '../src-main/app/booth-core';
import { silentLogger } from '../src-main/core/logger';
import { createMemorySettingsStore } from '../src-main/core/settings';
import { report, sleep } from './stats';

/**
 * AWS calls per minute of the channel monitor, with its production intervals, in steady state
 * and while channels are in transition, for the seeded 5 destinations and for 50.
 */
async function measure(destinations: number, transitioning: boolean, windowMs: number): Promise<number> {
  const core = await startBoothCore({
    settings: createMemorySettingsStore(),
    logger: silentLogger,
    env: {},
    // Transitions that outlast the window, so the whole window is "during a transition".
    simulator: { extraDestinations: destinations - 5, timings: { channelStartMs: windowMs * 3 } },
  });
  try {
    const control = core.simulator!.control;
    if (transitioning)
      for (const d of core.simulator!.topology.destinations.slice(0, 2)) control.startChannel(d.channelId);
    await sleep(1_500);
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
