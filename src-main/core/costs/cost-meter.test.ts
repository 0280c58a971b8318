import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_CARD } from '../../../shared/domain/cost';
import type { DestinationState } from '../../../shared/domain/channel';
import type { DestinationStatus } from '../../../shared/domain/destination';
import { CostMeter } from './cost-meter';
import { destinationStatus } from '../../../shared/domain/test-support/destination-status';

const MIN = 60_000;
const HOUR = 60 * MIN;

function status(state: DestinationState, stateSince: number | null = null, id = 'youtube'): DestinationStatus {
  return destinationStatus(id, state, { name: id, stateSince });
}

/** Five destinations, as the booth has: each channel's MediaConnect input is on the flow. */
const FIVE = ['primary', 'youtube', 'twitch', 'linkedin', 'custom'];

function meter(clock: { now: number }, totalBitrate = 0) {
  const saved: Array<[string, number]> = [];
  const costs = new CostMeter({
    rates: () => DEFAULT_RATE_CARD,
    budgetUsd: () => 400,
    profile: () => ({ height: 1080, framerate: 30, totalBitrate, pushesToInternet: false }),
    spend: { load: () => 10, save: (month, usd) => saved.push([month, usd]) },
    now: () => clock.now,
  });
  return { costs, saved };
}

describe('cost meter', () => {
  it('bills a run from STARTING to IDLE, per started minute with the ten-minute minimum, per run', () => {
    const clock = { now: Date.UTC(2026, 10, 25, 12) };
    const { costs } = meter(clock);
    costs.observe([status('STARTING', clock.now)]);
    clock.now += 25 * MIN + 1;
    costs.observe([status('IDLE', clock.now)]);
    clock.now += 60 * MIN;
    costs.observe([status('STARTING', clock.now)]);
    clock.now += 2 * MIN;
    const youtube = costs.snapshot().destinations[0]!;
    expect(youtube.billedMinutes).toBe(26 + 10);
    expect(youtube.usd).toBeCloseTo(((0.1404 + 0.4212) * 36) / 60, 6);
    expect(youtube.usdPerHour).toBeCloseTo(0.5616, 6);
  });

  it('keeps a run going through UNKNOWN (AWS unreadable) instead of closing and re-opening it', () => {
    const clock = { now: Date.UTC(2026, 10, 25, 12) };
    const { costs } = meter(clock);
    costs.observe([status('RUNNING', clock.now)]);
    clock.now += 12 * MIN;
    costs.observe([status('UNKNOWN', clock.now)]);
    clock.now += 3 * MIN;
    costs.observe([status('RUNNING', clock.now)]);
    clock.now += 5 * MIN;
    expect(costs.snapshot().destinations[0]!.billedMinutes).toBe(20);
  });

  it('does not bill RECOVERING as running: the failed channel is billed idle until it runs again', () => {
    const clock = { now: Date.UTC(2026, 10, 25, 12) };
    const { costs } = meter(clock);
    costs.observe([status('RUNNING', clock.now)]);
    clock.now += 30 * MIN;
    costs.observe([status('RECOVERING', clock.now)]);
    clock.now += 20 * MIN;
    costs.observe([status('RUNNING', clock.now)]);
    clock.now += 30 * MIN;
    const snapshot = costs.snapshot();
    const youtube = snapshot.destinations[0]!;
    expect(youtube.billedMinutes).toBe(60);
    expect(youtube.idleUsd).toBeCloseTo(((0.01 + 0.01) * 20) / 60, 9);
    expect(snapshot.split.idleUsd).toBeCloseTo(youtube.idleUsd, 9);
  });

  it('bills idle channels and their push inputs by the hour, and nothing for a missing channel', () => {
    const clock = { now: Date.UTC(2026, 10, 25, 12) };
    const { costs } = meter(clock);
    costs.observe([status('IDLE', null, 'youtube'), status('MISSING', null, 'twitch')]);
    clock.now += HOUR;
    const snapshot = costs.snapshot();
    expect(snapshot.split.idleUsd).toBeCloseTo(
      DEFAULT_RATE_CARD.medialiveIdleChannelPerHour + DEFAULT_RATE_CARD.medialiveIdlePushInputPerHour,
      9,
    );
    expect(snapshot.destinations.find((d) => d.id === 'twitch')!.idleUsd).toBe(0);
    expect(snapshot.split.channelsUsd).toBe(0);
    expect(snapshot.totalUsd).toBeCloseTo(snapshot.split.idleUsd, 9);
  });

  it('bills no flow hours and no flow data while the flow is in STANDBY', () => {
    const clock = { now: Date.UTC(2026, 10, 25, 12) };
    const { costs } = meter(clock, 6_000_000);
    costs.observe(FIVE.map((id) => status('IDLE', null, id)));
    costs.observeFlow({ status: 'STANDBY', sourceBitrateBps: null });
    clock.now += HOUR;
    const snapshot = costs.snapshot();
    expect(snapshot.flowUsd).toBe(0);
    expect(snapshot.split.flowHoursUsd).toBe(0);
    expect(snapshot.flow.dataGb).toBe(0);
  });

  it('bills flow data to every channel input while the flow is ACTIVE, though no channel runs (about 13.5 GB/h for five 6 Mbps)', () => {
    const clock = { now: Date.UTC(2026, 10, 25, 12) };
    const { costs } = meter(clock, 6_000_000);
    costs.observe(FIVE.map((id) => status('IDLE', null, id)));
    costs.observeFlow({ status: 'ACTIVE', sourceBitrateBps: null });
    clock.now += HOUR;
    const snapshot = costs.snapshot();
    expect(snapshot.flow).toMatchObject({ channelInputs: 5, dataBps: 30_000_000, basis: 'presets' });
    expect(snapshot.flow.dataGb).toBeCloseTo(13.5, 6);
    expect(snapshot.split.flowDataUsd).toBeCloseTo(13.5 * DEFAULT_RATE_CARD.mediaconnectDataPerGb, 6);
    expect(snapshot.split.flowHoursUsd).toBeCloseTo(DEFAULT_RATE_CARD.mediaconnectFlowPerHour, 9);
    expect(snapshot.split.channelsUsd).toBe(0);
    expect(snapshot.flowUsd).toBeCloseTo(snapshot.split.flowHoursUsd + snapshot.split.flowDataUsd, 9);
  });

  it("uses the feeding source's measured bitrate per channel input when CloudWatch has one", () => {
    const clock = { now: Date.UTC(2026, 10, 25, 12) };
    const { costs } = meter(clock, 6_000_000);
    costs.observe(FIVE.map((id) => status('IDLE', null, id)));
    costs.observeFlow({ status: 'ACTIVE', sourceBitrateBps: 8_000_000 });
    clock.now += HOUR;
    const snapshot = costs.snapshot();
    expect(snapshot.flow).toMatchObject({ basis: 'measured', dataBps: 40_000_000 });
    expect(snapshot.flow.dataGb).toBeCloseTo(18, 6);
  });

  it('counts only the ACTIVE part: stopped to STANDBY halfway, UNKNOWN keeping the last status', () => {
    const clock = { now: Date.UTC(2026, 10, 25, 12) };
    const { costs } = meter(clock, 6_000_000);
    costs.observe([status('IDLE')]);
    costs.observeFlow({ status: 'ACTIVE', sourceBitrateBps: null });
    clock.now += 20 * MIN;
    costs.observeFlow({ status: 'UNKNOWN', sourceBitrateBps: null });
    clock.now += 10 * MIN;
    costs.observeFlow({ status: 'STANDBY', sourceBitrateBps: null });
    clock.now += 30 * MIN;
    const snapshot = costs.snapshot();
    expect(snapshot.flow.activeMs).toBe(30 * MIN);
    expect(snapshot.split.flowHoursUsd).toBeCloseTo(DEFAULT_RATE_CARD.mediaconnectFlowPerHour / 2, 9);
    expect(snapshot.flow.dataGb).toBeCloseTo(13.5 / 5 / 2, 6);
  });

  it('stops billing a retired destination (idle and flow data) and keeps what it cost so far', () => {
    const clock = { now: Date.UTC(2026, 10, 25, 12) };
    const { costs } = meter(clock, 6_000_000);
    costs.observe(FIVE.map((id) => status('IDLE', null, id)));
    costs.observeFlow({ status: 'ACTIVE', sourceBitrateBps: null });
    clock.now += HOUR;
    costs.retain(FIVE.filter((id) => id !== 'custom'));
    clock.now += HOUR;
    const snapshot = costs.snapshot();
    expect(snapshot.flow.channelInputs).toBe(4);
    expect(snapshot.flow.dataGb).toBeCloseTo(13.5 + (13.5 * 4) / 5, 6);
    expect(snapshot.destinations.find((d) => d.id === 'custom')!.idleUsd).toBeCloseTo(0.02, 9);
    expect(snapshot.split.idleUsd).toBeCloseTo(0.02 * 5 + 0.02 * 4, 9);
  });

  it("prices the console's GetMetricData reads per metric requested", () => {
    const clock = { now: Date.UTC(2026, 10, 25, 12) };
    const { costs } = meter(clock);
    for (let i = 0; i < 50; i++) costs.recordMetricsRequested(20);
    const snapshot = costs.snapshot();
    expect(snapshot.metricsRequested).toBe(1000);
    expect(snapshot.split.monitoringUsd).toBeCloseTo(DEFAULT_RATE_CARD.cloudwatchPerThousandMetrics, 9);
    expect(snapshot.totalUsd).toBeCloseTo(snapshot.split.monitoringUsd, 9);
  });

  it('adds the month so far and saves the running total of channels and monitoring', () => {
    const clock = { now: Date.UTC(2026, 10, 25, 12) };
    const { costs, saved } = meter(clock);
    costs.observe([status('RUNNING', clock.now)]);
    costs.recordMetricsRequested(1000);
    clock.now += 10 * MIN;
    costs.persist();
    expect(saved).toEqual([['2026-11', expect.closeTo(10 + 0.0936 + 0.01, 4)]]);
  });

  it('projects the ACTIVE flow, its data and the idle channels around the clock', () => {
    const clock = { now: Date.UTC(2026, 10, 16, 0) };
    const { costs } = meter(clock, 6_000_000);
    costs.observe(FIVE.map((id) => status('IDLE', null, id)));
    const standby = costs.snapshot().projectedMonthUsd;
    costs.observeFlow({ status: 'ACTIVE', sourceBitrateBps: null });
    const active = costs.snapshot().projectedMonthUsd;
    const monthHours = 30 * 24;
    const flowPerHour = DEFAULT_RATE_CARD.mediaconnectFlowPerHour + 13.5 * DEFAULT_RATE_CARD.mediaconnectDataPerGb;
    expect(active - standby).toBeCloseTo(flowPerHour * monthHours, 0);
  });
});
