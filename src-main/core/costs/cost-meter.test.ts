import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_CARD } from '../../../shared/domain/cost';
import type { DestinationState } from '../../../shared/domain/channel';
import type { DestinationStatus } from '../../../shared/domain/destination';
import { CostMeter } from './cost-meter';
import { destinationStatus } from '../../../shared/domain/test-support/destination-status';

const MIN = 60_000;

function status(state: DestinationState, stateSince: number | null = null): DestinationStatus {
  return destinationStatus('youtube', state, { name: 'YouTube', stateSince });
}

function meter(clock: { now: number }) {
  const saved: Array<[string, number]> = [];
  const costs = new CostMeter({
    rates: () => DEFAULT_RATE_CARD,
    budgetUsd: () => 400,
    profile: () => ({ height: 1080, framerate: 30, totalBitrate: 0, pushesToInternet: false }),
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

  it('adds the month so far and saves the running total', () => {
    const clock = { now: Date.UTC(2026, 10, 25, 12) };
    const { costs, saved } = meter(clock);
    costs.observe([status('RUNNING', clock.now)]);
    clock.now += 10 * MIN;
    costs.persist();
    expect(saved).toEqual([['2026-11', expect.closeTo(10 + 0.0936, 4)]]);
  });
});
