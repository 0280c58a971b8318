import { MediaLiveClient } from '@aws-sdk/client-medialive';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { afterEach } from 'vitest';
import type { ManualClock } from '../../core/test-support/manual-clock';
import { startSimulator, type RunningSimulator } from '../index';
import { clientConfig, FAST_TIMINGS } from './helpers';

export interface SchedulerRig {
  sim: RunningSimulator;
  scheduler: SchedulerClient;
  medialive: MediaLiveClient;
  /** The first seeded destination and its channel. */
  dest: RunningSimulator['topology']['destinations'][number];
  channelId: string;
}

/**
 * The simulator without DynamoDB and the two clients the safety stop speaks through (Scheduler, MediaLive), one
 * attempt each so a refusal shows at once; closed after each test. Call at the top of a test file.
 */
export function useSchedulerSimulator(seed: number): (clock?: ManualClock) => Promise<SchedulerRig> {
  let sim: RunningSimulator | undefined;
  const clients: { destroy(): void }[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await sim?.close();
    sim = undefined;
  });
  return async (clock) => {
    sim = await startSimulator({ timings: FAST_TIMINGS, withDynamo: false, seed, ...(clock ? { clock } : {}) });
    const scheduler = new SchedulerClient(clientConfig(sim, { maxAttempts: 1 }));
    const medialive = new MediaLiveClient(clientConfig(sim, { maxAttempts: 1 }));
    clients.push(scheduler, medialive);
    const dest = sim.topology.destinations[0]!;
    return { sim, scheduler, medialive, dest, channelId: dest.channelId };
  };
}
