import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { MediaConnectClient } from '@aws-sdk/client-mediaconnect';
import { MediaLiveClient } from '@aws-sdk/client-medialive';
import type { ConfidenceUpdate, Thumbnail } from '../../../../shared/domain/confidence';
import { startSimulator, type RunningSimulator } from '../../../simulator/index';
import { loopbackClock } from '../../test-support/loopback-clock';
import type { ManualClock } from '../../test-support/manual-clock';
import { ConfidenceMonitor, type ConfidenceOptions } from '../confidence-monitor';

export interface ConfidenceRig {
  sim: RunningSimulator;
  clock: ManualClock;
  monitor: ConfidenceMonitor;
  /** Every update published, in order. */
  updates: ConfidenceUpdate[];
  /** The thumbnail on screen now per destination (the renderer's view). */
  shown: Map<string, Thumbnail | null>;
  destinationIds: string[];
  startChannels(ids: string[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * The console's confidence monitor against the simulator on one ManualClock: time stands still while a request
 * crosses the loopback socket (settle waits until no client has a request under way), so an hour runs in seconds.
 */
export async function startConfidenceRig(
  options: {
    destinationCount?: number;
    monitor?: Partial<ConfidenceOptions>;
    /** Called as each AWS request leaves (by its command's name), before it is sent. */
    onRequest?: (command: string) => void;
  } = {},
): Promise<ConfidenceRig> {
  const { clock, track: trackClient } = loopbackClock();
  const sim = await startSimulator({
    clock,
    withDynamo: false,
    timings: { channelStartMs: 1_000, channelStopMs: 1_000 },
    ...(options.destinationCount ? { destinationCount: options.destinationCount } : {}),
  });
  const config = {
    region: sim.region,
    endpoint: sim.endpoint,
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIDSIM', secretAccessKey: 'sim' },
  };
  const track = <T extends object>(client: T): T => trackClient(client, options.onRequest);
  const medialive = track(new MediaLiveClient(config));
  const mediaconnect = track(new MediaConnectClient(config));
  const cloudwatch = track(new CloudWatchClient(config));
  const updates: ConfidenceUpdate[] = [];
  const shown = new Map<string, Thumbnail | null>();
  const destinations = sim.topology.destinations;
  const monitor = new ConfidenceMonitor({
    medialive,
    mediaconnect,
    cloudwatch,
    flowArn: sim.topology.flowArn,
    clock,
    destinations: () =>
      destinations.map((d) => {
        const state = sim.control.channelState(d.channelId);
        return { id: d.id, channelId: d.channelId, running: state === 'RUNNING' || state === 'RECOVERING' };
      }),
    publish: (u) => {
      updates.push(u);
      if (u.target.kind === 'destination' && u.thumbnail !== undefined) shown.set(u.target.id, u.thumbnail);
    },
    ...(options.monitor ? { options: options.monitor } : {}),
  });
  return {
    sim,
    clock,
    monitor,
    updates,
    shown,
    destinationIds: destinations.map((d) => d.id),
    async startChannels(ids) {
      for (const id of ids) {
        const d = destinations.find((x) => x.id === id);
        if (d) sim.control.startChannel(d.channelId);
      }
      await clock.advance(1_500);
    },
    async close() {
      monitor.stop();
      medialive.destroy();
      mediaconnect.destroy();
      cloudwatch.destroy();
      await sim.close();
    },
  };
}
