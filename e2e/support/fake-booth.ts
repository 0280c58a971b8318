import type { DestinationStatus } from '../../shared/domain/destination';
import type { ConnectionInfo } from '../../shared/domain/connection';
import type { DestinationState } from '../../shared/domain/channel';
import type { FlowSnapshot, FlowSourceStatus, HistorySeries, MetricKey } from '../../shared/domain/flow';

/**
 * A stand-in for the Electron preload's `window.booth`, installed by an init script: the
 * renderer prefers `window.booth` over the socket, so a page can be shown any set of
 * destinations without a core (layout checks for 20 destinations; MediaLive allows 5 a
 * region by default, so the simulator cannot be asked for 20).
 */
export function fakeBoothScript(snapshot: {
  destinations: DestinationStatus[];
  connection: ConnectionInfo;
  flow?: FlowSnapshot;
}): string {
  return `
    (() => {
      const data = ${JSON.stringify(snapshot)};
      const answer = (channel) => {
        if (channel === 'connection.describe') return { ok: true, data: data.connection };
        if (channel === 'destinations.snapshot') return { ok: true, data: { kind: 'snapshot', seq: 1, at: Date.now(), destinations: data.destinations } };
        if (channel === 'flow.snapshot' && data.flow) return { ok: true, data: data.flow };
        if (channel === 'flow.alerts' && data.flow) return { ok: true, data: { alerts: [] } };
        return { ok: false, code: 'unavailable', message: 'not in this fake' };
      };
      Object.defineProperty(window, 'booth', {
        value: Object.freeze({
          role: 'operator',
          invoke: (channel) => Promise.resolve(answer(channel)),
          on: () => () => {},
        }),
      });
    })();
  `;
}

const PLATFORMS = ['hls', 'youtube', 'twitch', 'linkedin', 'custom'];
const STATES: DestinationState[] = [
  'RUNNING',
  'IDLE',
  'STARTING',
  'IDLE',
  'MISSING',
  'RUNNING',
  'STOPPING',
  'IDLE',
  'UPDATE_FAILED',
  'RECOVERING',
];

/** n destinations in a mix of states, with long names, problems and errors: the worst a tile must hold. */
export function manyDestinations(n: number, now = Date.now()): DestinationStatus[] {
  return Array.from({ length: n }, (_, i) => {
    const state = STATES[i % STATES.length]!;
    const platform = PLATFORMS[i % PLATFORMS.length]!;
    return {
      id: `dest-${i + 1}`,
      platform,
      name: i % 4 === 3 ? `Regional simulcast partner number ${i + 1} with a very long name` : `Destination ${i + 1}`,
      channelId: state === 'MISSING' ? `99${i}` : `10${i}`,
      state,
      stateSince: now - 20_000 - i * 1_000,
      runningSince: state === 'RUNNING' ? now - 3_600_000 - i * 61_000 : null,
      unconfirmed: null,
      alarm: null,
      presetSummary: i % 7 === 6 ? null : i % 2 ? '1080p30 6 Mbps' : '720p30 2.5 Mbps',
      problem:
        state === 'MISSING'
          ? `MediaLive channel 99${i} does not exist in this account and region (deleted, or the stack mapping is out of date).`
          : null,
      lastError:
        state === 'UPDATE_FAILED' || state === 'RECOVERING' || (state === 'MISSING' && i % 2 === 0)
          ? { code: 'conflict', message: 'MediaLive refused the update: the channel is not IDLE.', at: now - 60_000 }
          : null,
      pending:
        state === 'STARTING' && i % 3 === 0
          ? { action: 'start', since: now - 5_000, attempt: 3, note: 'AWS is throttling requests; retrying' }
          : null,
      bitrateBps: 6_128_000,
    };
  });
}

export const SIMULATED_CONNECTION: ConnectionInfo = {
  mode: 'simulation',
  profile: null,
  region: 'us-east-1',
  accountId: '123456789012',
  stackName: 'lunora-booth',
  customEndpoint: true,
  credentialsExpireAt: null,
};

/**
 * A flow as the monitor reports it mid-show: main ON AIR and healthy, backup connected with some
 * loss, 15 minutes of 5 s history with a gap (CloudWatch gave nothing for a minute) in both.
 */
export function sampleFlowSnapshot(now = Date.now()): FlowSnapshot {
  const periodMs = 5_000;
  const end = Math.floor(now / periodMs) * periodMs;
  const source = (role: 'main' | 'backup', port: number, bitrate: number, loss: number): FlowSourceStatus => ({
    name: role,
    role,
    isPrimary: role === 'main',
    connected: true,
    connectedSince: now - 41 * 60_000,
    ingestEndpoint: `srt://198.51.100.20:${port}`,
    whitelistCidr: '203.0.113.5/32',
    minLatencyMs: 200,
    figures: {
      at: end,
      bitrateBps: bitrate,
      packetLossPercent: loss,
      jitterMs: 4,
      latencyMs: 204,
      countWindowMs: 10_000,
      notRecoveredPackets: 0,
      recoveredPackets: role === 'main' ? 3 : 41,
      arqRequests: role === 'main' ? 5 : 60,
      disconnections: 0,
    },
    grade: 'healthy',
    gradeCause: 'ok',
    gradeReason: `Connected, ${(bitrate / 1e6).toFixed(1)} Mbps, loss ${loss} %.`,
  });
  const series = (name: string, metric: MetricKey, value: (i: number) => number): HistorySeries => ({
    source: name,
    metric,
    points: Array.from({ length: 180 }, (_, k) => {
      const i = 179 - k;
      const t = end - i * periodMs;
      return [t, i >= 60 && i < 72 ? null : value(i)] as [number, number | null];
    }),
  });
  return {
    kind: 'snapshot',
    seq: 1,
    at: now,
    historyMs: 15 * 60_000,
    periodSec: 5,
    flow: {
      flowArn: 'arn:aws:mediaconnect:us-east-1:123456789012:flow:1-abc:lunora-srt-router',
      name: 'lunora-srt-router',
      availabilityZone: 'us-east-1a',
      status: 'ACTIVE',
      statusSince: now - 3 * 3_600_000,
      problem: null,
      failover: { state: 'ENABLED', mode: 'FAILOVER', recoveryWindowMs: 200, primarySource: 'main' },
      feeding: { source: 'main', role: 'main', inferred: true, reason: 'main is the primary source and is connected.' },
      sources: [source('main', 9998, 6_180_000, 0.01), source('backup', 9999, 6_120_000, 0.02)],
      metadata: {
        at: now - 10_000,
        source: 'main',
        video: [{ codec: 'h264', width: 1920, height: 1080, frameRate: '30' }],
        audio: [{ codec: 'aac', channels: 2, sampleRateHz: 48_000 }],
        messages: [],
      },
      metrics: { state: 'ok', message: null, lastSuccessAt: now - 2_000 },
      lastSwitch: null,
      lastError: null,
      polledAt: now - 2_000,
    },
    history: [
      series('main', 'bitrateBps', (i) => 6_100_000 + 120_000 * Math.sin(i / 7)),
      series('main', 'packetLossPercent', (i) => (i > 100 && i < 110 ? 0.6 : 0.01)),
      series('backup', 'bitrateBps', (i) => 6_050_000 + 90_000 * Math.cos(i / 9)),
      series('backup', 'packetLossPercent', (i) => 0.02 + (i % 17 === 0 ? 0.2 : 0)),
    ],
  };
}
