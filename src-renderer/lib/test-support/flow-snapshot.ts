import type { FlowSnapshot, FlowSourceStatus, HistorySeries, MetricKey } from '../../../shared/domain/flow';

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
    charts: {
      bitrateBps: { max: 12_000_000, alert: 50_000, alertWhen: 'below' },
      packetLossPercent: { max: 2, alert: 0.5, alertWhen: 'above' },
    },
    flow: {
      flowArn: 'arn:aws:mediaconnect:us-east-1:123456789012:flow:1-abc:lunora-srt-router',
      name: 'lunora-srt-router',
      availabilityZone: 'us-east-1a',
      status: 'ACTIVE',
      statusSince: now - 3 * 3_600_000,
      problem: null,
      failover: { state: 'ENABLED', mode: 'FAILOVER', recoveryWindowMs: 200, primarySource: 'main' },
      feeding: {
        source: 'main',
        role: 'main',
        inferred: true,
        reason: 'main is the primary source and is connected.',
        signal: 'inferred from SourceConnected and the primary source',
      },
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
      feedingSince: { source: 'main', role: 'main', since: now - 600_000, cause: 'observed', acknowledged: false },
      inputOutage: null,
      unconfirmed: null,
    },
    history: [
      series('main', 'bitrateBps', (i) => 6_100_000 + 120_000 * Math.sin(i / 7)),
      series('main', 'packetLossPercent', (i) => (i > 100 && i < 110 ? 0.6 : 0.01)),
      series('backup', 'bitrateBps', (i) => 6_050_000 + 90_000 * Math.cos(i / 9)),
      series('backup', 'packetLossPercent', (i) => 0.02 + (i % 17 === 0 ? 0.2 : 0)),
    ],
  };
}
