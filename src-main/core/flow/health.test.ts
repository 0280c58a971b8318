import { describe, expect, it } from 'vitest';
import type { MetricsStatus } from '../../../shared/domain/flow';
import { backupVerdict, chartScales, gradeSource, resolveThresholds } from './health';
import { MetricHistory } from './history';

const T = resolveThresholds({
  lossWindowMs: 5_000,
  staleAfterMs: 10_000,
  lostAfterNoBitrateMs: 3_000,
  backupTestWindowMs: 10_000,
});
const OK: MetricsStatus = { state: 'ok', message: null, lastSuccessAt: 0 };
const NOW = 100_000;

function history(
  series: Partial<
    Record<'connected' | 'bitrateBps' | 'packetLossPercent' | 'notRecoveredPackets', Array<[number, number]>>
  >,
) {
  const h = new MetricHistory(15 * 60_000, 1_000);
  for (const [metric, points] of Object.entries(series))
    h.merge('main', metric as 'connected', points, NOW - 20_000, NOW, 2_000);
  return h;
}
const steady = (v: number, from = NOW - 9_000): Array<[number, number]> =>
  Array.from({ length: (NOW - from) / 1000 }, (_, i) => [from + i * 1000, v]);
const grade = (h: MetricHistory, metrics = OK, flowStatus: 'ACTIVE' | 'STANDBY' | 'MISSING' = 'ACTIVE') =>
  gradeSource({ source: 'main', flowStatus, metrics, history: h, now: NOW }, T);

describe('gradeSource', () => {
  it('healthy when connected with bitrate and low loss', () => {
    const g = grade(history({ connected: steady(1), bitrateBps: steady(6_000_000), packetLossPercent: steady(0.01) }));
    expect(g).toMatchObject({ grade: 'healthy', cause: 'ok', connected: true });
    expect(g.reason).toBe('Connected, 6 Mbps, loss 0.01 %.');
  });

  it('no datapoints is no-data, never a healthy zero; a real zero bitrate is not', () => {
    const none = grade(history({}));
    expect(none).toMatchObject({ grade: 'no-data', cause: 'no-datapoints', connected: null });
    expect(none.figures.bitrateBps).toBeNull();
    const zero = grade(history({ connected: steady(1, NOW - 20_000), bitrateBps: steady(0, NOW - 20_000) }));
    expect(zero).toMatchObject({ grade: 'lost', cause: 'no-bitrate' });
    expect(zero.figures.bitrateBps).toBe(0);
  });

  it('stale data (older than staleAfterMs) is no-data', () => {
    const old: Array<[number, number]> = [[NOW - 15_000, 1]];
    expect(grade(history({ connected: old, bitrateBps: old })).grade).toBe('no-data');
  });

  it('lost when SourceConnected is 0', () => {
    const g = grade(history({ connected: [...steady(1, NOW - 5_000), [NOW - 1_000, 0]], bitrateBps: steady(6e6) }));
    expect(g).toMatchObject({ grade: 'lost', cause: 'not-connected', connected: false });
  });

  it('degraded on short bitrate loss, lost once it lasts lostAfterNoBitrateMs', () => {
    const short = grade(
      history({ connected: steady(1), bitrateBps: [...steady(6e6, NOW - 9_000).slice(0, 8), [NOW - 1_000, 0]] }),
    );
    expect(short).toMatchObject({ grade: 'degraded', cause: 'no-bitrate' });
    const long = grade(
      history({
        connected: steady(1),
        bitrateBps: [...steady(6e6, NOW - 9_000).slice(0, 4), ...steady(0, NOW - 5_000)],
      }),
    );
    expect(long).toMatchObject({ grade: 'lost', cause: 'no-bitrate' });
  });

  it('degraded when average loss reaches the threshold', () => {
    const g = grade(history({ connected: steady(1), bitrateBps: steady(6e6), packetLossPercent: steady(0.8) }));
    expect(g).toMatchObject({ grade: 'degraded', cause: 'packet-loss' });
    expect(g.reason).toMatch(/Packet loss 0.8 % over 5 s \(threshold 0.5 %\)/);
  });

  it('says what it cannot know: throttled, flow stopped, flow missing', () => {
    const h = history({});
    expect(grade(h, { state: 'throttled', message: 'x', lastSuccessAt: null })).toMatchObject({
      grade: 'no-data',
      cause: 'metrics-throttled',
    });
    expect(grade(h, { state: 'error', message: 'boom', lastSuccessAt: null })).toMatchObject({
      grade: 'no-data',
      cause: 'metrics-error',
    });
    expect(grade(history({ connected: steady(1), bitrateBps: steady(6e6) }), OK, 'STANDBY')).toMatchObject({
      grade: 'no-data',
      cause: 'flow-not-running',
    });
    expect(grade(h, OK, 'MISSING')).toMatchObject({ grade: 'no-data', cause: 'flow-missing' });
  });
});

describe('backupVerdict', () => {
  it('ready when connected and clean over the whole window', () => {
    const h = history({
      connected: steady(1, NOW - 10_000),
      packetLossPercent: steady(0.01, NOW - 10_000),
      notRecoveredPackets: steady(0, NOW - 10_000),
    });
    const v = backupVerdict(h, 'main', NOW, T);
    expect(v.ready).toBe(true);
  });

  it('lists every reason it is not', () => {
    const h = history({
      connected: [...steady(1, NOW - 10_000).slice(0, 5), [NOW - 4_000, 0], ...steady(1, NOW - 3_000)],
      packetLossPercent: steady(1, NOW - 10_000),
      notRecoveredPackets: [[NOW - 2_000, 3]],
    });
    const v = backupVerdict(h, 'main', NOW, T);
    expect(v.ready).toBe(false);
    expect(v.reasons).toHaveLength(3);
    expect(backupVerdict(history({}), 'main', NOW, T)).toMatchObject({
      ready: false,
      figures: { connectedThroughout: null },
    });
  });
});

describe('chartScales', () => {
  it('draws the thresholds the grades use, on scales that do not depend on the values', () => {
    const scales = chartScales(resolveThresholds({ degradedLossPercent: 0.8, minBitrateBps: 100_000 }));
    expect(scales.packetLossPercent).toEqual({ max: 3.2, alert: 0.8, alertWhen: 'above' });
    expect(scales.bitrateBps).toEqual({ max: 12_000_000, alert: 100_000, alertWhen: 'below' });
    expect(chartScales(T).packetLossPercent).toMatchObject({ max: 2, alert: 0.5 });
  });
});
